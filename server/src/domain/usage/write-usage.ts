/**
 * Writes one batch of buffered verification usage: hourly rollups per key and outcome (added to
 * what is there; a day is read as the sum of its hours) and each key's usage count, last use time
 * and address, in one transaction with the record that the batch (by its id) is applied. A batch
 * lands whole or not at all, and a batch written again (a retry after a commit whose answer was
 * lost) is skipped: it never counts twice. Keys deleted from the store meanwhile are skipped.
 *
 * Each workspace of the batch also gets its `last_verified_at` (the latest verification of any of
 * its keys, whatever the outcome), to the minute: a statement of its own after the batch, moving it
 * only forward and only when it is a minute or more behind, so a busy workspace's row is written
 * once a minute, not once a flush (PGlite has no autovacuum to clear the dead rows), and the
 * statement never holds a key's lock while it waits for a workspace's (no lock-order deadlock
 * with a key change, whose triggers lock its workspace after the key). The usage buffer puts a
 * workspace in a batch only when it has not written it for a minute, so most batches skip it.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../store/schema.js";

export type UsageGranularity = "hour" | "day";

/** The length of a bucket: rollups count per UTC hour and per UTC day. */
export const BUCKET_MS: Readonly<Record<UsageGranularity, number>> = { hour: 3_600_000, day: 86_400_000 };

/** Start of the UTC hour or day holding this time. */
export const bucketStart = (ms: number, granularity: UsageGranularity) => ms - (ms % BUCKET_MS[granularity]);

export interface UsageRollupRow {
  keyId: string;
  workspaceId: string;
  /** Start of the UTC hour. */
  bucket: Date;
  outcome: string;
  count: number;
}

export interface KeyUseRow {
  keyId: string;
  /** VALID verifications since the last batch. */
  uses: number;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
}

export interface WorkspaceVerifiedRow {
  workspaceId: string;
  /** The latest verification of any of the workspace's keys in the batch. */
  lastVerifiedAt: Date;
}

/** A key some of whose verifications its rate limits refused in the batch. */
export interface RateLimitedRow {
  keyId: string;
  /** The key's latest verification in the batch. */
  at: Date;
  /** How many were refused. */
  refused: number;
}

/** How often a key's `key.rate_limited` event may fire at most. */
export const RATE_LIMITED_NOTICE_MS = 3_600_000;

export interface UsageBatch {
  /** Unique per batch and kept by its retries: the store applies each id once. */
  id: string;
  rollups: UsageRollupRow[];
  keys: KeyUseRow[];
  /** One row per workspace of the batch (absent: none). */
  workspaces?: WorkspaceVerifiedRow[];
  /** Keys refused by a rate limit (absent: none): each fires `key.rate_limited` at most once an hour. */
  rateLimited?: RateLimitedRow[];
}

/** How far behind a workspace's last verification may be before the flush writes it again. */
export const LAST_VERIFIED_RESOLUTION_MS = 60_000;

/* The ids of applied batches are kept for an hour, far longer than any retry takes, then deleted
   once for the whole cluster (cluster/cluster-jobs.ts). */

const byKeyId = (a: { keyId: string }, b: { keyId: string }) =>
  a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0;

/**
 * Writes the batch once per batch id, in one statement (its own transaction, one round trip):
 * marks the id applied, adds the rollups and the keys' uses only if that mark is new, and forgets
 * ids older than an hour. Resolves `false` when the batch was already applied. Rollup rows must be
 * distinct by key, bucket and outcome.
 */
export async function writeUsageBatch(db: Kysely<Database>, batch: UsageBatch): Promise<boolean> {
  const applied = await writeCounts(db, batch);
  if (batch.workspaces !== undefined && batch.workspaces.length > 0) {
    await writeLastVerified(db, batch.workspaces);
  }
  return applied;
}

/**
 * Moves each workspace's `last_verified_at` forward, when it is a minute or more behind (the
 * statement is idempotent, so a retried batch may run it again).
 */
