import { type Kysely, type Migration, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { type Backend, backends } from "../../../test/backends.js";
import { AT, LATER, workspaceRow } from "../../../test/store-fixtures.js";
import type { Store } from "../database.js";
import { migrateToLatest } from "../migrate.js";
import type { Database } from "../schema.js";
import { MIGRATIONS } from "./index.js";

/** The workspaces as 0005 left them: no kind, no tenant columns. */
type SchemaOf0005 = Omit<Database, "workspaces"> & {
  workspaces: Omit<
    Database["workspaces"],
    "kind" | "external_id" | "suspended_at" | "deleted_at" | "branding" | "last_verified_at"
  >;
};

const UP_TO_0005 = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < "0006")) as Record<
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

describe.each(backends)("migration 0006 on $name", (backend) => {
  it("makes the oldest existing workspace the operator's and every other a tenant", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db, UP_TO_0005);
      const old = store.db as unknown as Kysely<SchemaOf0005>;
      const first = workspaceRow({ created_at: AT });
      const second = workspaceRow({ created_at: LATER });
      await old.insertInto("workspaces").values([second, first]).execute();

      await migrateToLatest(store.db);
      const rows = await store.db
        .selectFrom("workspaces")
        .select(["id", "kind", "external_id", "suspended_at", "deleted_at", "branding", "last_verified_at"])
        .orderBy("created_at")
        .execute();
      const fresh = {
        external_id: null,
        suspended_at: null,
        deleted_at: null,
        branding: {},
        last_verified_at: null,
      };
      expect(rows).toEqual([
        { id: first.id, kind: "operator", ...fresh },
        { id: second.id, kind: "tenant", ...fresh },
      ]);
    });
  });

  it("allows one operator and one workspace per external id", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db);
      await store.db
        .insertInto("workspaces")
        .values(workspaceRow({ kind: "operator" }))
        .execute();
      await expect(
        store.db
          .insertInto("workspaces")
          .values(workspaceRow({ kind: "operator" }))
          .execute(),
      ).rejects.toThrow(/workspaces_one_operator/);
      await store.db
        .insertInto("workspaces")
        .values(workspaceRow({ external_id: "cus_42" }))
        .execute();
      await expect(
        store.db
          .insertInto("workspaces")
          .values(workspaceRow({ external_id: "cus_42" }))
          .execute(),
      ).rejects.toThrow(/workspaces_external_id/);
    });
  });

  it("names a portal user as an audit actor and refuses an actor type it does not know", async () => {
    await onEmptyStore(backend, async (store) => {
      await migrateToLatest(store.db);
      const workspace = workspaceRow();
      await store.db.insertInto("workspaces").values(workspace).execute();
      const insert = (actorType: string) =>
        sql`
        insert into audit_events (id, workspace_id, actor_type, actor_id, actor_label, action, details, created_at)
        values (${`evt_${actorType}`}, ${workspace.id}, ${actorType}, 'portal:u_1', 'ada@example.com',
                'key.created', '{}', now())`.execute(store.db);
      await insert("portal");
      await expect(insert("robot")).rejects.toThrow(/audit_events_actor_type_check/);
    });
  });
});
