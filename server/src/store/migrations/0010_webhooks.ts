/**
 * Lifecycle webhooks, key hygiene policies and leak response.
 *
 * - `webhook_endpoints`: a workspace's receivers (URL, subscribed event types, enabled), each with
 *   its signing secret sealed by the secret box. `all_tenants` (operator workspace only): the
 *   endpoint also hears every tenant's events.
 * - `webhook_events`: the outbox. `keygate_webhook_event(type, key id, at, extra)` writes an event
 *   and one `webhook_deliveries` row per endpoint subscribed to it, inside the transaction of the
 *   change that caused it, and writes nothing when no endpoint listens. Key changes reach it
 *   through a trigger on `audit_events` (every key change is audited in its own transaction), so no
 *   change can commit without its event and a rolled-back change leaves none. System events
 *   (expiry, quota, rate limit, unused) call it from their own statements.
 * - `webhook_deliveries` / `webhook_attempts`: the queue workers take with `for update skip
 *   locked` and a lease, and the log of every attempt.
 * - `key_notices`: which one-off notices a key has had (`expiring_7d:<expiry>`, `rate_limited`...),
 *   so each is sent once however many nodes sweep.
 * - Workspace policy: rotation reminder age (default 90 days), days without use before a key counts
 *   as unused (default 30), auto-disable after N days unused (off), the response to a leaked key.
 * - Quota events: a trigger on `keys` fires `key.quota_low` (10 % left) and `key.quota_exhausted`
 *   (zero) when an update takes the quota across either line.
 * - `keys.quota_limit`: the quota a key started from (set when the quota is set, raised or
 *   refilled), for the 10 %-left notice; `keys.leaked_at` / `leaked_url`: the last leak report.
 */
import { type Kysely, sql } from "kysely";

/** The key fields every key event carries (never a secret or a hash). */
const KEY_EVENT_DATA = `jsonb_build_object(
  'id', k.id, 'name', k.name, 'start', k.start, 'kind', k.kind, 'appId', k.app_id,
  'environment', k.environment, 'enabled', k.enabled, 'expiresAt', k.expires_at,
  'revokedAt', k.revoked_at, 'deletedAt', k.deleted_at, 'externalId', k.external_id,
  'meta', k.meta)`;

