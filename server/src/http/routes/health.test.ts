/**
 * Liveness and readiness: /readyz fails only when the store is really unreachable, never because
 * a change failed at the same moment on the embedded store's one connection.
 */
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, backends } from "../../../test/backends.js";
import { createTestService, seedWorkspace, type TestService } from "../../../test/harness.js";
import { pgliteDump } from "../../../test/store-pool.js";
import { openStore } from "../../store/database.js";

/**
 * The store as the server opens it: the embedded one in its own thread, from the migrated dump
 * (the harness's pooled test stores are not the code under test here).
 */
const asServed = (backend: Backend): Backend =>
  backend.name === "pglite"
    ? { ...backend, open: async () => openStore({ loadDataDir: await pgliteDump("pgliteDumpPath") }) }
    : backend;

describe.each(backends)("health on $name", (backend) => {
  let service: TestService;
  let workspaceId: string;
  beforeAll(async () => {
    service = await createTestService({ backend: asServed(backend) });
    workspaceId = (await seedWorkspace(service)).workspace.id;
  });
  afterAll(async () => service.close());

  const readiness = () => service.app.inject({ method: "GET", url: "/readyz" });

  it("answers /healthz while alive and /readyz when the store is current", async () => {
    const alive = await service.app.inject({ method: "GET", url: "/healthz" });
    expect([alive.statusCode, alive.json()]).toEqual([200, { status: "ok" }]);
    const ready = await readiness();
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: "ready" }]);
  });

  it("stays ready when asked inside the moment a failed transaction waits for its rollback", async () => {
    let asked: Promise<LightMyRequestResponse> | undefined;
    const failing = service.store.db.transaction().execute(async (trx) => {
      // The statement fails: the transaction is aborted until it rolls back.
      await sql`select 1 / 0`.execute(trx).catch(() => undefined);
      asked = readiness();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error("roll back");
    });
    await expect(failing).rejects.toThrow("roll back");
    const answer = await asked;
    expect([answer?.statusCode, answer?.json()]).toEqual([200, { status: "ready" }]);
  });

  it("stays ready through a burst of failing changes", async () => {
    const failingChange = () =>
      service.store.db
        .transaction()
        .execute(async (trx) => {
          await trx
            .updateTable("workspaces")
            .set({ name: "renamed" })
            .where("id", "=", workspaceId)
            .execute();
          await sql`insert into workspaces select * from workspaces where id = ${workspaceId}`.execute(trx);
        })
        .then(
          () => "committed",
          () => "failed",
        );
    const outcomes: string[] = [];
    const chains = Array.from({ length: 4 }, async () => {
      for (let i = 0; i < 15; i++) outcomes.push(await failingChange());
    });
    let changing = true;
    const running = Promise.all(chains).finally(() => {
      changing = false;
    });
    const statuses: number[] = [];
    const polls = Array.from({ length: 8 }, async () => {
      while (changing) statuses.push((await readiness()).statusCode);
    });
    await Promise.all([running, ...polls]);
    expect(outcomes).toEqual(Array(60).fill("failed"));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });

  it("is not ready when the store is unreachable", async () => {
    // A real PostgreSQL client aimed at a port where nothing listens.
    const unreachable = await openStore({ databaseUrl: "postgres://postgres@127.0.0.1:1/none" });
    const gone = await createTestService({
      backend,
      configure: (ctx) => {
        ctx.store = unreachable;
      },
    });
    try {
      const answer = await gone.app.inject({ method: "GET", url: "/readyz" });
      expect(answer.statusCode).toBe(503);
      expect(answer.json()).toEqual({
        error: {
          code: "UNAVAILABLE",
          message: "the store is not reachable",
          requestId: expect.stringMatching(/^req_/),
        },
      });
    } finally {
      await gone.app.close();
      await unreachable.close();
    }
  });
});
