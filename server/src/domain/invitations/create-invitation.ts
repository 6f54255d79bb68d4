/**
 * Invites a person by email with a role: a one-use token (7 days) is returned once, and only its
 * SHA-256 is stored, with an `invitation.created` event in the same transaction. Only an owner may
 * invite an owner. Refused with 409 for someone already a member or already invited (pending),
 * and with 402 when members plus pending invitations would pass the plan's member limit.
 */
import type { Kysely } from "kysely";
import { conflict, forbidden } from "../../errors.js";
import type { Database, Role } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { randomToken } from "../auth/sessions.js";
import { newId } from "../ids.js";
import { hashSecret } from "../key-format.js";
import { findMember, lockWorkspace } from "../members/members.js";
import { requireOwner } from "../members/owner-rules.js";
import { actorOf, type Principal } from "../principal.js";
import { findUserByEmail, normaliseEmail } from "../users/users.js";
import { requireWithinLimit } from "../workspaces/entitlements.js";
import {
  countPendingInvitations,
  findInvitation,
  INVITATION_TTL_MS,
  type PublicInvitation,
  toPublicInvitation,
} from "./invitations.js";

export interface CreateInvitationInput {
  workspaceId: string;
  email: string;
  role: Role;
  principal: Principal;
  ip: string;
  at: Date;
}

export async function createInvitation(
  db: Kysely<Database>,
  input: CreateInvitationInput,
): Promise<{ invitation: PublicInvitation; token: string }> {
  if (input.role === "owner") requireOwner(input.principal, "invite an owner");
  const email = normaliseEmail(input.email);
  const token = randomToken();
  return db.transaction().execute(async (trx) => {
    const workspace = await lockWorkspace(trx, input.workspaceId);
    const user = await findUserByEmail(trx, email);
    if (user && (await findMember(trx, workspace.id, user.id))) {
      throw conflict(`${email} is already a member of this workspace`);
    }
    const pending = await trx
      .selectFrom("invitations")
      .select("id")
      .where("workspace_id", "=", workspace.id)
      .where("email", "=", email)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", input.at)
      .executeTakeFirst();
    if (pending) throw conflict(`${email} already has a pending invitation; revoke it to send a new one`);
    const { count } = await trx
      .selectFrom("memberships")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("workspace_id", "=", workspace.id)
      .executeTakeFirstOrThrow();
    const invited = await countPendingInvitations(trx, workspace.id, input.at);
    requireWithinLimit(workspace.plan, "maxMembers", Number(count) + invited);

    const actor = actorOf(input.principal, input.ip);
    const inviter = inviterOf(input.principal);
    const id = newId("invitation");
    const expiresAt = new Date(input.at.getTime() + INVITATION_TTL_MS);
    await trx
      .insertInto("invitations")
      .values({
        id,
        workspace_id: workspace.id,
        email,
        role: input.role,
        token_hash: hashSecret(token),
        invited_by_type: inviter.type,
        invited_by_id: inviter.id,
        created_at: input.at,
        expires_at: expiresAt,
        accepted_at: null,
        accepted_by: null,
        revoked_at: null,
      })
      .execute();
    await recordAudit(trx, {
      workspaceId: workspace.id,
      actor,
      action: "invitation.created",
      target: { type: "invitation", id },
      details: { email, role: input.role, expiresAt: expiresAt.toISOString() },
      at: input.at,
    });
    const row = await findInvitation(trx, workspace.id, id);
    if (!row) throw new Error(`invitation ${id} vanished inside its own transaction`);
    return { invitation: toPublicInvitation(row), token };
  });
}

/** Who sends an invitation: a member or a root key (a portal user never holds members:write). */
function inviterOf(principal: Principal): { type: "user" | "root_key"; id: string } {
  if (principal.type === "user") return { type: "user", id: principal.userId };
  if (principal.type === "root_key") return { type: "root_key", id: principal.rootKeyId };
  throw forbidden("a portal session cannot invite members");
}
