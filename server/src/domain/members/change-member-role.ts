/**
 * Changes a member's role with a `member.role_changed` event. Only an owner may grant the owner
 * role or change an owner's role, and the last owner cannot be demoted. Sessions read the role
 * live, so the change applies from the member's next request.
 */
import type { Kysely } from "kysely";
import { notFound } from "../../errors.js";
import type { Database, Role } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { actorOf, type Principal } from "../principal.js";
import { findMember, lockWorkspace, type PublicMember, toPublicMember } from "./members.js";
import { requireAnotherOwner, requireOwner } from "./owner-rules.js";

export async function changeMemberRole(
  db: Kysely<Database>,
  input: { workspaceId: string; userId: string; role: Role; principal: Principal; ip: string; at: Date },
): Promise<PublicMember> {
  return db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, input.workspaceId);
    const member = await findMember(trx, input.workspaceId, input.userId);
    if (!member) throw notFound("member");
    if (member.role === input.role) return toPublicMember(member);
    if (input.role === "owner") requireOwner(input.principal, "grant the owner role");
    if (member.role === "owner") {
      requireOwner(input.principal, "change an owner's role");
      await requireAnotherOwner(trx, input.workspaceId, input.userId, "demoted");
    }
    await trx
      .updateTable("memberships")
      .set({ role: input.role })
      .where("workspace_id", "=", input.workspaceId)
      .where("user_id", "=", input.userId)
      .execute();
    await recordAudit(trx, {
      workspaceId: input.workspaceId,
      actor: actorOf(input.principal, input.ip),
      action: "member.role_changed",
      target: { type: "user", id: input.userId },
      details: { email: member.email, from: member.role, to: input.role },
      at: input.at,
    });
    return toPublicMember({ ...member, role: input.role });
  });
}
