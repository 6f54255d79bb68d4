/**
 * Writes one batch of buffered verification usage: hourly and daily rollups per key and outcome
 * (added to what is there) and each key's usage count, last use time and address, in one
 * transaction, so a batch lands whole or not at all and a retry never counts twice. Keys deleted
 * from the store meanwhile are skipped.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../store/schema.js";

export type UsageGranularity = "hour" | "day";

export interface UsageRollupRow {
  keyId: string;
  workspaceId: string;
  granularity: UsageGranularity;
  /** Start of the UTC hour or day. */
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
  rollups: UsageRollupRow[];
  keys: KeyUseRow[];
}

/** Writes the batch in one transaction. Rollup rows must be distinct by key, granularity, bucket, outcome. */
export async function writeUsageBatch(db: Kysely<Database>, batch: UsageBatch): Promise<void> {
  if (batch.rollups.length === 0 && batch.keys.length === 0) return;
  // Sorted by key so concurrent writers (several nodes) lock rows in one order.
  const rollups = [...batch.rollups].sort((a, b) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0));
  const keys = [...batch.keys].sort((a, b) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0));
  await db.transaction().execute(async (trx) => {
    if (rollups.length > 0) {
      await sql`
        insert into key_usage (key_id, workspace_id, granularity, bucket, outcome, count)
        select u.key_id, u.workspace_id, u.granularity, u.bucket, u.outcome, u.count
        from unnest(
          ${rollups.map((r) => r.keyId)}::text[],
          ${rollups.map((r) => r.workspaceId)}::text[],
          ${rollups.map((r) => r.granularity)}::text[],
          ${rollups.map((r) => r.bucket.toISOString())}::timestamptz[],
          ${rollups.map((r) => r.outcome)}::text[],
          ${rollups.map((r) => r.count)}::bigint[]
        ) as u(key_id, workspace_id, granularity, bucket, outcome, count)
        where exists (select 1 from keys k where k.id = u.key_id)
        order by u.key_id
        on conflict (key_id, granularity, bucket, outcome)
        do update set count = key_usage.count + excluded.count`.execute(trx);
    }
    if (keys.length > 0) {
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
  });
}
