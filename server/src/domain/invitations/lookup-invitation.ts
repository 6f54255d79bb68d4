/**
 * What an invitation link's page shows before the person accepts: the email and role it is for,
 * the workspace's name, whether that email already has an account (then the page asks for its
 * password instead of a new name and password), and when the link expires. Unknown, used, revoked
 * and expired links are all `NOT_FOUND` alike.
 */
import type { Kysely } from "kysely";
import { notFound } from "../../errors.js";
import type { Database, Role } from "../../store/schema.js";
import { findUserByEmail } from "../users/users.js";
import { findLiveInvitation, INVITATION_NOT_FOUND } from "./invitations.js";

export interface InvitationPreview {
  email: string;
  role: Role;
  workspace: { name: string };
  accountExists: boolean;
  expiresAt: string;
}

export async function lookupInvitation(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<InvitationPreview> {
  const invitation = await findLiveInvitation(db, token, now);
  if (!invitation) throw notFound(INVITATION_NOT_FOUND);
  const workspace = await db
    .selectFrom("workspaces")
    .select("name")
    .where("id", "=", invitation.workspace_id)
    .executeTakeFirstOrThrow();
  return {
    email: invitation.email,
    role: invitation.role,
    workspace: { name: workspace.name },
    accountExists: (await findUserByEmail(db, invitation.email)) !== undefined,
    expiresAt: invitation.expires_at.toISOString(),
  };
}
