/**
 * Root keys the operator mints inside a tenant (platform mode), for automation that works in that
 * one tenant: the key belongs to the tenant, so it never holds an operator permission (refused
 * here, 400), and the operator may only grant what it holds itself. Audited `root_key.created`
 * in the tenant's trail and the operator's, in one transaction with the key.
 */

import { actorOf, type Grant } from "../principal.js";
import { lockTenant } from "../workspaces/find-tenants.js";
import { recordTenantAudit } from "../workspaces/tenant-audit.js";
import type { OperatorCaller, TenantDeps } from "../workspaces/tenant-deps.js";
import { requireCanGrant, requireHoldableByWorkspace } from "./grants.js";
import { insertRootKey, type PublicRootKey, rootKeyCreatedDetails, toPublicRootKey } from "./root-keys.js";

export async function createTenantRootKey(
  deps: Pick<TenantDeps, "store" | "clock">,
  caller: OperatorCaller,
  tenantId: string,
  input: { name: string; permissions: Grant[] },
): Promise<{ rootKey: PublicRootKey; key: string }> {
  requireHoldableByWorkspace(false, input.permissions);
  requireCanGrant(caller.principal, input.permissions);
  const at = deps.clock.now();
  const actor = actorOf(caller.principal, caller.ip);
  const { row, key } = await deps.store.db.transaction().execute(async (trx) => {
    // Locked, so a delete of the tenant cannot commit between this check and the new key.
    const tenant = await lockTenant(trx, tenantId);
    const created = await insertRootKey(trx, { workspaceId: tenant.id, ...input, actor, at });
    await recordTenantAudit(trx, {
      operatorId: caller.principal.workspaceId,
      tenant,
      actor,
      action: "root_key.created",
      target: { type: "root_key", id: created.row.id },
      details: rootKeyCreatedDetails(created.row),
      at,
    });
    return created;
  });
  return { rootKey: toPublicRootKey(row), key };
}
