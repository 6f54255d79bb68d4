import { type Kysely, type Migration, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { type Backend, backends } from "../../../test/backends.js";
import { keyRow, workspaceRow } from "../../../test/store-fixtures.js";
import type { Store } from "../database.js";
import { migrateToLatest } from "../migrate.js";
import type { Database } from "../schema.js";
import { MIGRATIONS } from "./index.js";

/** The tables as 0004 left them: no recoverable-keys setting, no kept secrets. */
type SchemaOf0004 = Omit<Database, "workspaces" | "keys"> & {
  workspaces: Omit<Database["workspaces"], "recoverable_keys">;
  keys: Omit<Database["keys"], "secret_ciphertext">;
};

const UP_TO_0004 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < "0005")) as Record<
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

describe.each(backends)("migration 0005 on $name", (backend) => {
  it("turns recoverable keys off for existing workspaces and keeps no secret of existing keys", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db, UP_TO_0004);
      const old = store.db as unknown as Kysely<SchemaOf0004>;
      const workspace = workspaceRow();
      await old.insertInto("workspaces").values(workspace).execute();
      const key = keyRow(workspace.id);
      await old.insertInto("keys").values(key).execute();

      await migrateToLatest(store.db);
      expect(
        await store.db
          .selectFrom("workspaces")
          .select("recoverable_keys")
          .where("id", "=", workspace.id)
          .execute(),
      ).toEqual([{ recoverable_keys: false }]);
      expect(
        await store.db.selectFrom("keys").select("secret_ciphertext").where("id", "=", key.id).execute(),
      ).toEqual([{ secret_ciphertext: null }]);
    });
  });

  it("reads a rare environment among many keys from its own index, newest first", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db);
      const workspace = workspaceRow();
      await store.db.insertInto("workspaces").values(workspace).execute();
      await sql`
        insert into keys (id, workspace_id, kind, name, environment, prefix, start, scopes, meta,
                          ip_allowlist, enabled, created_at, updated_at)
        select 'key_' || lpad(g::text, 26, '0'), ${workspace.id}, 'token', 'key ' || g,
               case when g % 1000 = 0 then 'development' else 'production' end, 'acme',
               'acme_' || g, '[]', '{}', '[]', true, now(), now()
        from generate_series(1, 20000) g`.execute(store.db);
      await sql`analyze keys`.execute(store.db);

      const plan = await sql<{ "QUERY PLAN": string }>`
        explain select * from keys
        where workspace_id = ${workspace.id} and deleted_at is null and environment = 'development'
        order by id desc limit 51`.execute(store.db);
      const text = plan.rows.map((row) => row["QUERY PLAN"]).join("\n");
      expect(text).toContain("keys_environment_list");
      expect(text).not.toMatch(/Seq Scan|Sort/);
    });
  });
});
