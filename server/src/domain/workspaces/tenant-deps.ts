/**
 * What a tenant operation needs, and how a committed change to a tenant reaches the rest of the
 * system: key creation forgets its remembered copy of the workspace, and every verifier cache
 * (here and, in a cluster, on every node) learns the tenant's plan and suspension before the
 * management call answers, so the very next request sees the change.
 */
import type { AppContext } from "../../app/context.js";
import type { WorkspaceRow } from "../../store/schema.js";
import type { Principal } from "../principal.js";

export type TenantDeps = Pick<AppContext, "store" | "clock" | "invalidation" | "keyCreation">;

/** The operator's principal calling a tenant operation, and from where (for the audit trail). */
export interface OperatorCaller {
  principal: Principal;
  ip: string | null;
}

/** Publishes a committed change of plan, suspension, deletion or customer id. */
export async function publishTenantChange(
  deps: Pick<TenantDeps, "invalidation" | "keyCreation">,
  row: Pick<WorkspaceRow, "id" | "external_id" | "plan" | "suspended_at" | "deleted_at">,
): Promise<void> {
  deps.keyCreation.workspaces.forget(row.id);
  await deps.invalidation.publish({
    kind: "workspace",
    workspace: {
      id: row.id,
      externalId: row.external_id,
      plan: row.plan,
      // A deleted tenant's keys verify as WORKSPACE_SUSPENDED, as a suspended one's do.
      suspended: row.suspended_at !== null || row.deleted_at !== null,
    },
  });
}
