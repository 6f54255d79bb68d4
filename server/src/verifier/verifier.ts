/**
 * Key verification: judges a presented key in the order of DESIGN.md and answers a pre-serialised
 * body. A cache hit of a key without rate limit or quota is judged synchronously with one SHA-256,
 * one cache lookup, no parsing, no I/O and no allocation beyond the answer's wrapper; a key with
 * rate limits and no quota stays synchronous while the limiter answers synchronously (in memory).
 * Only a cache miss reads the store, only a quota writes to it, and only a Redis limiter waits.
 *
 *   parse + checksum (MALFORMED) -> hash -> cache/store (NOT_FOUND) -> WORKSPACE_SUSPENDED
 *   -> REVOKED -> DISABLED -> EXPIRED (key) -> EXPIRED (old secret past its grace) -> FORBIDDEN_IP
 *   -> INSUFFICIENT_SCOPE -> RATE_LIMITED (every limit of the key and of its identity, in one step:
 *   one refusing spends none) -> USAGE_EXCEEDED -> VALID
 *
 * A verification's `cost` (default 1) is spent under every rate limit and from the quota.
 *
 * A caller of reach `own` finds only its workspace's keys (another's is NOT_FOUND); a caller of
 * reach `any` (`keys:verify:any`) finds every workspace's and its VALID answers add `workspace`.
 *
 * A key that fails the format check is MALFORMED unless a foreign format (foreign-formats.ts) of
 * the caller's workspace (any workspace's for reach `any`) admits it; then it is hashed, cached
 * and looked up like a Keygate key.
 *
 * Every outcome of a found key is counted in the usage buffer; every outcome in the metrics.
 */
import type { Kysely } from "kysely";
import type { Clock } from "../clock.js";
import { hashSecret, parseKey } from "../domain/key-format.js";
import { storeUnavailable } from "../errors.js";
import type { Metrics } from "../observability/metrics.js";
import type { Database } from "../store/schema.js";
import type { ForeignFormats } from "./foreign-formats.js";
import { KnownKeys } from "./known-keys.js";
import type { KeyUsageCode } from "./outcomes.js";
import { spendQuota } from "./quota.js";
import type { RateLimiter, RateLimitOutcome } from "./rate-limiter.js";
import { withRecord } from "./record-answer.js";
import type { UsageBuffer } from "./usage-buffer.js";
import { MISSING, type VerificationCache } from "./verification-cache.js";
import type { RecordRateLimit, VerificationRecord } from "./verification-record.js";
import type { VerifyReach } from "./verify-reach.js";
import {
  anyWorkspaceValidBody,
  MALFORMED_RESULT,
  NOT_FOUND_RESULT,
  ownValidBody,
  rateLimitedBody,
  refusalBody,
  usageExceededBody,
  type VerifyResult,
  validBody,
} from "./verify-response.js";

/** What a platform presents: a token as `key`, or a pair as `sharedKey` + `secretKey`. */
export interface VerifyInput {
  key?: string | undefined;
  sharedKey?: string | undefined;
  secretKey?: string | undefined;
  /** Scopes the key must all hold. */
  scopes?: readonly string[] | undefined;
  /** What this verification spends under each rate limit and from the quota (default 1; 0 checks only). */
  cost?: number | undefined;
  /** The end client's address, for the IP allowlist. */
  ip?: string | undefined;
  /** Whether the answer adds the key's `record` ({@link Verifier.verifyWithRecord}). */
  record?: boolean | undefined;
}

export interface VerifierOptions {
  db: Kysely<Database>;
  cache: VerificationCache;
  rateLimiter: RateLimiter;
  usage: UsageBuffer;
  clock: Clock;
  metrics: Metrics;
  /** Formats of keys issued elsewhere that are looked up instead of answered MALFORMED. */
  foreignFormats: ForeignFormats;
}

export class Verifier {
  /** The keys whose records this verifier answered (`record: true`), for usage reports' reach. */
  readonly knownKeys = new KnownKeys();

  constructor(private readonly options: VerifierOptions) {}

  /**
   * Judges a presented key for a caller of this workspace and reach. Answers synchronously when
   * the cache holds the record, the key has no quota and its rate limits (if any) are answered
   * synchronously (in memory); otherwise a promise. With reach `own`, a key of another workspace
   * is NOT_FOUND.
   */
  verify(workspaceId: string, reach: VerifyReach, input: VerifyInput): VerifyResult | Promise<VerifyResult> {
    const secret = input.key ?? input.secretKey;
    if (secret === undefined) return this.count(MALFORMED_RESULT);
    const sharedKey = input.key === undefined ? input.sharedKey : undefined;
    const hash = hashSecret(secret);
    const cached = this.options.cache.peek(hash);
    // A cached record proves the secret well formed (only the real key has its hash), so the
    // common case skips parsing. Everything else is parsed first: MALFORMED never reads the store.
    if (typeof cached === "object" && (sharedKey === undefined || sharedKey === cached.sharedKey)) {
      this.options.metrics.cacheCounts.hits += 1;
      return this.judge(cached, workspaceId, reach, sharedKey, input);
    }
    if (
      (parseKey(secret) === undefined &&
        (sharedKey !== undefined || !this.options.foreignFormats.admits(secret, workspaceId, reach))) ||
      (sharedKey !== undefined && parseKey(sharedKey) === undefined)
    ) {
      return this.count(MALFORMED_RESULT);
    }
    if (cached !== undefined) {
      this.options.metrics.cacheCounts.hits += 1;
      return this.judge(cached === MISSING ? undefined : cached, workspaceId, reach, sharedKey, input);
    }
    this.options.metrics.cacheCounts.misses += 1;
    return this.options.cache.load(hash).then(
      (record) => this.judge(record, workspaceId, reach, sharedKey, input),
      () => {
        throw storeUnavailable();
      },
    );
  }

