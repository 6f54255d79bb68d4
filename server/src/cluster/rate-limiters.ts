/**
 * Picks the node's rate limiter: in memory on a single node (no Redis), in Redis for a cluster,
 * falling back to memory (each limit divided by the live nodes) while Redis is unreachable
 * (redis-rate-limiter.ts).
 */
import type { Logger } from "pino";
import type { Metrics } from "../observability/metrics.js";
import { MemoryRateLimiter } from "../verifier/memory-rate-limiter.js";
import type { RateLimiter } from "../verifier/rate-limiter.js";
import { redisCommandClient } from "./redis-connection.js";
import { RedisRateLimiter } from "./redis-rate-limiter.js";

export interface RateLimiterChoice {
  /** Redis for the whole cluster; unset (or empty): this node's memory. */
  redisUrl?: string | undefined;
  /** Put before every Redis key (the counters are `<prefix>rl:<limiterKey>:<windowStart>`). */
  redisPrefix: string;
  /** The cluster's live nodes now (heartbeats); the fallback divides each limit by it. */
  liveNodes: () => number;
  metrics: Metrics;
  logger: Logger;
  /** The verifier's clock, for sweeping idle windows from memory. */
  now: () => number;
}

/**
 * A {@link MemoryRateLimiter} without `redisUrl`, otherwise a {@link RedisRateLimiter} over a
 * client of its own (which its `close()` quits).
 */
export function createRateLimiter(options: RateLimiterChoice): RateLimiter {
  if (!options.redisUrl) return new MemoryRateLimiter({ now: options.now });
  return new RedisRateLimiter({
    client: redisCommandClient(options.redisUrl),
    prefix: options.redisPrefix,
    liveNodes: options.liveNodes,
    metrics: options.metrics,
    logger: options.logger,
    now: options.now,
  });
}
