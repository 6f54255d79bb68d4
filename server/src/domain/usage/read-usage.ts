/**
 * Reads a key's verification usage: its hourly rollups, or their sums per UTC day, over a range,
 * one entry per bucket (empty buckets included) with the count of every outcome and their total.
 * Counts reach the store with the usage buffer's next flush (about a second).
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../../store/schema.js";
import { KEY_USAGE_CODES, type KeyUsageCode } from "../../verifier/outcomes.js";
import { BUCKET_MS, bucketStart, type UsageGranularity } from "./write-usage.js";

const MAX_USAGE_BUCKETS = 1000;

/** Buckets shown when no `from` is given: the last 24 hours, or the last 30 days. */
const DEFAULT_BUCKETS: Record<UsageGranularity, number> = { hour: 24, day: 30 };

export interface UsageBucket {
  bucket: string;
  counts: Record<KeyUsageCode, number>;
  total: number;
}

export interface KeyUsageReport {
  keyId: string;
  granularity: UsageGranularity;
  data: UsageBucket[];
}

export interface UsageRange {
  /** Start of the first bucket. */
  firstMs: number;
  /** Buckets start before this. */
  endMs: number;
  buckets: number;
}

/**
 * The buckets a request covers: from the bucket holding `from` up to (not including) `to`; by
 * default the last 24 hours or 30 days up to `now`. Answers a message instead when the range is
 * empty or holds more than {@link MAX_USAGE_BUCKETS} buckets.
 */
export function usageRange(
  granularity: UsageGranularity,
  from: Date | undefined,
  to: Date | undefined,
  now: Date,
): UsageRange | string {
  const step = BUCKET_MS[granularity];
  const endMs = (to ?? now).getTime();
  const firstMs =
    from !== undefined
      ? bucketStart(from.getTime(), granularity)
      : bucketStart(endMs - 1, granularity) - (DEFAULT_BUCKETS[granularity] - 1) * step;
  if (firstMs >= endMs) return "from must be before to";
  const buckets = Math.ceil((endMs - firstMs) / step);
  if (buckets > MAX_USAGE_BUCKETS) {
    return `the range holds ${buckets} ${granularity} buckets; at most ${MAX_USAGE_BUCKETS} may be asked for`;
  }
  return { firstMs, endMs, buckets };
}

const emptyCounts = (): Record<KeyUsageCode, number> =>
  Object.fromEntries(KEY_USAGE_CODES.map((code) => [code, 0])) as Record<KeyUsageCode, number>;

/** The usage of a key of this workspace, or `undefined` when there is no such (undeleted) key here. */
export async function readKeyUsage(
  db: Kysely<Database>,
  input: { workspaceId: string; keyId: string; granularity: UsageGranularity; range: UsageRange },
): Promise<KeyUsageReport | undefined> {
  const key = await db
    .selectFrom("keys")
    .select("id")
    .where("id", "=", input.keyId)
    .where("workspace_id", "=", input.workspaceId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!key) return undefined;
  const { firstMs, endMs, buckets } = input.range;
  // The store keeps hours; a day is the sum of its hours. The literal granularity keeps the select
  // and group-by expressions the same.
  const bucket = sql<Date>`date_trunc(${sql.lit(input.granularity)}, bucket, 'UTC')`;
  const rows = await db
    .selectFrom("key_usage")
    .select((eb) => [bucket.as("bucket"), "outcome", eb.fn.sum<number>("count").as("count")])
    .where("key_id", "=", input.keyId)
    .where("bucket", ">=", new Date(firstMs))
    .where("bucket", "<", new Date(endMs))
    .groupBy([bucket, "outcome"])
    .execute();
  const step = BUCKET_MS[input.granularity];
  const data: UsageBucket[] = [];
  for (let i = 0; i < buckets; i++) {
    data.push({ bucket: new Date(firstMs + i * step).toISOString(), counts: emptyCounts(), total: 0 });
  }
  for (const row of rows) {
    const entry = data[Math.round((row.bucket.getTime() - firstMs) / step)];
    if (entry === undefined || !(row.outcome in entry.counts)) continue;
    entry.counts[row.outcome as KeyUsageCode] += row.count;
    entry.total += row.count;
  }
  return { keyId: input.keyId, granularity: input.granularity, data };
}
