/**
 * Changes a tenant (platform mode): its name, customer id and branding (`workspace.updated`),
 * its plan (`workspace.plan_changed`, source "api": the platform's billing calls this when a
 * customer upgrades or lapses) and its suspension (`workspace.suspended` / `workspace.resumed`),
 * all in one transaction, each event in the tenant's trail and in the operator's. A committed
 * change of plan, suspension or customer id is published before this returns, so the very next
 * verification and key creation see it.
 */
import type { Plan, WorkspaceRow } from "../../store/schema.js";
import type { Branding } from "../portal/branding.js";
import { actorOf } from "../principal.js";
import { lockTenant } from "./find-tenants.js";
import { recordTenantAudit } from "./tenant-audit.js";
import { type OperatorCaller, publishTenantChange, type TenantDeps } from "./tenant-deps.js";
import { externalIdTaken, isUniqueViolation, requireExternalIdFree } from "./tenant-external-id.js";
import { type PublicTenant, toPublicTenant } from "./tenant-object.js";
import { applySettings } from "./update-workspace.js";

export interface TenantChanges {
  name?: string | undefined;
  externalId?: string | undefined;
  plan?: Plan | undefined;
  suspended?: boolean | undefined;
  branding?: { [K in keyof Branding]?: Branding[K] | undefined } | undefined;
}

export async function updateTenant(
  deps: TenantDeps,
  caller: OperatorCaller,
  id: string,
  changes: TenantChanges,
): Promise<PublicTenant> {
  const operatorId = caller.principal.workspaceId;
  const at = deps.clock.now();
  const actor = actorOf(caller.principal, caller.ip);
  let result: { before: WorkspaceRow; after: WorkspaceRow };
  try {
    result = await deps.store.db.transaction().execute(async (trx) => {
      const before = await lockTenant(trx, id);
      const newExternalId =
        changes.externalId !== undefined && changes.externalId !== before.external_id
          ? changes.externalId
          : undefined;
      if (newExternalId !== undefined) await requireExternalIdFree(trx, newExternalId);

      const settings = await applySettings(
        trx,
        before,
        { name: changes.name, externalId: newExternalId, branding: changes.branding },
        at,
      );
      let after = settings.row;
      const audit = (action: string, details: Record<string, unknown>) =>
        recordTenantAudit(trx, { operatorId, tenant: after, actor, action, details, at });
      if (settings.change) await audit("workspace.updated", { ...settings.change });

      if (changes.plan !== undefined && changes.plan !== before.plan) {
        after = { ...after, plan: changes.plan, updated_at: at };
        await trx
          .updateTable("workspaces")
          .set({ plan: after.plan, updated_at: at })
          .where("id", "=", id)
          .execute();
        await audit("workspace.plan_changed", { from: before.plan, to: after.plan, source: "api" });
      }

      const suspended = before.suspended_at !== null;
      if (changes.suspended !== undefined && changes.suspended !== suspended) {
        after = { ...after, suspended_at: changes.suspended ? at : null, updated_at: at };
        await trx
          .updateTable("workspaces")
          .set({ suspended_at: after.suspended_at, updated_at: at })
          .where("id", "=", id)
          .execute();
        await audit(changes.suspended ? "workspace.suspended" : "workspace.resumed", {});
      }
      return { before, after };
    });
  } catch (error) {
    if (isUniqueViolation(error) && changes.externalId !== undefined) {
      throw externalIdTaken(changes.externalId);
    }
    throw error;
  }

  const { before, after } = result;
  if (
    before.plan !== after.plan ||
    before.suspended_at !== after.suspended_at ||
    before.external_id !== after.external_id
  ) {
    await publishTenantChange(deps, after);
  } else if (before.updated_at !== after.updated_at) {
    deps.keyCreation.workspaces.forget(id);
  }
  return toPublicTenant(after);
}
