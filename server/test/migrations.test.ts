import { type Kysely, type Migration, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openStore, type Store } from "../src/store/database.js";
import { migrateToLatest, SchemaTooNewError } from "../src/store/migrate.js";
import { MIGRATIONS } from "../src/store/migrations/index.js";
import type { Database, KeyUsageTable } from "../src/store/schema.js";
import { type Backend, backends } from "./backends.js";
import { keyRow, workspaceRow } from "./store-fixtures.js";

const TABLES = [
  "apis",
  "app_apis",
  "apps",
  "audit_events",
  "cluster_jobs",
  "cluster_nodes",
  "identities",
  "invitations",
  "key_notices",
  "key_secrets",
  "key_usage",
  "keygate_migrations",
  "keygate_migrations_lock",
  "keys",
  "memberships",
  "portal_sessions",
  "portal_tokens",
  "root_keys",
  "sessions",
  "setup_tokens",
  "usage_batches",
  "users",
  "webhook_attempts",
  "webhook_deliveries",
  "webhook_endpoints",
  "webhook_events",
  "workspaces",
];

/** The tables as 0001_initial left them: usage per hour and per day. */
type SchemaOf0001 = Omit<Database, "key_usage"> & { key_usage: KeyUsageTable & { granularity: string } };

const ALL = Object.keys(MIGRATIONS);
const LATEST = ALL.at(-1);

/** Runs `test` on a fresh, empty (unmigrated) store of this backend, and closes the store. */
async function onEmptyStore(backend: Backend, test: (store: Store) => Promise<void>): Promise<void> {
  const { store } = await backend.openEmpty();
  try {
    await test(store);
  } finally {
    await store.close();
  }
}

async function tableNames(store: Store): Promise<string[]> {
  const tables = await store.db.introspection.getTables();
  return tables.map((t) => t.name).sort();
}

async function recorded(store: Store): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from keygate_migrations order by name`.execute(
    store.db,
  );
  return result.rows.map((r) => r.name);
}

const createTable = (name: string): Migration => ({
  up: async (db: Kysely<unknown>) => {
    await sql.raw(`create table ${name} (id text primary key)`).execute(db);
  },
});

describe.each(backends)("migrations on $name", (backend) => {
  it("migrates a fresh database to the whole schema", async () => {
    await onEmptyStore(backend, async (store) => {
      expect(await migrateToLatest(store.db)).toEqual({ applied: ALL, current: LATEST });
      expect(await tableNames(store)).toEqual(TABLES);
      expect(await recorded(store)).toEqual(Object.keys(MIGRATIONS));
    });
  });

  it("applies nothing the second time", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db);
      expect(await migrateToLatest(store.db)).toEqual({ applied: [], current: LATEST });
      expect(await recorded(store)).toEqual(ALL);
    });
  });

  it("applies only the migrations a newer version adds", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db);
      const newer = { ...MIGRATIONS, "9000_widgets": createTable("widgets") };
      expect(await migrateToLatest(store.db, newer)).toEqual({
        applied: ["9000_widgets"],
        current: "9000_widgets",
      });
      expect(await tableNames(store)).toContain("widgets");
      expect(await recorded(store)).toEqual([...ALL, "9000_widgets"]);
    });
  });

  it("refuses a database that holds a migration this code does not know, and changes nothing", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db);
      await sql`insert into keygate_migrations (name, timestamp) values ('0099_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(
        store.db,
      );
      const newer = { ...MIGRATIONS, "9000_widgets": createTable("widgets") };
      const attempt = migrateToLatest(store.db, newer);
      await expect(attempt).rejects.toBeInstanceOf(SchemaTooNewError);
      await expect(attempt).rejects.toThrow(
        "the database schema is newer than this Keygate (it has migration 0099_from_the_future, which this version does not know); run a newer Keygate or restore a matching backup",
      );
      expect(await tableNames(store)).not.toContain("widgets");
      expect(await recorded(store)).toEqual([...ALL, "0099_from_the_future"].sort());
    });
  });

  it("refuses a database migrated by a newer version once the code is rolled back", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db, { ...MIGRATIONS, "9000_widgets": createTable("widgets") });
      await expect(migrateToLatest(store.db)).rejects.toThrow(/it has migration 9000_widgets/);
    });
  });

  it("rolls back a migration that fails, leaving no trace of it", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db);
      const broken: Migration = {
        up: async (db: Kysely<unknown>) => {
          await sql`create table half_done (id text)`.execute(db);
          await sql`select no_such_column from half_done`.execute(db);
        },
      };
      await expect(migrateToLatest(store.db, { ...MIGRATIONS, "9000_broken": broken })).rejects.toThrow(
        /no_such_column/,
      );
      expect(await tableNames(store)).not.toContain("half_done");
      expect(await recorded(store)).toEqual(ALL);
    });
  });

  it("0002 keeps usage per hour only: day rows go, hours stay, key rows leave room for in-place updates", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db, { "0001_initial": MIGRATIONS["0001_initial"] as Migration });
      const workspace = workspaceRow();
      const key = keyRow(workspace.id);
      const db = store.db as unknown as Kysely<SchemaOf0001>;
      await db.insertInto("workspaces").values(workspace).execute();
      await db.insertInto("keys").values(key).execute();
      const row = (granularity: string, bucket: string, count: number) => ({
        key_id: key.id,
        workspace_id: workspace.id,
        granularity,
        bucket: new Date(bucket),
        outcome: "VALID",
        count,
      });
      await db
        .insertInto("key_usage")
        .values([
          row("hour", "2026-03-04T05:00:00.000Z", 2),
          row("hour", "2026-03-04T06:00:00.000Z", 3),
          row("day", "2026-03-04T00:00:00.000Z", 5),
        ])
        .execute();
      await migrateToLatest(store.db);
      const rows = await store.db.selectFrom("key_usage").selectAll().orderBy("bucket").execute();
      expect(rows.map((r) => [r.bucket.toISOString(), r.outcome, r.count])).toEqual([
        ["2026-03-04T05:00:00.000Z", "VALID", 2],
        ["2026-03-04T06:00:00.000Z", "VALID", 3],
      ]);
      const duplicate = store.db
        .insertInto("key_usage")
        .values({
          key_id: key.id,
          workspace_id: workspace.id,
          bucket: new Date("2026-03-04T05:00:00.000Z"),
          outcome: "VALID",
          count: 1,
        })
        .execute();
      await expect(duplicate).rejects.toMatchObject({ code: "23505", constraint: "key_usage_pkey" });
      const options = await sql<{ reloptions: string[] | null }>`
        select reloptions from pg_class where relname = 'keys'`.execute(store.db);
      expect(options.rows[0]?.reloptions).toEqual(["fillfactor=50"]);
    });
  });

  if (backend.name === "postgres") {
    it("lets several nodes start at once: the migration runs exactly once", async () => {
      const { store, url } = await backend.openEmpty();
      const nodes = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl: url, poolSize: 2 })));
      try {
        const reports = await Promise.all(nodes.map((node) => migrateToLatest(node.db)));
        expect(reports.flatMap((r) => r.applied)).toEqual(ALL);
        expect(await recorded(store)).toEqual(ALL);
      } finally {
        await Promise.all(nodes.map((node) => node.close()));
        await store.close();
      }
    });
  }
});
