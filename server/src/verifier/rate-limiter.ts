/**
 * Per-key rate limits, behind an interface: {@link MemoryRateLimiter} for one node; cluster mode
 * adds a Redis implementation (an atomic script) so every node enforces one limit.
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
   * Counts one request of this key against its limit and says whether it may pass. A limiter may
   * answer synchronously (in memory) or asynchronously (over the network).
   */
  limit(
    keyId: string,
    config: RateLimitConfig,
    nowMs: number,
  ): RateLimitDecision | Promise<RateLimitDecision>;
  /** Frees timers and connections. */
  close(): Promise<void>;
}
