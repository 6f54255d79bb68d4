import { type Kysely, type Migration, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { type Backend, backends } from "../../../test/backends.js";
import { AT, keyRow, workspaceRow } from "../../../test/store-fixtures.js";
import { toPublicKey } from "../../domain/keys/key-object.js";
import type { Store } from "../database.js";
import { migrateToLatest } from "../migrate.js";
import type { Database } from "../schema.js";
import * as cluster from "./0009_cluster.js";
import { MIGRATIONS } from "./index.js";

/** The keys as 0008 left them: one `rate_limit` (`{ limit, windowMs }` or null), no named limits. */
type SchemaOf0008 = Omit<Database, "keys" | "cluster_nodes" | "cluster_jobs"> & {
  keys: Omit<Database["keys"], "rate_limits"> & { rate_limit: string | null };
};

const UP_TO_0008 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < "0009")) as Record<
  string,
  Migration
>;

async function onEmptyStore(backend: Backend, test: (store: Store) => Promise<void>): Promise<void> {
  const { store } = await backend.openEmpty();
  try {
    await test(store);
  } finally {
    await store.close();
  }
}

/** The column names of a table, in order. */
async function columnsOf(store: Store, table: string): Promise<string[]> {
  const rows = await sql<{ column_name: string }>`
    select column_name from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}
    order by ordinal_position`.execute(store.db);
  return rows.rows.map((row) => row.column_name);
}

/** Stands for a rollback: what `down` did is checked inside its transaction, then undone. */
class RolledBack extends Error {}

describe.each(backends)("migration 0009 on $name", (backend) => {
  it("turns a key's single rate limit into the limit named default, and no limit into []", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db, UP_TO_0008);
      const old = store.db as unknown as Kysely<SchemaOf0008>;
      const workspace = workspaceRow();
      await old.insertInto("workspaces").values(workspace).execute();
      const limited = {
        ...keyRow(workspace.id),
        rate_limit: JSON.stringify({ limit: 100, windowMs: 60_000 }),
      };
      const unlimited = { ...keyRow(workspace.id), rate_limit: null };
      await old.insertInto("keys").values([limited, unlimited]).execute();

      await migrateToLatest(store.db);
      const keys = await store.db
        .selectFrom("keys")
        .selectAll()
        .where("id", "in", [limited.id, unlimited.id])
        .orderBy("id")
        .execute();
      expect(keys.map((key) => [key.id, key.rate_limits])).toEqual([
        [limited.id, [{ name: "default", limit: 100, windowMs: 60_000 }]],
        [unlimited.id, []],
      ]);
      expect(await columnsOf(store, "keys")).not.toContain("rate_limit");
      // The API reads the converted limit back as it answered it before: rateLimit is the default.
      const policy = { rotation_reminder_days: 90, unused_key_days: 30 };
      const [first, second] = keys.map((key) => toPublicKey(key, AT, policy));
      expect([first?.rateLimit, first?.rateLimits]).toEqual([
        { limit: 100, windowMs: 60_000 },
        [{ name: "default", limit: 100, windowMs: 60_000 }],
      ]);
      expect([second?.rateLimit, second?.rateLimits]).toEqual([null, []]);
    });
  });

  it("gives new keys no limits, and adds the empty tables of cluster nodes and job runs", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db);
      const workspace = workspaceRow();
      await store.db.insertInto("workspaces").values(workspace).execute();
      const key = keyRow(workspace.id);
      await store.db.insertInto("keys").values(key).execute();
      expect(
        await store.db.selectFrom("keys").select("rate_limits").where("id", "=", key.id).execute(),
      ).toEqual([{ rate_limits: [] }]);
      await expect(
        sql`update keys set rate_limits = null where id = ${key.id}`.execute(store.db),
      ).rejects.toThrow(/null/);
      expect(await columnsOf(store, "cluster_nodes")).toEqual(["id", "started_at", "seen_at"]);
      expect(await columnsOf(store, "cluster_jobs")).toEqual(["name", "last_run_at"]);
      expect(await store.db.selectFrom("cluster_nodes").selectAll().execute()).toEqual([]);
      expect(await store.db.selectFrom("cluster_jobs").selectAll().execute()).toEqual([]);
    });
  });

  it("down puts a key's first limit back as its single rate limit", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db);
      const workspace = workspaceRow();
      await store.db.insertInto("workspaces").values(workspace).execute();
      const named = keyRow(workspace.id, {
        rate_limits: JSON.stringify([
          { name: "default", limit: 5, windowMs: 1000 },
          { name: "burst", limit: 2, windowMs: 1000 },
        ]),
      });
      const none = keyRow(workspace.id);
      await store.db.insertInto("keys").values([named, none]).execute();

      let seen: unknown;
      await expect(
        store.db.transaction().execute(async (trx) => {
          await cluster.down(trx as unknown as Kysely<unknown>);
          const rows = await sql<{ id: string; rate_limit: unknown }>`
            select id, rate_limit from keys where id in (${named.id}, ${none.id}) order by id`.execute(trx);
          seen = rows.rows;
          throw new RolledBack();
        }),
      ).rejects.toThrow(RolledBack);
      expect(seen).toEqual(
        [
          { id: named.id, rate_limit: { limit: 5, windowMs: 1000 } },
          { id: none.id, rate_limit: null },
        ].sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect(await columnsOf(store, "keys")).toContain("rate_limits");
    });
  });
});
