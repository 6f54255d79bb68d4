/**
 * Platform mode: the operator's workspace and its tenants, identities, and the key portal.
 *
 * - `workspaces.kind`: the workspace created at first start is the `operator`'s (at most one, by a
 *   partial unique index; an existing store's oldest workspace becomes it); every other is a
 *   `tenant`. A tenant has the platform's customer id in `external_id` (unique when set), may be
 *   `suspended_at` (its keys verify as WORKSPACE_SUSPENDED) or soft-`deleted_at` (gone from every
 *   list and from verification), carries `branding` that overrides the operator's for the portal,
 *   and remembers `last_verified_at`, written by the usage flush.
 * - `identities`: an end user (or customer) of a tenant, by its `external_id`, shared by all its
 *   keys: `meta` and `rate_limits` (one limit across every key of the identity).
 *   `keys.identity_id` and `keys.external_id` (the identity's, which never changes) link a key to it.
 * - `portal_tokens`: the one-time (60 s) links of `POST /v1/portal/sessions`, stored as SHA-256.
 * - `portal_sessions`: the sessions those links open, for one person in one tenant with one role
 *   and a set of features; never a Keygate user or password.
 * - Audit events name a portal user as actor type `portal`, id `portal:<externalId>` and the
 *   person's email in `actor_label`.
 */
import { type Kysely, sql } from "kysely";

const STATEMENTS = [
  "alter table workspaces add column kind text not null default 'tenant' check (kind in ('operator', 'tenant'))",
  "update workspaces set kind = 'operator' where id = (select id from workspaces order by created_at, id limit 1)",
  "create unique index workspaces_one_operator on workspaces (kind) where kind = 'operator'",
  "alter table workspaces add column external_id text",
  "create unique index workspaces_external_id on workspaces (external_id) where external_id is not null",
  "alter table workspaces add column suspended_at timestamptz",
  "alter table workspaces add column deleted_at timestamptz",
  "alter table workspaces add column branding jsonb not null default '{}'",
  "alter table workspaces add column last_verified_at timestamptz",
  "create index workspaces_tenant_list on workspaces (id desc) where kind = 'tenant' and deleted_at is null",

  `create table identities (
     id text primary key,
     workspace_id text not null references workspaces(id) on delete cascade,
     external_id text not null,
     meta jsonb not null default '{}',
     rate_limits jsonb not null default '[]',
     created_at timestamptz not null,
     updated_at timestamptz not null,
     unique (workspace_id, external_id)
   )`,
  "create index identities_list on identities (workspace_id, id desc)",
  "alter table keys add column identity_id text references identities(id)",
  "alter table keys add column external_id text",
  "create index keys_external_id_list on keys (workspace_id, external_id, id desc) where deleted_at is null and external_id is not null",

  `create table portal_tokens (
     token_hash text primary key,
     workspace_id text not null references workspaces(id) on delete cascade,
     external_id text not null,
     email text not null,
     name text not null,
     role text not null check (role in ('admin', 'developer', 'viewer')),
     features jsonb not null,
     return_url text,
     created_by text,
     created_at timestamptz not null,
     expires_at timestamptz not null,
     used_at timestamptz
   )`,
  `create table portal_sessions (
     token_hash text primary key,
     workspace_id text not null references workspaces(id) on delete cascade,
     external_id text not null,
     email text not null,
     name text not null,
     role text not null check (role in ('admin', 'developer', 'viewer')),
     features jsonb not null,
     return_url text,
     csrf_token text not null,
     created_at timestamptz not null,
     expires_at timestamptz not null,
     last_seen_at timestamptz not null
   )`,
  "create index portal_sessions_expiry on portal_sessions (expires_at)",

  "alter table audit_events drop constraint audit_events_actor_type_check",
  "alter table audit_events add constraint audit_events_actor_type_check check (actor_type in ('user', 'root_key', 'system', 'portal'))",
  "alter table audit_events add column actor_label text",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error("0006_platform_mode cannot be undone: restore a backup instead");
}
