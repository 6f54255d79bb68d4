/**
 * Rate limits, behind an interface keyed by a string: a key's own limit by its id (`key_…`), an
 * identity's limit by `identity:<identityId>:<name>` (one limit across all of the identity's
 * keys). {@link MemoryRateLimiter} for one node; cluster mode adds a Redis implementation (an
 * atomic script) so every node enforces one limit.
 *
 * Every verification that reaches the rate limit step counts as one request, whatever its `cost`
 * (cost spends quota).
 */
import type { RateLimitConfig } from "./verification-record.js";

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  /** Requests still allowed now, after this one. */
  remaining: number;
  /**
   * Allowed: when the current window ends. Refused: the earliest time a request will be allowed
   * again (milliseconds since the epoch).
   */
  resetAtMs: number;
}

export interface RateLimiter {
  /**
   * Counts one request against the limit kept under `limiterKey` and says whether it may pass. A
   * limiter may answer synchronously (in memory) or asynchronously (over the network).
   */
  limit(
    limiterKey: string,
    config: RateLimitConfig,
    nowMs: number,
  ): RateLimitDecision | Promise<RateLimitDecision>;
  /** Frees timers and connections. */
  close(): Promise<void>;
}
