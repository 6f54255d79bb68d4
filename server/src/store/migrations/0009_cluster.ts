/**
 * Cluster mode.
 *
 * - `keys.rate_limits`: a key's named rate limits, `[{ name, limit, windowMs }]` (at most 5, checked
 *   all-or-nothing), replacing the single `rate_limit` (which becomes the limit named `default`).
 * - `cluster_nodes`: every running node's heartbeat; the live ones divide a rate limit between them
 *   while Redis is unreachable.
 * - `cluster_jobs`: when each background job last ran, so a job runs once per interval for the
 *   whole cluster (taken under a transaction-scoped advisory lock).
 */
import { type Kysely, sql } from "kysely";

const STATEMENTS = [
  "alter table keys add column rate_limits jsonb not null default '[]'",
  `update keys set rate_limits = jsonb_build_array(
     jsonb_build_object('name', 'default', 'limit', rate_limit->'limit', 'windowMs', rate_limit->'windowMs'))
   where rate_limit is not null`,
  "alter table keys drop column rate_limit",
  `create table cluster_nodes (
     id text primary key,
     started_at timestamptz not null,
     seen_at timestamptz not null
   )`,
  `create table cluster_jobs (
     name text primary key,
     last_run_at timestamptz not null
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table cluster_jobs`.execute(db);
  await sql`drop table cluster_nodes`.execute(db);
  await sql`alter table keys add column rate_limit jsonb`.execute(db);
  await sql`update keys set rate_limit = jsonb_build_object('limit', rate_limits->0->'limit', 'windowMs', rate_limits->0->'windowMs')
            where jsonb_array_length(rate_limits) > 0`.execute(db);
  await sql`alter table keys drop column rate_limits`.execute(db);
}
