/**
 * A change the operator makes to a tenant is recorded twice, in the same transaction: in the
 * tenant's own trail (its members see who changed their workspace) and in the operator's (the
 * platform sees everything it did to its customers, with the tenant named in the details).
 */
import type { Transaction } from "kysely";
import type { Database, WorkspaceRow } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import type { Actor } from "../principal.js";

export interface TenantAuditInput {
  /** The operator's workspace, whose trail gets the second event. */
  operatorId: string;
  tenant: Pick<WorkspaceRow, "id" | "name" | "external_id">;
  actor: Actor;
  action: string;
  /** The target when it is not the tenant itself (a root key of the tenant). */
  target?: { type: string; id: string };
  details: Record<string, unknown>;
  at: Date;
}

export async function recordTenantAudit(trx: Transaction<Database>, input: TenantAuditInput): Promise<void> {
  const target = input.target ?? { type: "workspace", id: input.tenant.id };
  await recordAudit(trx, {
    workspaceId: input.tenant.id,
    actor: input.actor,
    action: input.action,
    target,
    details: input.details,
    at: input.at,
  });
  await recordAudit(trx, {
    workspaceId: input.operatorId,
    actor: input.actor,
    action: input.action,
    target,
    details: {
      ...input.details,
      tenant: { id: input.tenant.id, name: input.tenant.name, externalId: input.tenant.external_id },
    },
    at: input.at,
  });
}
