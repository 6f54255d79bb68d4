/**
 * Deletes a tenant (platform mode), softly: the row stays for the record with `deleted_at`, and in
 * the same transaction its dashboard and portal sessions and unused portal links end, its members
 * lose their membership (so no sign-in or workspace switch leads there) and its pending
 * invitations are revoked, and its customer id is freed for a new tenant (the audit event keeps it). After the commit its keys verify as WORKSPACE_SUSPENDED
 * and its root keys stop authenticating, on every node, before this returns. Audited
 * `workspace.deleted` in the tenant's trail and the operator's.
 */
import { actorOf } from "../principal.js";
import { lockTenant } from "./find-tenants.js";
import { recordTenantAudit } from "./tenant-audit.js";
import { type OperatorCaller, publishTenantChange, type TenantDeps } from "./tenant-deps.js";

/** Root key hashes per message: small enough for PostgreSQL NOTIFY (8000 bytes). */
const HASHES_PER_MESSAGE = 100;

export async function deleteTenant(deps: TenantDeps, caller: OperatorCaller, id: string): Promise<void> {
  const operatorId = caller.principal.workspaceId;
  const at = deps.clock.now();
  const { tenant, rootKeyHashes } = await deps.store.db.transaction().execute(async (trx) => {
    const before = await lockTenant(trx, id);
    await trx
      .updateTable("workspaces")
      .set({ deleted_at: at, external_id: null, updated_at: at })
      .where("id", "=", id)
      .execute();
    const rootKeys = await trx
      .selectFrom("root_keys")
      .select("secret_hash")
      .where("workspace_id", "=", id)
      .execute();
    const sessions = await trx.deleteFrom("sessions").where("workspace_id", "=", id).executeTakeFirst();
    const portalSessions = await trx
      .deleteFrom("portal_sessions")
      .where("workspace_id", "=", id)
      .executeTakeFirst();
    await trx.deleteFrom("portal_tokens").where("workspace_id", "=", id).execute();
    const members = await trx.deleteFrom("memberships").where("workspace_id", "=", id).executeTakeFirst();
    const invitations = await trx
      .updateTable("invitations")
      .set({ revoked_at: at })
      .where("workspace_id", "=", id)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    await recordTenantAudit(trx, {
      operatorId,
      tenant: before,
      actor: actorOf(caller.principal, caller.ip),
      action: "workspace.deleted",
      details: {
        name: before.name,
        externalId: before.external_id,
        plan: before.plan,
        endedSessions: Number(sessions.numDeletedRows) + Number(portalSessions.numDeletedRows),
        removedMembers: Number(members.numDeletedRows),
        revokedInvitations: Number(invitations.numUpdatedRows),
      },
      at,
    });
    return {
      tenant: { ...before, deleted_at: at, updated_at: at },
      rootKeyHashes: rootKeys.map((row) => row.secret_hash),
    };
  });
  // The message keeps the customer id the tenant had, so nodes can drop what they know of it.
  await publishTenantChange(deps, tenant);
  for (let i = 0; i < rootKeyHashes.length; i += HASHES_PER_MESSAGE) {
    await deps.invalidation.publish({
      kind: "root_key",
      hashes: rootKeyHashes.slice(i, i + HASHES_PER_MESSAGE),
    });
  }
}
