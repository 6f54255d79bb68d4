/**
 * Revokes an invitation: its link stops working at once, with an `invitation.revoked` event in the
 * same transaction. Only an owner may revoke an invitation to the owner role. An accepted one
 * cannot be revoked (409: remove the member instead); a revoked one is no longer found.
 */
import type { Kysely } from "kysely";
import { conflict, notFound } from "../../errors.js";
import type { Database } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { requireOwner } from "../members/owner-rules.js";
import { actorOf, type Principal } from "../principal.js";

export async function revokeInvitation(
  db: Kysely<Database>,
  input: { workspaceId: string; id: string; principal: Principal; ip: string; at: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom("invitations")
      .selectAll()
      .where("workspace_id", "=", input.workspaceId)
      .where("id", "=", input.id)
      .forUpdate()
      .executeTakeFirst();
    if (!invitation || invitation.revoked_at !== null) throw notFound("invitation");
    if (invitation.accepted_at !== null) {
      throw conflict("the invitation was already accepted; remove the member instead");
    }
    if (invitation.role === "owner") requireOwner(input.principal, "revoke an invitation to the owner role");
    await trx
      .updateTable("invitations")
      .set({ revoked_at: input.at })
      .where("id", "=", invitation.id)
      .execute();
    await recordAudit(trx, {
      workspaceId: input.workspaceId,
      actor: actorOf(input.principal, input.ip),
      action: "invitation.revoked",
      target: { type: "invitation", id: invitation.id },
      details: { email: invitation.email, role: invitation.role },
      at: input.at,
    });
  });
}
