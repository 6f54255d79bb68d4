/**
 * `keygate workspace plan <workspace> <plan>`: the operator sets a workspace's plan. The change
 * and its `workspace.plan_changed` audit event (actor: system) are written in one transaction; for
 * a tenant the event is also written in the operator's trail, as the API's plan change does. A
 * running Keygate sees the new plan at the next key creation (its insert re-checks the plan);
 * in a cluster, prefer PATCH /v1/workspaces/{id}, which also tells every node at once.
 */

import type { Config } from "../config/config.js";
import { recordAudit } from "../domain/audit/record-audit.js";
import { PLANS } from "../domain/workspaces/entitlements.js";
import { recordTenantAudit } from "../domain/workspaces/tenant-audit.js";
import { type PublicWorkspace, toPublicWorkspace } from "../domain/workspaces/workspaces.js";
import type { Plan } from "../store/schema.js";
import { CliError } from "./cli-error.js";
import { type CommandIo, processIo } from "./command-io.js";
import { findWorkspace } from "./find-workspace.js";
import { withStore } from "./with-store.js";

export interface PlanChange {
  workspace: PublicWorkspace;
  previousPlan: Plan;
  changed: boolean;
}

const isPlan = (value: string): value is Plan => (PLANS as readonly string[]).includes(value);

export async function setWorkspacePlan(
  config: Config,
  args: { workspace: string; plan: string },
  io: CommandIo = processIo,
): Promise<PlanChange> {
  const plan = args.plan;
  if (!isPlan(plan)) throw new CliError(`the plan must be one of ${PLANS.join(", ")} (got "${plan}")`);
  const result = await withStore(config, { mustExist: true, store: io.store }, (store) =>
    store.db.transaction().execute(async (trx) => {
      const row = await findWorkspace(trx, args.workspace);
      if (row.plan === plan) {
        return { workspace: toPublicWorkspace(row), previousPlan: row.plan, changed: false };
      }
      const at = io.clock.now();
      const updated = await trx
        .updateTable("workspaces")
        .set({ plan, updated_at: at })
        .where("id", "=", row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const event = {
        actor: { type: "system", id: null, ip: null },
        action: "workspace.plan_changed",
        details: { from: row.plan, to: plan, source: "cli" },
        at,
      } as const;
      const operator = await trx
        .selectFrom("workspaces")
        .select("id")
        .where("kind", "=", "operator")
        .executeTakeFirst();
      if (row.kind === "tenant" && operator) {
        await recordTenantAudit(trx, { ...event, operatorId: operator.id, tenant: row });
      } else {
        await recordAudit(trx, { ...event, workspaceId: row.id, target: { type: "workspace", id: row.id } });
      }
      return { workspace: toPublicWorkspace(updated), previousPlan: row.plan, changed: true };
    }),
  );
  const { workspace } = result;
  io.print(
    result.changed
      ? `Workspace "${workspace.name}" (${workspace.id}) is now on the ${plan} plan (was ${result.previousPlan}).`
      : `Workspace "${workspace.name}" (${workspace.id}) is already on the ${plan} plan; nothing changed.`,
  );
  return result;
}
