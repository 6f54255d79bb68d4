/** The first schema: workspaces, people, sessions, root keys, apis, apps, keys, usage and audit. */
import { type Kysely, sql } from "kysely";

const SCHEMA = `
    create table workspaces (
      id text primary key,
      name text not null,
      plan text not null check (plan in ('free', 'pro', 'enterprise')),
      key_prefix text not null,
      max_key_lifetime_seconds integer check (max_key_lifetime_seconds > 0),
      expiry_required boolean not null default false,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );

    create table users (
      id text primary key,
      email text not null unique,
      name text not null,
      password_hash text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );

    create table memberships (
      workspace_id text not null references workspaces(id) on delete cascade,
      user_id text not null references users(id) on delete cascade,
      role text not null check (role in ('owner', 'admin', 'developer', 'viewer')),
      created_at timestamptz not null,
      primary key (workspace_id, user_id)
    );
    create index memberships_user on memberships (user_id);

    create table sessions (
      token_hash text primary key,
      user_id text not null references users(id) on delete cascade,
      workspace_id text not null references workspaces(id) on delete cascade,
      csrf_token text not null,
      ip text,
      user_agent text,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      last_seen_at timestamptz not null
    );
    create index sessions_user on sessions (user_id);

    create table setup_tokens (
      token_hash text primary key,
      workspace_id text not null references workspaces(id) on delete cascade,
      created_at timestamptz not null,
      expires_at timestamptz not null,
      used_at timestamptz
    );

    create table root_keys (
      id text primary key,
      workspace_id text not null references workspaces(id) on delete cascade,
      name text not null,
      start text not null,
      secret_hash text not null unique,
      permissions jsonb not null,
      created_by text,
      created_at timestamptz not null,
      last_used_at timestamptz
    );
    create index root_keys_workspace on root_keys (workspace_id, id);

    create table apis (
      id text primary key,
      workspace_id text not null references workspaces(id) on delete cascade,
      name text not null,
      description text not null default '',
      scopes jsonb not null,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index apis_workspace on apis (workspace_id, id);

    create table apps (
      id text primary key,
      workspace_id text not null references workspaces(id) on delete cascade,
      title text not null,
      description text not null default '',
      environment text not null check (environment in ('production', 'staging', 'development')),
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index apps_workspace on apps (workspace_id, id);

    create table app_apis (
      app_id text not null references apps(id) on delete cascade,
      api_id text not null references apis(id) on delete cascade,
      primary key (app_id, api_id)
    );
    create index app_apis_api on app_apis (api_id);

    create table keys (
      id text primary key,
      workspace_id text not null references workspaces(id) on delete cascade,
      app_id text references apps(id) on delete set null,
      kind text not null check (kind in ('token', 'pair')),
      name text not null,
      environment text not null check (environment in ('production', 'staging', 'development')),
      prefix text not null,
      start text not null,
      shared_key text unique,
      scopes jsonb not null,
      meta jsonb not null,
      expires_at timestamptz,
      ip_allowlist jsonb not null,
      rate_limit jsonb,
      quota_remaining bigint check (quota_remaining >= 0),
      quota_refill jsonb,
      quota_refilled_at timestamptz,
      enabled boolean not null default true,
      revoked_at timestamptz,
      revoked_reason text,
      rotated_at timestamptz,
      deleted_at timestamptz,
      usage_count bigint not null default 0,
      last_used_at timestamptz,
      last_used_ip text,
      created_by text,
      created_at timestamptz not null,
      updated_at timestamptz not null
    );
    create index keys_workspace_list on keys (workspace_id, id desc) where deleted_at is null;
    create index keys_app on keys (app_id) where deleted_at is null;

    create table key_secrets (
      secret_hash text primary key,
      key_id text not null references keys(id) on delete cascade,
      workspace_id text not null,
      expires_at timestamptz,
      created_at timestamptz not null
    );
    create index key_secrets_key on key_secrets (key_id);

    create table key_usage (
      key_id text not null references keys(id) on delete cascade,
      workspace_id text not null,
      granularity text not null check (granularity in ('hour', 'day')),
      bucket timestamptz not null,
      outcome text not null,
      count bigint not null,
      primary key (key_id, granularity, bucket, outcome)
    );

    create table audit_events (
      id text primary key,
      workspace_id text not null references workspaces(id) on delete cascade,
      actor_type text not null check (actor_type in ('user', 'root_key', 'system')),
      actor_id text,
      action text not null,
      target_type text,
      target_id text,
      ip text,
      details jsonb not null,
      created_at timestamptz not null
    );
    create index audit_events_workspace on audit_events (workspace_id, id desc);
    create index audit_events_target on audit_events (workspace_id, target_id, id desc);
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // One statement at a time: PGlite's extended protocol takes a single statement per query.
  for (const statement of SCHEMA.split(/;\s*\n/)) {
    if (statement.trim() !== "") await sql.raw(statement).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error("0001_initial cannot be undone: restore a backup instead");
}
