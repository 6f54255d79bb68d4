/**
 * Quota spending: one atomic statement in the store that refills the quota when its interval has
 * passed and otherwise takes `cost` only if that much is left, so N verifications racing on a quota
 * of 10 get exactly 10 through and the count never goes below zero. The only store write a
 * verification makes, and only for keys with a quota.
 */
import { type Kysely, sql } from "kysely";
import type { Database } from "../store/schema.js";

export interface QuotaDecision {
  allowed: boolean;
  /** What is left after this verification; null when the key turned out to have no quota. */
  remaining: number | null;
}

/** `quota_refilled_at + interval <= now`: the refill is due (the key's creation counts as a refill). */
const refillDue = (now: Date) => sql<boolean>`(
  quota_refill is not null
  and coalesce(quota_refilled_at, created_at) + ('1 ' || (quota_refill->>'interval'))::interval
      <= ${now}::timestamptz
)`;
const refillAmount = sql<number>`(quota_refill->>'amount')::bigint`;

/** Spends `cost` units of the key's quota at `now`, refilling first when due. */
export async function spendQuota(
  db: Kysely<Database>,
  keyId: string,
  cost: number,
  now: Date,
): Promise<QuotaDecision> {
  const due = refillDue(now);
  const spent = await sql<{ quota_remaining: number }>`
    update keys set
      quota_remaining = case when ${due} then ${refillAmount} - ${cost} else quota_remaining - ${cost} end,
      quota_refilled_at = case when ${due} then ${now}::timestamptz else quota_refilled_at end
    where id = ${keyId}
      and quota_remaining is not null
      and (case when ${due} then ${refillAmount} >= ${cost} else quota_remaining >= ${cost} end)
    returning quota_remaining`.execute(db);
  const row = spent.rows[0];
  if (row) return { allowed: true, remaining: Number(row.quota_remaining) };
  const current = await db
    .selectFrom("keys")
    .select("quota_remaining")
    .where("id", "=", keyId)
    .executeTakeFirst();
  if (!current) return { allowed: false, remaining: 0 };
  // A quota removed since the record was cached: nothing to spend (its invalidation is on its way).
  if (current.quota_remaining === null) return { allowed: true, remaining: null };
  return { allowed: false, remaining: current.quota_remaining };
}
