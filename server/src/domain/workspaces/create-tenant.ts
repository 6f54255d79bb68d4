/**
 * Creates a tenant (platform mode): a workspace for one of the platform's customers, by the
 * platform's customer id, on the plan its billing chose; audited `workspace.created` in the new
 * tenant's trail and in the operator's, in one transaction.
 */
import type { Plan, WorkspaceRow } from "../../store/schema.js";
import { actorOf } from "../principal.js";
import { recordTenantAudit } from "./tenant-audit.js";
import type { OperatorCaller, TenantDeps } from "./tenant-deps.js";
import { externalIdTaken, isUniqueViolation, requireExternalIdFree } from "./tenant-external-id.js";
import { type PublicTenant, toPublicTenant } from "./tenant-object.js";
import { createWorkspace, getWorkspace } from "./workspaces.js";

export interface CreateTenantInput {
  name: string;
  externalId: string;
  plan: Plan;
  /** The default prefix of the tenant's keys; the operator's own when absent. */
  keyPrefix?: string | undefined;
}

export async function createTenant(
  deps: TenantDeps,
  caller: OperatorCaller,
  input: CreateTenantInput,
): Promise<PublicTenant> {
  const operatorId = caller.principal.workspaceId;
  const at = deps.clock.now();
  const actor = actorOf(caller.principal, caller.ip);
  let row: WorkspaceRow;
  try {
    row = await deps.store.db.transaction().execute(async (trx) => {
      await requireExternalIdFree(trx, input.externalId);
      const keyPrefix = input.keyPrefix ?? (await getWorkspace(trx, operatorId)).key_prefix;
      const tenant = await createWorkspace(trx, {
        name: input.name,
        plan: input.plan,
        keyPrefix,
        kind: "tenant",
        externalId: input.externalId,
        at,
      });
      await recordTenantAudit(trx, {
        operatorId,
        tenant,
        actor,
        action: "workspace.created",
        details: { name: tenant.name, externalId: tenant.external_id, plan: tenant.plan, keyPrefix },
        at,
      });
      return tenant;
    });
  } catch (error) {
    // Two creates of one customer id at once: the unique index lets one through.
    if (isUniqueViolation(error)) throw externalIdTaken(input.externalId);
    throw error;
  }
  return toPublicTenant(row);
}
