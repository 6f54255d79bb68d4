/**
 * Removes a member from the workspace with a `member.removed` event, and ends their sessions in
 * it at once. Only an owner may remove an owner, and the last owner can never be removed. The
 * account itself stays (it may belong to other workspaces).
 */
import type { Kysely } from "kysely";
import { notFound } from "../../errors.js";
import type { Database } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { actorOf, type Principal } from "../principal.js";
import { findMember, lockWorkspace } from "./members.js";
import { requireAnotherOwner, requireOwner } from "./owner-rules.js";

export async function removeMember(
  db: Kysely<Database>,
  input: { workspaceId: string; userId: string; principal: Principal; ip: string; at: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, input.workspaceId);
    const member = await findMember(trx, input.workspaceId, input.userId);
    if (!member) throw notFound("member");
    if (member.role === "owner") {
      requireOwner(input.principal, "remove an owner");
      await requireAnotherOwner(trx, input.workspaceId, input.userId, "removed");
    }
    await trx
      .deleteFrom("memberships")
      .where("workspace_id", "=", input.workspaceId)
      .where("user_id", "=", input.userId)
      .execute();
    await trx
      .deleteFrom("sessions")
      .where("workspace_id", "=", input.workspaceId)
      .where("user_id", "=", input.userId)
      .execute();
    await recordAudit(trx, {
      workspaceId: input.workspaceId,
      actor: actorOf(input.principal, input.ip),
      action: "member.removed",
      target: { type: "user", id: input.userId },
      details: { email: member.email, role: member.role },
      at: input.at,
    });
  });
}
