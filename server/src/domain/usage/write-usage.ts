/**
 * Writes one batch of buffered verification usage: hourly rollups per key and outcome (added to
 * what is there; a day is read as the sum of its hours) and each key's usage count, last use time
 * and address, in one transaction with the record that the batch (by its id) is applied. A batch
 * lands whole or not at all, and a batch written again (a retry after a commit whose answer was
 * lost) is skipped: it never counts twice. Keys deleted from the store meanwhile are skipped.
 */
import { type Kysely, sql, type Transaction } from "kysely";
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

export interface UsageBatch {
  /** Unique per batch and kept by its retries: the store applies each id once. */
  id: string;
  rollups: UsageRollupRow[];
  keys: KeyUseRow[];
}

/** Rows per statement: a large batch is written in statements of this size, each with few parameters. */
const ROWS_PER_STATEMENT = 500;

const byKeyId = (a: { keyId: string }, b: { keyId: string }) =>
  a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) out.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/** How long the ids of applied batches are kept: far longer than any retry takes. */
const APPLIED_BATCHES_KEPT = "1 hour";

/**
 * Writes the batch in one transaction, once per batch id; resolves `false` when that batch was
 * already applied. Rollup rows must be distinct by key, bucket and outcome.
 */
export async function writeUsageBatch(db: Kysely<Database>, batch: UsageBatch): Promise<boolean> {
  if (batch.rollups.length === 0 && batch.keys.length === 0) return true;
  // Sorted by key so concurrent writers (several nodes) lock rows in one order.
  const rollups = [...batch.rollups].sort(byKeyId);
  const keys = [...batch.keys].sort(byKeyId);
  return db.transaction().execute(async (trx) => {
    const marked = await sql`
      insert into usage_batches (id, applied_at) values (${batch.id}, now())
      on conflict (id) do nothing returning id`.execute(trx);
    if (marked.rows.length === 0) return false;
    for (const rows of chunks(rollups)) await insertRollups(trx, rows);
    for (const rows of chunks(keys)) await updateKeyUses(trx, rows);
    await sql`
      delete from usage_batches
      where applied_at < now() - ${APPLIED_BATCHES_KEPT}::interval`.execute(trx);
    return true;
  });
}

async function insertRollups(trx: Transaction<Database>, rollups: UsageRollupRow[]): Promise<void> {
  await sql`
    insert into key_usage (key_id, workspace_id, bucket, outcome, count)
    select u.key_id, u.workspace_id, u.bucket, u.outcome, u.count
    from unnest(
      ${rollups.map((r) => r.keyId)}::text[],
      ${rollups.map((r) => r.workspaceId)}::text[],
      ${rollups.map((r) => r.bucket.toISOString())}::timestamptz[],
      ${rollups.map((r) => r.outcome)}::text[],
      ${rollups.map((r) => r.count)}::bigint[]
    ) as u(key_id, workspace_id, bucket, outcome, count)
    where exists (select 1 from keys k where k.id = u.key_id)
    order by u.key_id
    on conflict (key_id, bucket, outcome)
    do update set count = key_usage.count + excluded.count`.execute(trx);
}

async function updateKeyUses(trx: Transaction<Database>, keys: KeyUseRow[]): Promise<void> {
  await sql`
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
    where k.id = u.id`.execute(trx);
}
