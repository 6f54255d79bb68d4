import { type Kysely, type Migration, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { openStore, type Store } from "../src/store/database.js";
import { migrateToLatest, SchemaTooNewError } from "../src/store/migrate.js";
import { MIGRATIONS } from "../src/store/migrations/index.js";
import { backends } from "./backends.js";

const TABLES = [
  "apis",
  "app_apis",
  "apps",
  "audit_events",
  "key_secrets",
  "key_usage",
  "keygate_migrations",
  "keygate_migrations_lock",
  "keys",
  "memberships",
  "root_keys",
  "sessions",
  "setup_tokens",
  "users",
  "workspaces",
];

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
    const { store } = await backend.openEmpty();
    try {
      expect(await migrateToLatest(store.db)).toEqual({ applied: ["0001_initial"], current: "0001_initial" });
      expect(await tableNames(store)).toEqual(TABLES);
      expect(await recorded(store)).toEqual(Object.keys(MIGRATIONS));
    } finally {
      await store.close();
    }
  });

  it("applies nothing the second time", async () => {
    const { store } = await backend.openEmpty();
    try {
      await migrateToLatest(store.db);
      expect(await migrateToLatest(store.db)).toEqual({ applied: [], current: "0001_initial" });
      expect(await recorded(store)).toEqual(["0001_initial"]);
    } finally {
      await store.close();
    }
  });

  it("applies only the migrations a newer version adds", async () => {
    const { store } = await backend.openEmpty();
    try {
      await migrateToLatest(store.db);
      const newer = { ...MIGRATIONS, "0002_widgets": createTable("widgets") };
      expect(await migrateToLatest(store.db, newer)).toEqual({
        applied: ["0002_widgets"],
        current: "0002_widgets",
      });
      expect(await tableNames(store)).toContain("widgets");
      expect(await recorded(store)).toEqual(["0001_initial", "0002_widgets"]);
    } finally {
      await store.close();
    }
  });

  it("refuses a database that holds a migration this code does not know, and changes nothing", async () => {
    const { store } = await backend.openEmpty();
    try {
      await migrateToLatest(store.db);
      await sql`insert into keygate_migrations (name, timestamp) values ('0099_from_the_future', '2030-01-01T00:00:00.000Z')`.execute(
        store.db,
      );
      const newer = { ...MIGRATIONS, "0002_widgets": createTable("widgets") };
      const attempt = migrateToLatest(store.db, newer);
      await expect(attempt).rejects.toBeInstanceOf(SchemaTooNewError);
      await expect(attempt).rejects.toThrow(
        "the database schema is newer than this Keygate (it has migration 0099_from_the_future, which this version does not know); run a newer Keygate or restore a matching backup",
      );
      expect(await tableNames(store)).not.toContain("widgets");
      expect(await recorded(store)).toEqual(["0001_initial", "0099_from_the_future"]);
    } finally {
      await store.close();
    }
  });

  it("refuses a database migrated by a newer version once the code is rolled back", async () => {
    const { store } = await backend.openEmpty();
    try {
      await migrateToLatest(store.db, { ...MIGRATIONS, "0002_widgets": createTable("widgets") });
      await expect(migrateToLatest(store.db)).rejects.toThrow(/it has migration 0002_widgets/);
    } finally {
      await store.close();
    }
  });

  it("rolls back a migration that fails, leaving no trace of it", async () => {
    const { store } = await backend.openEmpty();
    try {
      await migrateToLatest(store.db);
      const broken: Migration = {
        up: async (db: Kysely<unknown>) => {
          await sql`create table half_done (id text)`.execute(db);
          await sql`select no_such_column from half_done`.execute(db);
        },
      };
      await expect(migrateToLatest(store.db, { ...MIGRATIONS, "0002_broken": broken })).rejects.toThrow(
        /no_such_column/,
      );
      expect(await tableNames(store)).not.toContain("half_done");
      expect(await recorded(store)).toEqual(["0001_initial"]);
    } finally {
      await store.close();
    }
  });

  if (backend.name === "postgres") {
    it("lets several nodes start at once: the migration runs exactly once", async () => {
      const { store, url } = await backend.openEmpty();
      const nodes = await Promise.all([1, 2, 3].map(() => openStore({ databaseUrl: url, poolSize: 2 })));
      try {
        const reports = await Promise.all(nodes.map((node) => migrateToLatest(node.db)));
        expect(reports.flatMap((r) => r.applied)).toEqual(["0001_initial"]);
        expect(await recorded(store)).toEqual(["0001_initial"]);
      } finally {
        await Promise.all(nodes.map((node) => node.close()));
        await store.close();
      }
    });
  }
});