async function writeLastVerified(db: Kysely<Database>, rows: readonly WorkspaceVerifiedRow[]): Promise<void> {
  // Sorted so that concurrent flushes (several nodes) lock workspace rows in one order.
  const sorted = [...rows].sort((a, b) =>
    a.workspaceId < b.workspaceId ? -1 : a.workspaceId > b.workspaceId ? 1 : 0,
  );
  await sql`
    update workspaces as w set last_verified_at = u.at
    from unnest(
      ${sorted.map((row) => row.workspaceId)}::text[],
      ${sorted.map((row) => row.lastVerifiedAt.toISOString())}::timestamptz[]
    ) as u(id, at)
    where w.id = u.id
      and (w.last_verified_at is null
        or w.last_verified_at <= u.at - ${LAST_VERIFIED_RESOLUTION_MS} * interval '1 millisecond')`.execute(
    db,
  );
}

async function writeCounts(db: Kysely<Database>, batch: UsageBatch): Promise<boolean> {
  if (batch.rollups.length === 0 && batch.keys.length === 0) return true;
  // Sorted by key so concurrent writers (several nodes) lock rows in one order.
  const rollups = [...batch.rollups].sort(byKeyId);
  const keys = [...batch.keys].sort(byKeyId);
  const limited = [...(batch.rateLimited ?? [])].sort(byKeyId);
  const result = await sql<{ applied: number }>`
    with marked as (
      insert into usage_batches (id, applied_at) values (${batch.id}, now())
      on conflict (id) do nothing returning id
    ),
    rollups as (
      insert into key_usage (key_id, workspace_id, bucket, outcome, count)
      select u.key_id, u.workspace_id, u.bucket, u.outcome, u.count
      from unnest(
        ${rollups.map((r) => r.keyId)}::text[],
        ${rollups.map((r) => r.workspaceId)}::text[],
        ${rollups.map((r) => r.bucket.toISOString())}::timestamptz[],
        ${rollups.map((r) => r.outcome)}::text[],
        ${rollups.map((r) => r.count)}::bigint[]
      ) as u(key_id, workspace_id, bucket, outcome, count)
      where exists (select 1 from marked) and exists (select 1 from keys k where k.id = u.key_id)
      order by u.key_id
      on conflict (key_id, bucket, outcome)
      do update set count = key_usage.count + excluded.count
    ),
    uses as (
      update keys as k set
        usage_count = k.usage_count + u.uses,
        last_used_at = greatest(k.last_used_at, u.last_used_at),
        last_used_ip = case
          when u.last_used_at is not null and (k.last_used_at is null or u.last_used_at >= k.last_used_at)
          then coalesce(u.last_used_ip, k.last_used_ip)
          else k.last_used_ip
        end
      from unnest(
        ${keys.map((k) => k.keyId)}::text[],
        ${keys.map((k) => k.uses)}::bigint[],
        ${keys.map((k) => k.lastUsedAt?.toISOString() ?? null)}::timestamptz[],
        ${keys.map((k) => k.lastUsedIp)}::text[]
      ) as u(id, uses, last_used_at, last_used_ip)
      where k.id = u.id and exists (select 1 from marked)
    ),
    -- One notice per key and hour, whichever node flushes: the row's time moves only when an hour old.
    limited as (
      insert into key_notices (key_id, kind, sent_at)
      select u.key_id, 'rate_limited', u.at
      from unnest(
        ${limited.map((r) => r.keyId)}::text[],
        ${limited.map((r) => r.at.toISOString())}::timestamptz[]
      ) as u(key_id, at)
      where exists (select 1 from marked) and exists (select 1 from keys k where k.id = u.key_id)
      order by u.key_id
      on conflict (key_id, kind) do update set sent_at = excluded.sent_at
        where key_notices.sent_at <= excluded.sent_at - ${RATE_LIMITED_NOTICE_MS} * interval '1 millisecond'
      returning key_id, sent_at
    ),
    fired as (
      select keygate_webhook_event('key.rate_limited', l.key_id, l.sent_at, jsonb_build_object('refused', u.refused))
      from limited l
      join unnest(${limited.map((r) => r.keyId)}::text[], ${limited.map((r) => r.refused)}::bigint[])
        as u(key_id, refused) on u.key_id = l.key_id
    )
    select (select count(*)::int from marked) as applied, (select count(*)::int from fired) as fired`.execute(
    db,
  );
  return (result.rows[0]?.applied ?? 0) === 1;
}
