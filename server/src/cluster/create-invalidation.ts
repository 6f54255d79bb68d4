/**
 * Picks how changes reach the other nodes (`KEYGATE_INVALIDATION`): `auto` is Redis pub/sub when
 * REDIS_URL is set, else PostgreSQL LISTEN/NOTIFY when DATABASE_URL is set, else in process (the
 * embedded store serves one node).
 */
import type { Logger } from "pino";
import type { Config } from "../config/config.js";
import { ConfigError } from "../config/config.js";
import type { Metrics } from "../observability/metrics.js";
import type { Store } from "../store/database.js";
import { type Invalidation, LocalInvalidation } from "../verifier/invalidation.js";
import { ChannelInvalidation } from "./channel-invalidation.js";
import { PostgresChannel } from "./postgres-channel.js";
import { RedisChannel } from "./redis-channel.js";

export type InvalidationTransport = "local" | "postgres" | "redis";

export function invalidationTransport(config: Config): InvalidationTransport {
  if (config.invalidation === "auto") {
    if (config.redisUrl !== undefined) return "redis";
    return config.databaseUrl !== undefined ? "postgres" : "local";
  }
  if (config.invalidation === "redis" && config.redisUrl === undefined) {
    throw new ConfigError("invalid configuration: KEYGATE_INVALIDATION=redis needs REDIS_URL");
  }
  if (config.invalidation === "postgres" && config.databaseUrl === undefined) {
    throw new ConfigError("invalid configuration: KEYGATE_INVALIDATION=postgres needs DATABASE_URL");
  }
  return config.invalidation;
}

/** The node's invalidation; a {@link ChannelInvalidation} still needs `start()` once subscribed to. */
export function createInvalidation(
  config: Config,
  store: Store,
  metrics: Metrics,
  logger: Logger,
): Invalidation | ChannelInvalidation {
  const transport = invalidationTransport(config);
  if (transport === "local") return new LocalInvalidation();
  const channel =
    transport === "redis"
      ? new RedisChannel(config.redisUrl as string, config.redisPrefix)
      : new PostgresChannel(config.databaseUrl as string, store);
  return new ChannelInvalidation({ channel, nodeId: config.nodeId, metrics, logger });
}
