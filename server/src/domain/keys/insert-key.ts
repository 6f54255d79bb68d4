/**
 * Stores new keys, each with its current secret and its `key.created` event, in one statement
 * (one round trip, one transaction, one commit for the whole group), each only while its workspace
 * is below the plan's key limit and still has the terms the key was checked against.
 *
 * The statement locks the workspaces' rows (`for update`, in id order: concurrent statements queue
 * there and each sees the count the one before it left). Within it the keys of a workspace are
 * ranked in the order given, and a key is inserted only if its rank still fits under the limit, so
 * the limit is exact for a group as for a single key; the live-key count follows by trigger in the
 * same statement. A key is skipped, and reported so, when the limit is reached or when its
 * workspace's plan, default prefix, key policy or recoverable-keys setting differ from what its
 * checks read (so a key is kept recoverable exactly when its workspace says so).
 *
 * A key with an `externalId` joins the workspace's identity of that id, which the same statement
 * creates when it is missing (with its `identity.created` event) and only for a key it inserts.
 * `insert … on conflict do update` (a no-op update) returns the identity's id even when a
 * concurrent create of the same new externalId committed it after this statement began (a plain
 * `do nothing` would find it neither inserted nor visible), and locks it until the commit, so
 * the identity cannot be deleted under its new key.
 */
import { type Insertable, type Kysely, sql } from "kysely";
import type { AuditEventsTable, Database, NewKeyRow, WorkspaceRow } from "../../store/schema.js";

/** What a key's checks read of its workspace: the key is inserted only while these still hold. */
export type WorkspaceTerms = Pick<
  WorkspaceRow,
  "plan" | "key_prefix" | "max_key_lifetime_seconds" | "expiry_required" | "recoverable_keys"
>;

export interface KeyInsert {
  key: NewKeyRow;
  secretHash: string;
  audit: Insertable<AuditEventsTable>;
  /** The workspace as the key's checks read it; nothing is inserted if it differs now. */
  terms: WorkspaceTerms;
  /** The plan's most live keys; null for no limit. */
  maxKeys: number | null;
  /**
   * For a key with an externalId: the id of its identity should the statement create it, and
   * that creation's audit event.
   */
  identity?: { newId: string; audit: Insertable<AuditEventsTable> } | undefined;
}

/** Whether a key was stored, and the identity it joined (null for a key without externalId). */
export type KeyInsertResult = { inserted: false } | { inserted: true; identityId: string | null };

const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

/** One key as a row of the statement's JSON input (JSON columns stay serialised text). */
function inputRow(insert: KeyInsert, ord: number) {
  const { key, audit, terms } = insert;
  return {
    ord,
    id: key.id,
    workspace_id: key.workspace_id,
    app_id: key.app_id ?? null,
    kind: key.kind,
    name: key.name,
    environment: key.environment,
    prefix: key.prefix,
    start: key.start,
    shared_key: key.shared_key ?? null,
    scopes: key.scopes,
    meta: key.meta,
    expires_at: iso(key.expires_at),
    ip_allowlist: key.ip_allowlist,
    rate_limits: key.rate_limits,
    quota_remaining: key.quota_remaining ?? null,
    quota_refill: key.quota_refill ?? null,
    quota_refilled_at: iso(key.quota_refilled_at),
    enabled: key.enabled ?? true,
    created_by: key.created_by ?? null,
    created_at: iso(key.created_at),
    updated_at: iso(key.updated_at),
    secret_ciphertext: key.secret_ciphertext ?? null,
    external_id: key.external_id ?? null,
    identity_new_id: insert.identity?.newId ?? null,
    identity_event_id: insert.identity?.audit.id ?? null,
    identity_event_details: insert.identity?.audit.details ?? null,
    secret_hash: insert.secretHash,
    event_id: audit.id,
    actor_type: audit.actor_type,
    actor_id: audit.actor_id ?? null,
    actor_label: audit.actor_label ?? null,
    action: audit.action,
    target_type: audit.target_type ?? null,
    target_id: audit.target_id ?? null,
    ip: audit.ip ?? null,
    details: audit.details,
    event_at: iso(audit.created_at),
    plan: terms.plan,
    key_prefix: terms.key_prefix,
    max_key_lifetime_seconds: terms.max_key_lifetime_seconds,
    expiry_required: terms.expiry_required,
    recoverable_keys: terms.recoverable_keys,
    max_keys: insert.maxKeys,
  };
}

/**
 * Inserts each key unless its workspace's limit is reached or its terms changed; resolves, in the
 * order given, whether each was inserted and the identity it joined. A failing key (a constraint)
 * fails the whole statement.
 */
