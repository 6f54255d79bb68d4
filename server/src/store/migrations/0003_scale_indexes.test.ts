import { type Kysely, type Migration, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { type Backend, backends } from "../../../test/backends.js";
import { keyRow, workspaceRow } from "../../../test/store-fixtures.js";
import type { Store } from "../database.js";
import { migrateToLatest } from "../migrate.js";
import type { Database } from "../schema.js";
import { MIGRATIONS } from "./index.js";

/** The tables as 0002 left them: workspaces without their live-key count. */
type SchemaOf0002 = Omit<Database, "workspaces" | "usage_batches"> & {
  workspaces: Omit<Database["workspaces"], "live_keys">;
};

const UP_TO_0002 = {
  "0001_initial": MIGRATIONS["0001_initial"] as Migration,
  "0002_hourly_usage": MIGRATIONS["0002_hourly_usage"] as Migration,
};
const UP_TO_0003 = { ...UP_TO_0002, "0003_scale_indexes": MIGRATIONS["0003_scale_indexes"] as Migration };

async function onEmptyStore(backend: Backend, test: (store: Store) => Promise<void>): Promise<void> {
  const { store } = await backend.openEmpty();
  try {
    await test(store);
  } finally {
    await store.close();
  }
}

async function liveKeys(store: Store): Promise<Record<string, number>> {
  const rows = await store.db.selectFrom("workspaces").select(["id", "live_keys"]).orderBy("id").execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.live_keys]));
}

describe.each(backends)("migration 0003 on $name", (backend) => {
  it("backfills each workspace's live-key count, then keeps it through inserts, deletes and undeletes", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db, UP_TO_0002);
      const old = store.db as unknown as Kysely<SchemaOf0002>;
      const a = workspaceRow({ id: "ws_a" });
      const b = workspaceRow({ id: "ws_b" });
      await old.insertInto("workspaces").values([a, b]).execute();
      await old
        .insertInto("keys")
        .values([keyRow(a.id), keyRow(a.id), keyRow(a.id), keyRow(a.id, { deleted_at: new Date() })])
        .execute();

      await migrateToLatest(store.db);
      expect(await liveKeys(store)).toEqual({ ws_a: 3, ws_b: 0 });

      const [first, second] = [keyRow(b.id), keyRow(b.id)];
      await store.db
        .insertInto("keys")
        .values([first, second, keyRow(a.id)])
        .execute();
      expect(await liveKeys(store)).toEqual({ ws_a: 4, ws_b: 2 });

      const soft = (id: string, at: Date | null) =>
        store.db.updateTable("keys").set({ deleted_at: at }).where("id", "=", id).execute();
      await soft(first.id, new Date());
      await soft(first.id, new Date()); // deleted again: no change
      expect(await liveKeys(store)).toEqual({ ws_a: 4, ws_b: 1 });
      await soft(first.id, null);
      expect(await liveKeys(store)).toEqual({ ws_a: 4, ws_b: 2 });

      await soft(second.id, new Date());
      await store.db.deleteFrom("keys").where("workspace_id", "=", b.id).execute();
      expect(await liveKeys(store)).toEqual({ ws_a: 4, ws_b: 0 });

      await store.db.updateTable("keys").set({ usage_count: 7 }).where("workspace_id", "=", a.id).execute();
      expect(await liveKeys(store)).toEqual({ ws_a: 4, ws_b: 0 });
    });
  });

  it("adds the search, filter and audit indexes, pg_trgm and the applied usage batches", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db, UP_TO_0003);
      const indexes = await sql<{ indexname: string }>`
        select indexname from pg_indexes where tablename in ('keys', 'audit_events', 'usage_batches')
        order by indexname`.execute(store.db);
      expect(indexes.rows.map((row) => row.indexname)).toEqual([
        "audit_events_action",
        "audit_events_actor",
        "audit_events_pkey",
        "audit_events_target",
        "audit_events_workspace",
        "keys_app_list",
        "keys_disabled_list",
        "keys_expiring",
        "keys_name_trgm",
        "keys_pkey",
        "keys_revoked_list",
        "keys_shared_key_key",
        "keys_start_prefix",
        "keys_workspace_list",
        "usage_batches_applied",
        "usage_batches_pkey",
      ]);
      const trgm = await sql<{
        similar: number;
      }>`select similarity('crm-integration', 'crm-integrations') > 0.5 as similar`.execute(store.db);
      expect(trgm.rows).toEqual([{ similar: true }]);
    });
  });
});