const STATEMENTS = [
  "alter table workspaces add column rotation_reminder_days integer default 90 check (rotation_reminder_days between 1 and 3650)",
  "alter table workspaces add column unused_key_days integer not null default 30 check (unused_key_days between 1 and 3650)",
  "alter table workspaces add column auto_disable_unused_days integer check (auto_disable_unused_days between 1 and 3650)",
  "alter table workspaces add column leak_response text not null default 'revoke' check (leak_response in ('revoke', 'disable', 'notify'))",
  "alter table keys add column quota_limit bigint",
  "alter table keys add column leaked_at timestamptz",
  "alter table keys add column leaked_url text",
  // The expiry sweeps (domain/hygiene/key-sweeps.ts) read keys by expiry across workspaces.
  `create index keys_expiry_sweep on keys (expires_at)
   where expires_at is not null and deleted_at is null and revoked_at is null`,
  `update keys set quota_limit = greatest(quota_remaining, coalesce((quota_refill->>'amount')::bigint, 0))
   where quota_remaining is not null`,
  `create function keygate_keys_quota_limit() returns trigger language plpgsql as $$
   begin
     if new.quota_remaining is null then
       new.quota_limit := null;
     elsif tg_op = 'UPDATE' and new.quota_refilled_at is distinct from old.quota_refilled_at
           and new.quota_refill is not null then
       new.quota_limit := (new.quota_refill->>'amount')::bigint;
     elsif tg_op = 'INSERT' or old.quota_remaining is null or new.quota_remaining > old.quota_remaining then
       new.quota_limit := greatest(new.quota_remaining, coalesce((new.quota_refill->>'amount')::bigint, 0));
     end if;
     return new;
   end $$`,
  `create trigger keys_quota_limit before insert or update of quota_remaining, quota_refilled_at on keys
   for each row execute function keygate_keys_quota_limit()`,
  `create table webhook_endpoints (
     id text primary key,
     workspace_id text not null references workspaces(id) on delete cascade,
     url text not null,
     description text not null default '',
     events jsonb not null,
     all_tenants boolean not null default false,
     enabled boolean not null default true,
     secret_ciphertext text not null,
     failing_since timestamptz,
     created_at timestamptz not null,
     updated_at timestamptz not null
   )`,
  "create index webhook_endpoints_workspace on webhook_endpoints (workspace_id)",
  "create index webhook_endpoints_all_tenants on webhook_endpoints (workspace_id) where all_tenants",
  `create table webhook_events (
     id text primary key,
     seq bigserial not null,
     workspace_id text not null references workspaces(id) on delete cascade,
     type text not null,
     data jsonb not null,
     occurred_at timestamptz not null
   )`,
  "create index webhook_events_occurred on webhook_events (occurred_at)",
  `create table webhook_deliveries (
     id text primary key,
     endpoint_id text not null references webhook_endpoints(id) on delete cascade,
     event_id text not null references webhook_events(id) on delete cascade,
     status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
     attempts integer not null default 0,
     next_attempt_at timestamptz,
     locked_until timestamptz,
     last_status_code integer,
     created_at timestamptz not null,
     finished_at timestamptz
   )`,
  "create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending'",
  "create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc)",
  "create index webhook_deliveries_event on webhook_deliveries (event_id)",
  `create table webhook_attempts (
     id text primary key,
     delivery_id text not null references webhook_deliveries(id) on delete cascade,
     attempted_at timestamptz not null,
     status_code integer,
     duration_ms integer not null,
     response_excerpt text not null default '',
     error text
   )`,
  "create index webhook_attempts_delivery on webhook_attempts (delivery_id, attempted_at)",
  `create table key_notices (
     key_id text not null references keys(id) on delete cascade,
     kind text not null,
     sent_at timestamptz not null,
     primary key (key_id, kind)
   )`,
  `create function keygate_webhook_event(p_type text, p_key_id text, p_at timestamptz, p_extra jsonb)
   returns void language plpgsql as $$
   declare
     v_event_id text;
     v_workspace record;
     v_key jsonb;
   begin
     select w.id, w.external_id, w.kind, ${KEY_EVENT_DATA} as key_data
       into v_workspace
       from keys k join workspaces w on w.id = k.workspace_id
       where k.id = p_key_id;
     if not found then return; end if;
     if not exists (
       select 1 from webhook_endpoints e
       where e.enabled and e.events ? p_type
         and (e.workspace_id = v_workspace.id or (e.all_tenants and v_workspace.kind = 'tenant'))
     ) then return; end if;
     v_key := v_workspace.key_data;
     v_event_id := 'msg_' || replace(gen_random_uuid()::text, '-', '');
     insert into webhook_events (id, workspace_id, type, data, occurred_at)
     values (
       v_event_id, v_workspace.id, p_type,
       jsonb_build_object('key', v_key,
         'workspace', jsonb_build_object('id', v_workspace.id, 'externalId', v_workspace.external_id))
         || coalesce(p_extra, '{}'::jsonb),
       p_at);
     insert into webhook_deliveries (id, endpoint_id, event_id, status, next_attempt_at, created_at)
     select 'whd_' || replace(gen_random_uuid()::text, '-', ''), e.id, v_event_id, 'pending', p_at, p_at
       from webhook_endpoints e
       where e.enabled and e.events ? p_type
         and (e.workspace_id = v_workspace.id or (e.all_tenants and v_workspace.kind = 'tenant'));
   end $$`,
  `create function keygate_audit_webhook() returns trigger language plpgsql as $$
   declare
     v_extra jsonb := jsonb_build_object(
       'actor', jsonb_build_object('type', new.actor_type, 'id', new.actor_id, 'label', new.actor_label),
       'details', new.details);
     v_enabled boolean;
   begin
     if new.action in ('key.created', 'key.updated', 'key.enabled', 'key.disabled', 'key.rotated',
                       'key.revoked', 'key.deleted', 'key.leaked') then
       perform keygate_webhook_event(new.action, new.target_id, new.created_at, v_extra);
       if new.action = 'key.updated' and (new.details->'fields') ? 'enabled' then
         select enabled into v_enabled from keys where id = new.target_id;
         perform keygate_webhook_event(
           case when v_enabled then 'key.enabled' else 'key.disabled' end,
           new.target_id, new.created_at, v_extra);
       end if;
     end if;
     return null;
   end $$`,
  `create trigger audit_events_webhooks after insert on audit_events
   for each row when (new.target_type = 'key') execute function keygate_audit_webhook()`,
  // A spend (or an edit) that takes the quota to 10 % of its start, or to zero, fires its event in
  // the same statement (the verifier's spend is one UPDATE); the time is the store's.
  `create function keygate_keys_quota_events() returns trigger language plpgsql as $$
   begin
     if new.quota_remaining = 0 and old.quota_remaining > 0 then
       perform keygate_webhook_event('key.quota_exhausted', new.id, now(),
         jsonb_build_object('quota', jsonb_build_object('remaining', 0, 'limit', new.quota_limit)));
     elsif new.quota_remaining > 0 and new.quota_limit > 0
           and new.quota_remaining * 10 <= new.quota_limit and old.quota_remaining * 10 > new.quota_limit then
       perform keygate_webhook_event('key.quota_low', new.id, now(),
         jsonb_build_object('quota', jsonb_build_object('remaining', new.quota_remaining, 'limit', new.quota_limit)));
     end if;
     return null;
   end $$`,
  `create trigger keys_quota_events after update of quota_remaining on keys
   for each row when (new.quota_remaining < old.quota_remaining)
   execute function keygate_keys_quota_events()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger keys_quota_events on keys`.execute(db);
  await sql`drop function keygate_keys_quota_events()`.execute(db);
  await sql`drop trigger audit_events_webhooks on audit_events`.execute(db);
  await sql`drop function keygate_audit_webhook()`.execute(db);
  await sql`drop function keygate_webhook_event(text, text, timestamptz, jsonb)`.execute(db);
  await sql`drop table key_notices`.execute(db);
  await sql`drop table webhook_attempts`.execute(db);
  await sql`drop table webhook_deliveries`.execute(db);
  await sql`drop table webhook_events`.execute(db);
  await sql`drop table webhook_endpoints`.execute(db);
  await sql`drop trigger keys_quota_limit on keys`.execute(db);
  await sql`drop function keygate_keys_quota_limit()`.execute(db);
  await sql`drop index keys_expiry_sweep`.execute(db);
  for (const column of ["quota_limit", "leaked_at", "leaked_url"])
    await sql.raw(`alter table keys drop column ${column}`).execute(db);
  for (const column of [
    "rotation_reminder_days",
    "unused_key_days",
    "auto_disable_unused_days",
    "leak_response",
  ])
    await sql.raw(`alter table workspaces drop column ${column}`).execute(db);
}
