import { describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import { AT, LATER, userRow, workspaceRow } from "../../../test/store-fixtures.js";
import { newId } from "../../domain/ids.js";
import type { Store } from "../database.js";
import type { InvitationRow } from "../schema.js";

function invitationRow(workspaceId: string, overrides: Partial<InvitationRow> = {}): InvitationRow {
  return {
    id: newId("invitation"),
    workspace_id: workspaceId,
    email: "invitee@example.com",
    role: "developer",
    token_hash: `hash-${newId("invitation")}`,
    invited_by_type: "root_key",
    invited_by_id: "key_01JAAAAAAAAAAAAAAAAAAAAAAA",
    created_at: AT,
    expires_at: LATER,
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
    ...overrides,
  };
}

describe.each(backends)("migration 0004 (invitations) on $name", (backend) => {
  const withStore = async (test: (store: Store) => Promise<void>) => {
    const store = await backend.open();
    try {
      await test(store);
    } finally {
      await store.close();
    }
  };

  it("keeps every column of an invitation, and its nulls and times", async () => {
    await withStore(async (store) => {
      const workspace = workspaceRow();
      const user = userRow();
      await store.db.insertInto("workspaces").values(workspace).execute();
      await store.db.insertInto("users").values(user).execute();
      const pending = invitationRow(workspace.id);
      const accepted = invitationRow(workspace.id, {
        email: user.email,
        role: "owner",
        invited_by_type: "user",
        invited_by_id: user.id,
        accepted_at: LATER,
        accepted_by: user.id,
      });
      await store.db.insertInto("invitations").values([pending, accepted]).execute();
      const rows = await store.db.selectFrom("invitations").selectAll().orderBy("id").execute();
      expect(rows).toEqual([pending, accepted]);
    });
  });

  it("refuses a repeated token hash, an unknown role or inviter kind, and a missing workspace", async () => {
    await withStore(async (store) => {
      const workspace = workspaceRow();
      await store.db.insertInto("workspaces").values(workspace).execute();
      const first = invitationRow(workspace.id);
      await store.db.insertInto("invitations").values(first).execute();
      const insert = (row: InvitationRow) => store.db.insertInto("invitations").values(row).execute();
      await expect(
        insert(invitationRow(workspace.id, { token_hash: first.token_hash })),
      ).rejects.toMatchObject({
        code: "23505",
        constraint: "invitations_token_hash_key",
      });
      await expect(
        insert(invitationRow(workspace.id, { role: "root" as InvitationRow["role"] })),
      ).rejects.toMatchObject({ code: "23514" });
      await expect(
        insert(
          invitationRow(workspace.id, { invited_by_type: "system" as InvitationRow["invited_by_type"] }),
        ),
      ).rejects.toMatchObject({ code: "23514" });
      await expect(insert(invitationRow("ws_missing"))).rejects.toMatchObject({ code: "23503" });
    });
  });

  it("goes with its workspace, and forgets who accepted it when that account is deleted", async () => {
    await withStore(async (store) => {
      const kept = workspaceRow();
      const dropped = workspaceRow();
      const user = userRow();
      await store.db.insertInto("workspaces").values([kept, dropped]).execute();
      await store.db.insertInto("users").values(user).execute();
      const accepted = invitationRow(kept.id, { accepted_at: LATER, accepted_by: user.id });
      await store.db
        .insertInto("invitations")
        .values([accepted, invitationRow(dropped.id)])
        .execute();
      await store.db.deleteFrom("workspaces").where("id", "=", dropped.id).execute();
      await store.db.deleteFrom("users").where("id", "=", user.id).execute();
      expect(await store.db.selectFrom("invitations").selectAll().execute()).toEqual([
        { ...accepted, accepted_by: null },
      ]);
    });
  });
});
