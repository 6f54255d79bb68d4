import { type Kysely, type Migration, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { pgliteBackend } from "../../../test/backends.js";
import { keyRow, workspaceRow } from "../../../test/store-fixtures.js";
import { migrateToLatest } from "../migrate.js";
import * as webhooks from "./0010_webhooks.js";
import { MIGRATIONS } from "./index.js";

const UP_TO_0009 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < "0010")) as Record<
  string,
  Migration
>;

describe("migration 0010", () => {
  it("gives keys that have a quota the quota they start from, workspaces the default policy, and comes down whole", async () => {
    const { store } = await pgliteBackend.openEmpty();
    try {
      await migrateToLatest(store.db, UP_TO_0009);
      const workspace = workspaceRow();
      await store.db.insertInto("workspaces").values(workspace).execute();
      const refilled = keyRow(workspace.id, {
        quota_remaining: 40,
        quota_refill: JSON.stringify({ amount: 100, interval: "day" }),
      });
      const once = keyRow(workspace.id, { quota_remaining: 5 });
      const unmetered = keyRow(workspace.id);
      await store.db.insertInto("keys").values([refilled, once, unmetered]).execute();

      await migrateToLatest(store.db);
      const keys = await store.db
        .selectFrom("keys")
        .select(["id", "quota_limit", "leaked_at"])
        .where("workspace_id", "=", workspace.id)
        .execute();
      expect(
        new Map(
          keys.map((key) => [
            key.id,
            [key.quota_limit === null ? null : Number(key.quota_limit), key.leaked_at],
          ]),
        ),
      ).toEqual(
        new Map([
          [refilled.id, [100, null]],
          [once.id, [5, null]],
          [unmetered.id, [null, null]],
        ]),
      );
      const policy = await store.db
        .selectFrom("workspaces")
        .select(["rotation_reminder_days", "unused_key_days", "auto_disable_unused_days", "leak_response"])
        .where("id", "=", workspace.id)
        .executeTakeFirstOrThrow();
      expect(policy).toEqual({
        rotation_reminder_days: 90,
        unused_key_days: 30,
        auto_disable_unused_days: null,
        leak_response: "revoke",
      });

      await webhooks.down(store.db as unknown as Kysely<unknown>);
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables
        where table_schema = current_schema() and (table_name like 'webhook%' or table_name = 'key_notices')`.execute(
        store.db,
      );
      expect(tables.rows).toEqual([]);
      await webhooks.up(store.db as unknown as Kysely<unknown>);
    } finally {
      await store.close();
    }
  });
});
