import { type Kysely, type Migration, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { type Backend, backends } from "../../../test/backends.js";
import { keyRow, workspaceRow } from "../../../test/store-fixtures.js";
import type { Store } from "../database.js";
import { migrateToLatest } from "../migrate.js";
import type { Database } from "../schema.js";
import { MIGRATIONS } from "./index.js";

/** The tables as 0007 left them: no foreign key formats, no key source. */
type SchemaOf0007 = Omit<Database, "workspaces" | "keys"> & {
  workspaces: Omit<Database["workspaces"], "foreign_key_formats">;
  keys: Omit<Database["keys"], "source">;
};

const UP_TO_0007 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < "0008")) as Record<
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

describe.each(backends)("migration 0008 on $name", (backend) => {
  it("gives existing workspaces no foreign formats and existing keys the keygate source", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db, UP_TO_0007);
      const old = store.db as unknown as Kysely<SchemaOf0007>;
      const workspace = workspaceRow();
      await old.insertInto("workspaces").values(workspace).execute();
      const key = keyRow(workspace.id);
      await old.insertInto("keys").values(key).execute();

      await migrateToLatest(store.db);
      const workspaces = await store.db
        .selectFrom("workspaces")
        .select(["id", "foreign_key_formats"])
        .execute();
      expect(workspaces).toEqual([{ id: workspace.id, foreign_key_formats: [] }]);
      const keys = await store.db.selectFrom("keys").select(["id", "source"]).execute();
      expect(keys).toEqual([{ id: key.id, source: "keygate" }]);
    });
  });

  it("keeps an imported key's source and refuses a source it does not know", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db);
      const workspace = workspaceRow();
      await store.db.insertInto("workspaces").values(workspace).execute();
      await store.db
        .insertInto("keys")
        .values(keyRow(workspace.id, { source: "import" }))
        .execute();
      await expect(
        sql`update keys set source = 'copied' where workspace_id = ${workspace.id}`.execute(store.db),
      ).rejects.toThrow(/keys_source_check/);
    });
  });
});
