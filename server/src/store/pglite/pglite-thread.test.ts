/**
 * The embedded store's thread: queries answer as PGlite's own would (rows, affected rows, errors
 * with their PostgreSQL code), the event loop keeps running while the store works, and closing
 * stops the thread. The stores start from the prepared empty dump (a fresh initdb takes seconds).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteDump } from "../../../test/store-pool.js";
import { PgliteThread } from "./pglite-thread.js";

describe("the embedded store's thread", () => {
  let thread: PgliteThread;

  beforeAll(async () => {
    thread = await PgliteThread.start({ loadDataDir: await pgliteDump("pgliteEmptyDumpPath") });
    await thread.query("create table notes (id int primary key, body text, at timestamptz, n bigint)");
  });
  afterAll(async () => thread.close());

  it("answers rows with their types and the number of affected rows", async () => {
    const inserted = await thread.query("insert into notes values ($1, $2, $3, $4), ($5, $6, $7, $8)", [
      1,
      "first",
      new Date("2026-06-01T12:00:00.000Z"),
      9007199254740991,
      2,
      "second",
      null,
      null,
    ]);
    expect(inserted).toEqual({ rows: [], affectedRows: 2 });
    expect((await thread.query("select * from notes order by id")).rows).toEqual([
      { id: 1, body: "first", at: new Date("2026-06-01T12:00:00.000Z"), n: 9007199254740991 },
      { id: 2, body: "second", at: null, n: null },
    ]);
  });

  it("rejects with PostgreSQL's error: its message, code and constraint", async () => {
    await expect(thread.query("insert into notes (id) values (1)")).rejects.toMatchObject({
      message: 'duplicate key value violates unique constraint "notes_pkey"',
      code: "23505",
      constraint: "notes_pkey",
      table: "notes",
    });
    await expect(thread.query("selec 1")).rejects.toMatchObject({ code: "42601" });
  });

  it("keeps the event loop free while the store works", async () => {
    const started = performance.now();
    const slow = thread.query("select pg_sleep(0.4)");
    const ticks: number[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      ticks.push(performance.now() - started);
    }
    await slow;
    // Five timers of 20 ms fired on time while the query slept for 400 ms in the store's thread.
    expect(ticks[4]).toBeLessThan(300);
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
  });

  it("refuses queries once closed, and closes twice without harm", async () => {
    const other = await PgliteThread.start({ loadDataDir: await pgliteDump("pgliteEmptyDumpPath") });
    await other.close();
    await other.close();
    await expect(other.query("select 1")).rejects.toThrow("the embedded store's thread stopped");
  });
});
