/**
 * The Redis connections of a node (ioredis): one for commands (the rate limit script) and one
 * for pub/sub (invalidation), both reconnecting by themselves with a capped backoff.
 *
 * Commands fail fast instead of queueing while Redis is unreachable (no offline queue, no retry,
 * a short timeout): a verification must never wait for a dead Redis, it falls back instead
 * (cluster/redis-rate-limiter.ts).
 */
import { Redis, type RedisOptions } from "ioredis";

/** Longest a verification waits for a Redis answer before it falls back. */
export const REDIS_COMMAND_TIMEOUT_MS = 250;

const reconnect: RedisOptions["retryStrategy"] = (attempt) => Math.min(50 * 2 ** attempt, 2_000);

/** A client for commands: fails at once while disconnected, reconnects in the background. */
export function redisCommandClient(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 2_000,
    retryStrategy: reconnect,
    lazyConnect: false,
  });
}

/**
 * A client for SUBSCRIBE. It does not resubscribe by itself: its owner subscribes on every `ready`
 * and so knows when it listens again (cluster/redis-channel.ts).
 */
export function redisSubscriberClient(url: string, options: { lazyConnect?: boolean } = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: true,
    maxRetriesPerRequest: null,
    connectTimeout: 2_000,
    retryStrategy: reconnect,
    autoResubscribe: false,
    lazyConnect: options.lazyConnect ?? false,
  });
}
