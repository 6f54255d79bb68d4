/**
 * Invitations as the API shows them, and the reads every invitation operation shares: one by id,
 * the pending ones of a workspace, and the live one behind a link's token. A pending invitation is
 * neither accepted, nor revoked, nor expired. The token itself is never stored or shown again.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, InvitationRow, Role } from "../../store/schema.js";
import { hashSecret } from "../key-format.js";

type Db = Kysely<Database> | Transaction<Database>;

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The one answer for an unknown, used, revoked or expired link, so none can be told apart. */
export const INVITATION_NOT_FOUND = "invitation";

export interface PublicInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
  /** Who invited: a member (their name) or a root key (its name); name null once it is gone. */
  invitedBy: { type: "user" | "root_key"; id: string; name: string | null };
}

type InvitationWithInviter = InvitationRow & { inviter_name: string | null };

export function toPublicInvitation(row: InvitationWithInviter): PublicInvitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: row.expires_at.toISOString(),
    createdAt: row.created_at.toISOString(),
    invitedBy: { type: row.invited_by_type, id: row.invited_by_id, name: row.inviter_name },
  };
}

function withInviter(db: Db, workspaceId: string) {
  return db
    .selectFrom("invitations")
    .leftJoin("users", (join) =>
      join.onRef("users.id", "=", "invitations.invited_by_id").on("invitations.invited_by_type", "=", "user"),
    )
    .leftJoin("root_keys", (join) =>
      join
        .onRef("root_keys.id", "=", "invitations.invited_by_id")
        .on("invitations.invited_by_type", "=", "root_key"),
    )
    .selectAll("invitations")
    .select((eb) => eb.fn.coalesce("users.name", "root_keys.name").as("inviter_name"))
    .where("invitations.workspace_id", "=", workspaceId);
}

/** The workspace's invitation with this id (whatever its state), or `undefined`. */
export async function findInvitation(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<InvitationWithInviter | undefined> {
  return withInviter(db, workspaceId).where("invitations.id", "=", id).executeTakeFirst();
}

/** The workspace's pending invitations, newest first. */
export async function listPendingInvitations(
  db: Db,
  workspaceId: string,
  now: Date,
): Promise<PublicInvitation[]> {
  const rows = await withInviter(db, workspaceId)
    .where("invitations.accepted_at", "is", null)
    .where("invitations.revoked_at", "is", null)
    .where("invitations.expires_at", ">", now)
    .orderBy("invitations.id", "desc")
    .execute();
  return rows.map(toPublicInvitation);
}

/** How many invitations of the workspace are pending (they count toward the member limit). */
export async function countPendingInvitations(db: Db, workspaceId: string, now: Date): Promise<number> {
  const { count } = await db
    .selectFrom("invitations")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("workspace_id", "=", workspaceId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** The pending invitation behind a link's token, or `undefined` for any other token. */
export async function findLiveInvitation(
  db: Db,
  token: string,
  now: Date,
): Promise<InvitationRow | undefined> {
  return db
    .selectFrom("invitations")
    .selectAll()
    .where("token_hash", "=", hashSecret(token))
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}