  /**
   * Judges as {@link verify} does (the same outcome, counted the same way) and, when the key was
   * found, adds its `record` (record-answer.ts) for an SDK to judge it locally from then on. The
   * record is read back from the cache the verification has just filled (a store read only if it
   * was dropped meanwhile), so {@link verify} itself carries nothing for it.
   */
  async verifyWithRecord(workspaceId: string, reach: VerifyReach, input: VerifyInput): Promise<VerifyResult> {
    const result = await this.verify(workspaceId, reach, input);
    const secret = input.key ?? input.secretKey;
    if (result.code === "MALFORMED" || result.code === "NOT_FOUND" || secret === undefined) return result;
    const hash = hashSecret(secret);
    const cached = this.options.cache.peek(hash);
    const record =
      typeof cached === "object"
        ? cached
        : await this.options.cache.load(hash).catch(() => {
            throw storeUnavailable();
          });
    // Deleted between the verification and this read: the answer stands, without a record.
    if (record === undefined) return result;
    this.knownKeys.remember(record.keyId, record.workspace.id);
    return { code: result.code, body: withRecord(result.body, record, reach) };
  }

  private judge(
    record: VerificationRecord | undefined,
    workspaceId: string,
    reach: VerifyReach,
    sharedKey: string | undefined,
    input: VerifyInput,
  ): VerifyResult | Promise<VerifyResult> {
    if (
      record === undefined ||
      (reach === "own" && record.workspace.id !== workspaceId) ||
      (sharedKey === undefined ? record.kind !== "token" : record.sharedKey !== sharedKey)
    ) {
      return this.count(NOT_FOUND_RESULT);
    }
    const now = this.options.clock.nowMs();
    if (record.workspace.suspended) return this.refuse(record, "WORKSPACE_SUSPENDED", now, input);
    if (record.revoked) return this.refuse(record, "REVOKED", now, input);
    if (!record.enabled) return this.refuse(record, "DISABLED", now, input);
    if (record.expiresAtMs !== null && record.expiresAtMs <= now)
      return this.refuse(record, "EXPIRED", now, input);
    if (record.secretExpiresAtMs !== null && record.secretExpiresAtMs <= now)
      return this.refuse(record, "EXPIRED", now, input);
    if (record.ipAllowlist !== null && (input.ip === undefined || !record.ipAllowlist.allows(input.ip)))
      return this.refuse(record, "FORBIDDEN_IP", now, input);
    if (input.scopes !== undefined && input.scopes.length > 0 && !record.scopes.holdsAll(input.scopes))
      return this.refuse(record, "INSUFFICIENT_SCOPE", now, input);
    const limits = record.rateLimits;
    if (limits === null) {
      if (record.hasQuota) return this.spendQuota(record, reach, null, undefined, now, input);
      const body = reach === "any" ? anyWorkspaceValidBody(record) : ownValidBody(record);
      return this.settle(record, "VALID", body, now, input);
    }
    const outcome = this.options.rateLimiter.limitAll(limits, input.cost ?? 1, now);
    if (outcome instanceof Promise) {
      return outcome.then((answered) => this.afterLimits(record, reach, limits, answered, now, input));
    }
    return this.afterLimits(record, reach, limits, outcome, now, input);
  }

  /**
   * After the rate limits (all of them at once: a refused request spent none): the quota, if the
   * key has one. A VALID answer's `ratelimit` is the limit with the fewest requests left.
   */
  private afterLimits(
    record: VerificationRecord,
    reach: VerifyReach,
    limits: readonly RecordRateLimit[],
    outcome: RateLimitOutcome,
    now: number,
    input: VerifyInput,
  ): VerifyResult | Promise<VerifyResult> {
    if (!outcome.allowed) {
      return this.settle(record, "RATE_LIMITED", rateLimitedBody(record.keyId, limits, outcome), now, input);
    }
    if (record.hasQuota) return this.spendQuota(record, reach, limits, outcome, now, input);
    const body = validBody(record, limits, outcome, null, reach === "any");
    return this.settle(record, "VALID", body, now, input);
  }

  /** Spends `cost` from the key's quota in the store (after its rate limits passed). */
  private async spendQuota(
    record: VerificationRecord,
    reach: VerifyReach,
    limits: readonly RecordRateLimit[] | null,
    outcome: RateLimitOutcome | undefined,
    now: number,
    input: VerifyInput,
  ): Promise<VerifyResult> {
    const decision = await spendQuota(this.options.db, record.keyId, input.cost ?? 1, new Date(now)).catch(
      () => {
        throw storeUnavailable();
      },
    );
    if (!decision.allowed) {
      const body = usageExceededBody(record.keyId, decision.remaining ?? 0);
      return this.settle(record, "USAGE_EXCEEDED", body, now, input);
    }
    const body = validBody(record, limits, outcome, decision.remaining, reach === "any");
    return this.settle(record, "VALID", body, now, input);
  }

  private refuse(
    record: VerificationRecord,
    code: KeyUsageCode,
    now: number,
    input: VerifyInput,
  ): VerifyResult {
    return this.settle(record, code, refusalBody(code, record.keyId), now, input);
  }

  /** Counts the outcome of a found key in its usage and the metrics. */
  private settle(
    record: VerificationRecord,
    code: KeyUsageCode,
    body: string,
    now: number,
    input: VerifyInput,
  ): VerifyResult {
    this.options.usage.record(record.keyId, record.workspace.id, code, now, input.ip);
    return this.count({ code, body });
  }

  private count(result: VerifyResult): VerifyResult {
    this.options.metrics.verificationCounts[result.code] += 1;
    return result;
  }
}
