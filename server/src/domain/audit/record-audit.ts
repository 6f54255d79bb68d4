/**
 * Writes an audit event. Call it inside the same transaction as the change it records, so a
 * change and its event land together or not at all. Never put a secret in `details`.
 */
import type { Insertable, Kysely, Transaction } from "kysely";
import type { AuditEventsTable, Database } from "../../store/schema.js";
import { newId } from "../ids.js";
import type { Actor } from "../principal.js";

export interface AuditInput {
  workspaceId: string;
  actor: Actor;
  action: string;
  target?: { type: string; id: string } | undefined;
  details?: Record<string, unknown>;
  at: Date;
}

/** The audit row of an event, with a new id. */
export function auditRowValues(event: AuditInput): Insertable<AuditEventsTable> {
  return {
    id: newId("event"),
    workspace_id: event.workspaceId,
    actor_type: event.actor.type,
    actor_id: event.actor.id,
    actor_label: event.actor.label ?? null,
    action: event.action,
    target_type: event.target?.type ?? null,
    target_id: event.target?.id ?? null,
    ip: event.actor.ip,
    details: JSON.stringify(event.details ?? {}),
    created_at: event.at,
  };
}

export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  event: AuditInput,
): Promise<string> {
  const row = auditRowValues(event);
  await db.insertInto("audit_events").values(row).execute();
  return row.id;
}