export async function insertKeysWithinLimit(
  db: Kysely<Database>,
  inserts: readonly KeyInsert[],
): Promise<KeyInsertResult[]> {
  if (inserts.length === 0) return [];
  const rows = JSON.stringify(inserts.map(inputRow));
  const result = await sql<{ id: string; identity_id: string | null }>`
    with input as materialized (
      select * from jsonb_to_recordset(${rows}::jsonb) as x(
        ord int, id text, workspace_id text, app_id text, kind text, name text, environment text,
        prefix text, start text, shared_key text, scopes text, meta text, expires_at timestamptz,
        ip_allowlist text, rate_limits text, quota_remaining bigint, quota_refill text,
        quota_refilled_at timestamptz, enabled boolean, created_by text, created_at timestamptz,
        updated_at timestamptz, secret_ciphertext text, external_id text, identity_new_id text,
        identity_event_id text, identity_event_details text, secret_hash text, event_id text,
        actor_type text, actor_id text, actor_label text, action text, target_type text, target_id text, ip text, details text, event_at timestamptz,
        plan text, key_prefix text, max_key_lifetime_seconds bigint, expiry_required boolean,
        recoverable_keys boolean, max_keys bigint)
    ),
    ws as (
      select w.id, w.plan, w.key_prefix, w.max_key_lifetime_seconds, w.expiry_required,
             w.recoverable_keys, w.live_keys
      from workspaces w
      where w.id in (select workspace_id from input)
      order by w.id
      for update of w
    ),
    allowed as (
      select i.*, ws.live_keys,
             row_number() over (partition by i.workspace_id order by i.ord) as rank
      from input i join ws on ws.id = i.workspace_id
      where ws.plan = i.plan and ws.key_prefix = i.key_prefix
        and ws.max_key_lifetime_seconds is not distinct from i.max_key_lifetime_seconds
        and ws.expiry_required = i.expiry_required and ws.recoverable_keys = i.recoverable_keys
    ),
    admitted as (
      select a.* from allowed a
      where a.max_keys is null or a.live_keys + a.rank <= a.max_keys
    ),
    ident as (
      insert into identities as existing (id, workspace_id, external_id, meta, rate_limits, created_at,
                                          updated_at)
      select distinct on (a.workspace_id, a.external_id)
             a.identity_new_id, a.workspace_id, a.external_id, '{}'::jsonb, '[]'::jsonb, a.created_at,
             a.created_at
      from admitted a
      where a.external_id is not null
      order by a.workspace_id, a.external_id, a.ord
      on conflict (workspace_id, external_id) do update set updated_at = existing.updated_at
      returning existing.id, existing.workspace_id, existing.external_id, (xmax = 0) as created
    ),
    ident_event as (
      insert into audit_events (id, workspace_id, actor_type, actor_id, actor_label, action, target_type,
                                target_id, ip, details, created_at)
      select distinct on (ident.id)
             a.identity_event_id, a.workspace_id, a.actor_type, a.actor_id, a.actor_label,
             'identity.created', 'identity', ident.id, a.ip, a.identity_event_details::jsonb, a.event_at
      from ident join admitted a on a.workspace_id = ident.workspace_id and a.external_id = ident.external_id
      where ident.created
      order by ident.id, a.ord
    ),
    k as (
      insert into keys (id, workspace_id, app_id, kind, name, environment, prefix, start, shared_key,
                        scopes, meta, expires_at, ip_allowlist, rate_limits, quota_remaining,
                        quota_refill, quota_refilled_at, enabled, revoked_at, revoked_reason,
                        rotated_at, deleted_at, usage_count, last_used_at, last_used_ip, created_by,
                        created_at, updated_at, secret_ciphertext, identity_id, external_id)
      select a.id, a.workspace_id, a.app_id, a.kind, a.name, a.environment, a.prefix, a.start,
             a.shared_key, a.scopes::jsonb, a.meta::jsonb, a.expires_at, a.ip_allowlist::jsonb,
             a.rate_limits::jsonb, a.quota_remaining, a.quota_refill::jsonb, a.quota_refilled_at,
             a.enabled, null, null, null, null, 0, null, null, a.created_by, a.created_at,
             a.updated_at, a.secret_ciphertext, ident.id, a.external_id
      from admitted a
      left join ident on ident.workspace_id = a.workspace_id and ident.external_id = a.external_id
      order by a.ord
      returning id, workspace_id, created_at, identity_id
    ),
    secret as (
      insert into key_secrets (secret_hash, key_id, workspace_id, expires_at, created_at)
      select i.secret_hash, k.id, k.workspace_id, null, k.created_at
      from k join input i on i.id = k.id
    ),
    event as (
      insert into audit_events (id, workspace_id, actor_type, actor_id, actor_label, action, target_type,
                                target_id, ip, details, created_at)
      select i.event_id, k.workspace_id, i.actor_type, i.actor_id, i.actor_label, i.action, i.target_type,
             i.target_id, i.ip, i.details::jsonb, i.event_at
      from k join input i on i.id = k.id
      order by i.ord
    )
    select id, identity_id from k`.execute(db);
  const inserted = new Map(result.rows.map((row) => [row.id, row.identity_id]));
  return inserts.map((insert) => {
    const identityId = inserted.get(insert.key.id);
    return identityId === undefined ? { inserted: false } : { inserted: true, identityId };
  });
}
