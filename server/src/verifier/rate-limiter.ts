/**
 * Rate limits, behind one interface: a verification checks every limit of its key
 * (`key:<keyId>:<name>`) and of the key's identity (`identity:<identityId>:<name>`, one limit
 * across all the identity's keys) in one step, all or nothing: when one refuses, none is spent.
 * {@link MemoryRateLimiter} for one node; cluster/redis-rate-limiter.ts runs the same step as one
 * atomic Redis script, so every node enforces one limit.
 *
 * The window slides: it is estimated from two fixed windows, weighting the previous one by how much
 * of it still overlaps the sliding window (the approach of Cloudflare's and Upstash's limiters):
 * constant memory per limit, smooth at window edges, within a request or so of an exact log. The
 * math lives here, once, for every implementation.
 *
 * A verification spends its `cost` (default 1) under every limit; cost 0 checks without spending.
 */

/** One limit a verification is checked against. */
export interface RateLimitCheck {
  /** Where the limit is counted: `key:<keyId>:<name>` or `identity:<identityId>:<name>`. */
  limiterKey: string;
  limit: number;
  windowMs: number;
}

/** What one limit said of a verification. */
export interface RateLimitDecision {
  /** Whether this limit had room for the verification's cost. */
  allowed: boolean;
  limit: number;
  /**
   * What this limit still allows now: after this verification's cost when the verification passed;
   * when it was refused (nothing spent), what is left (0 under a limit that refused).
   */
  remaining: number;
  /**
   * When the current window ends; under a limit that refused, the earliest time the same cost
   * fits again (milliseconds since the epoch).
   */
  resetAtMs: number;
}

/** The answer for all the limits of one verification. */
export interface RateLimitOutcome {
  /** True when every limit had room: then each was spent `cost`; false: none was. */
  allowed: boolean;
  /** One per check, in the checks' order. */
  decisions: readonly RateLimitDecision[];
  /**
   * The decision the answer's `ratelimit` shows: allowed, the one with the least left (the first
   * of equals); refused, of the limits that refused the one that frees last (the verification
   * passes no earlier). Undefined only for no checks.
   */
  tightest: RateLimitDecision | undefined;
}

export interface RateLimiter {
  /**
   * Checks `cost` against every limit at `nowMs` and spends it under all of them, or under none
   * when one refuses. A limiter may answer synchronously (in memory) or asynchronously (over the
   * network); it never rejects.
   */
  limitAll(
    checks: readonly RateLimitCheck[],
    cost: number,
    nowMs: number,
  ): RateLimitOutcome | Promise<RateLimitOutcome>;
  /** Frees timers and connections. */
  close(): Promise<void>;
}

/** The two fixed windows that one limit's sliding window is estimated from. */
export interface WindowCounts {
  /** Start of the current fixed window (a multiple of the limit's `windowMs`). */
  start: number;
  /** Spent in the current fixed window. */
  current: number;
  /** Spent in the fixed window just before it. */
  previous: number;
}

/** Floating-point slack when comparing the weighted estimate with the limit. */
export const EPSILON = 1e-9;

export const windowStartOf = (nowMs: number, windowMs: number): number => nowMs - (nowMs % windowMs);

/**
 * What the sliding window holds at `nowMs`: the current window's count plus the previous one's,
 * weighted by how much of it the sliding window still covers. (The Redis script computes the same
 * expression in the same order, so both agree to the bit.)
 */
export function estimateOf(counts: WindowCounts, windowMs: number, nowMs: number): number {
  return (counts.previous * (windowMs - (nowMs - counts.start))) / windowMs + counts.current;
}

/** Whether `cost` more fits under `limit` on top of `estimate`. */
export const fits = (estimate: number, cost: number, limit: number): boolean =>
  estimate + cost <= limit + EPSILON;

/**
 * The earliest time `cost` more fits under the limit, given counts under which it does not now.
 * A cost above the limit never fits; then it says when the window will be empty.
 */
export function freesAt(counts: WindowCounts, windowMs: number, limit: number, cost: number): number {
  const { start, current, previous } = counts;
  if (current + cost <= limit && previous > 0) {
    // Later in this window, once enough of the previous window has slid out:
    // previous * (windowMs - elapsed) / windowMs + current + cost <= limit.
    return start + windowMs - Math.floor(((limit - current - cost) * windowMs) / previous);
  }
  // In the next window, once enough of this window's requests have slid out:
  // current * (windowMs - elapsed) / windowMs + cost <= limit.
  if (current === 0) return start + windowMs;
  const covered = Math.floor(((limit - cost) * windowMs) / current);
  return start + 2 * windowMs - Math.max(0, Math.min(windowMs, covered));
}

/**
 * One limit's decision from its counts before this verification (`estimate` is
 * {@link estimateOf} them): `passed` says whether the whole verification passed (then its cost
 * was spent here), `allowed` whether this limit had room.
 */
export function decisionOf(
  check: RateLimitCheck,
  counts: WindowCounts,
  estimate: number,
  cost: number,
  allowed: boolean,
  passed: boolean,
): RateLimitDecision {
  const { limit, windowMs } = check;
  if (!allowed) return { allowed, limit, remaining: 0, resetAtMs: freesAt(counts, windowMs, limit, cost) };
  const left = passed ? limit - estimate - cost : limit - estimate;
  return {
    allowed,
    limit,
    remaining: Math.max(0, Math.floor(left + EPSILON)),
    resetAtMs: counts.start + windowMs,
  };
}

/** The outcome's {@link RateLimitOutcome.tightest} decision. */
export function tightestOf(
  decisions: readonly RateLimitDecision[],
  allowed: boolean,
): RateLimitDecision | undefined {
  let tightest: RateLimitDecision | undefined;
  for (const decision of decisions) {
    if (allowed) {
      if (tightest === undefined || decision.remaining < tightest.remaining) tightest = decision;
    } else if (!decision.allowed && (tightest === undefined || decision.resetAtMs > tightest.resetAtMs)) {
      tightest = decision;
    }
  }
  return tightest;
}

/** The outcome of no checks at all. */
export const NO_LIMITS: RateLimitOutcome = { allowed: true, decisions: [], tightest: undefined };
