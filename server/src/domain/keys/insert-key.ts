/**
 * Stores a new key, its current secret and its audit event in one statement, only while the
 * workspace is below the plan's key limit. The statement locks the workspace row (`for update`:
 * concurrent creates queue there and each sees the count the one before it left), inserts nothing
 * when the limit is reached or the plan changed since it was read, and the live-key count follows
 * by trigger in the same statement. One statement is one round trip and its own transaction.
 */
import { type Insertable, type Kysely, sql } from "kysely";
import type { AuditEventsTable, Database, NewKeyRow, Plan } from "../../store/schema.js";

export interface KeyInsert {
  key: NewKeyRow;
  secretHash: string;
  audit: Insertable<AuditEventsTable>;
  /** The plan the caller's checks read; nothing is inserted if the workspace's differs now. */
  plan: Plan;
  /** The plan's most live keys; null for no limit. */
  maxKeys: number | null;
}

/** Inserts the key unless the limit is reached or the plan changed; resolves whether it did. */
export async function insertKeyWithinLimit(db: Kysely<Database>, insert: KeyInsert): Promise<boolean> {
  const { key, audit } = insert;
  const result = await sql<{ inserted: number }>`
    with ws as (
      select id from workspaces
      where id = ${key.workspace_id} and plan = ${insert.plan}
        and (${insert.maxKeys}::bigint is null or live_keys < ${insert.maxKeys}::bigint)
      for update
    ),
    k as (
      insert into keys (id, workspace_id, app_id, kind, name, environment, prefix, start, shared_key,
                        scopes, meta, expires_at, ip_allowlist, rate_limit, quota_remaining,
                        quota_refill, quota_refilled_at, enabled, revoked_at, revoked_reason,
                        rotated_at, deleted_at, usage_count, last_used_at, last_used_ip, created_by,
                        created_at, updated_at)
      select ${key.id}, ws.id, ${key.app_id}::text, ${key.kind}, ${key.name}, ${key.environment},
             ${key.prefix}, ${key.start}, ${key.shared_key}::text, ${key.scopes}::jsonb,
             ${key.meta}::jsonb, ${key.expires_at}::timestamptz, ${key.ip_allowlist}::jsonb,
             ${key.rate_limit}::jsonb, ${key.quota_remaining}::bigint, ${key.quota_refill}::jsonb,
             ${key.quota_refilled_at}::timestamptz, ${key.enabled}::boolean, null, null, null, null,
             0, null, null, ${key.created_by}::text, ${key.created_at}::timestamptz,
             ${key.updated_at}::timestamptz
      from ws
      returning id, workspace_id, created_at
    ),
    secret as (
      insert into key_secrets (secret_hash, key_id, workspace_id, expires_at, created_at)
      select ${insert.secretHash}, k.id, k.workspace_id, null, k.created_at from k
    ),
    event as (
      insert into audit_events (id, workspace_id, actor_type, actor_id, action, target_type,
                                target_id, ip, details, created_at)
      select ${audit.id}, k.workspace_id, ${audit.actor_type}, ${audit.actor_id}::text, ${audit.action},
             ${audit.target_type}::text, ${audit.target_id}::text, ${audit.ip}::text,
             ${audit.details}::jsonb, ${audit.created_at}::timestamptz
      from k
    )
    select count(*)::int as inserted from k`.execute(db);
  return (result.rows[0]?.inserted ?? 0) === 1;
}
