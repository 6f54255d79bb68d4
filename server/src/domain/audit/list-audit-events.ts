/**
 * Reads a workspace's audit trail: newest first, filtered by action (exact, or a prefix such as
 * `key.*`), target, actor and time, paged by id (ids are time-sortable), or walked page by page
 * for an export.
 */
import { type Kysely, sql } from "kysely";
import type { AuditEventRow, Database } from "../../store/schema.js";

export interface AuditFilter {
  workspaceId: string;
  /** `key.created` matches exactly; `key.*` matches every action starting with `key.`. */
  action?: string | undefined;
  targetId?: string | undefined;
  actorId?: string | undefined;
  /** Events at or after this time. */
  from?: Date | undefined;
  /** Events before this time. */
  to?: Date | undefined;
  /** Only events older than this event id (a page cursor). */
  before?: string | undefined;
}

export interface PublicAuditEvent {
  id: string;
  action: string;
  /** `label`: a portal user's email; null for the other actors. */
  actor: { type: AuditEventRow["actor_type"]; id: string | null; label: string | null };
  target: { type: string; id: string } | null;
  ip: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

export function toPublicAuditEvent(row: AuditEventRow): PublicAuditEvent {
  return {
    id: row.id,
    action: row.action,
    actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
    target:
      row.target_type !== null && row.target_id !== null
        ? { type: row.target_type, id: row.target_id }
        : null,
    ip: row.ip,
    details: asDetails(row.details),
    createdAt: row.created_at.toISOString(),
  };
}

function asDetails(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Up to `limit` events matching the filter, newest first. */
export async function listAuditEvents(
  db: Kysely<Database>,
  filter: AuditFilter,
  limit: number,
): Promise<AuditEventRow[]> {
  let query = db.selectFrom("audit_events").selectAll().where("workspace_id", "=", filter.workspaceId);
  if (filter.action !== undefined) {
    if (filter.action.endsWith(".*")) {
      const prefix = filter.action.slice(0, -1);
      query = query.where(sql<boolean>`starts_with(action, ${prefix})`);
    } else {
      query = query.where("action", "=", filter.action);
    }
  }
  if (filter.targetId !== undefined) query = query.where("target_id", "=", filter.targetId);
  if (filter.actorId !== undefined) query = query.where("actor_id", "=", filter.actorId);
  if (filter.from !== undefined) query = query.where("created_at", ">=", filter.from);
  if (filter.to !== undefined) query = query.where("created_at", "<", filter.to);
  if (filter.before !== undefined) query = query.where("id", "<", filter.before);
  return query.orderBy("id", "desc").limit(limit).execute();
}

/** The most events one export holds. */
export const MAX_EXPORT_EVENTS = 100_000;

/**
 * Every event matching the filter, newest first, read `pageSize` at a time and at most `max`.
 * The first page is read before this resolves, so a failing store fails the call, not the stream.
 */
export async function openAuditExport(
  db: Kysely<Database>,
  filter: AuditFilter,
  options: { pageSize?: number; max?: number } = {},
): Promise<AsyncIterable<AuditEventRow>> {
  const pageSize = options.pageSize ?? 1000;
  const max = options.max ?? MAX_EXPORT_EVENTS;
  const first = await listAuditEvents(db, filter, Math.min(pageSize, max));
  return (async function* () {
    let page = first;
    let sent = 0;
    while (page.length > 0) {
      for (const row of page) yield row;
      sent += page.length;
      const last = page.at(-1);
      if (page.length < pageSize || sent >= max || last === undefined) return;
      page = await listAuditEvents(db, { ...filter, before: last.id }, Math.min(pageSize, max - sent));
    }
  })();
}
