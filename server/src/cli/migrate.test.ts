import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../test/backends.js";
import { type CliTarget, cliTarget } from "../../test/cli-target.js";
import { describeStore } from "../app/server.js";
import { loadConfig } from "../config/config.js";
import { MIGRATIONS } from "../store/migrations/index.js";
import { migrate } from "./migrate.js";
import { runCli } from "./program.js";

const ALL = Object.keys(MIGRATIONS);
const LATEST = ALL.at(-1);

describe.each(backends)("keygate migrate on $name", (backend) => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await cliTarget(backend, "empty");
  });
  afterAll(async () => target.remove());

  it("applies the pending migrations and names them", async () => {
    const io = target.io();
    expect(await migrate(target.config, io)).toEqual({ applied: ALL, current: LATEST });
    expect(io.out).toEqual([
      `${describeStore(target.config)}: applied ${ALL.length} migration(s): ${ALL.join(", ")}.`,
    ]);
  });

  it("applies nothing the second time", async () => {
    const io = target.io();
    expect(await runCli(["migrate"], io)).toBe(0);
    expect(io.out).toEqual([
      `${describeStore(target.config)}: the schema is up to date (${LATEST}); nothing applied.`,
    ]);
  });

  it("refuses a schema newer than the code with one line and exit code 1", async () => {
    await target.withDb(async (store) => {
      await sql`insert into keygate_migrations (name, timestamp) values ('0099_future', '2030-01-01')`.execute(
        store.db,
      );
    });
    const io = target.io();
    expect(await runCli(["migrate"], io)).toBe(1);
    expect(io.errors).toEqual([
      "error: the database schema is newer than this Keygate (it has migration 0099_future, which this version does not know); run a newer Keygate or restore a matching backup",
    ]);
    expect(io.out).toEqual([]);
  });
});

describe("describeStore", () => {
  it("names the folder or the database, never the password", () => {
    expect(describeStore(loadConfig({ DATABASE_URL: "postgres://kg:s3cret@db.internal:6432/keygate" }))).toBe(
      "PostgreSQL at db.internal:6432/keygate",
    );
    expect(describeStore(loadConfig({ KEYGATE_DATA_DIR: "/var/lib/keygate" }))).toBe(
      "PGlite in /var/lib/keygate",
    );
  });
});
