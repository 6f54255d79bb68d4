/**
 * Builds the long-lived parts of verification from the service's context pieces: the workspaces'
 * states, their foreign key formats and the cache (all subscribed to invalidation), the rate
 * limiter, the usage buffer and the verifier over them.
 */
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import { writeUsageBatch } from "../domain/usage/write-usage.js";
import type { Metrics } from "../observability/metrics.js";
import type { Database } from "../store/schema.js";
import { ForeignFormats } from "./foreign-formats.js";
import type { Invalidation } from "./invalidation.js";
import { MemoryRateLimiter } from "./memory-rate-limiter.js";
import type { RateLimiter } from "./rate-limiter.js";
import { storeRecordLoader } from "./record-loader.js";
import { UsageBuffer } from "./usage-buffer.js";
import { VerificationCache, type VerificationCacheOptions } from "./verification-cache.js";
import { Verifier } from "./verifier.js";
import { WorkspaceStates } from "./workspace-states.js";

export interface VerificationOptions {
  db: Kysely<Database>;
  clock: Clock;
  metrics: Metrics;
  logger: Logger;
  invalidation: Invalidation;
  /** Defaults to a {@link MemoryRateLimiter}. */
  rateLimiter?: RateLimiter | undefined;
  cache?: VerificationCacheOptions | undefined;
  /** How often usage is written (default 1000 ms). */
  usageFlushIntervalMs?: number | undefined;
}

export interface Verification {
  verifier: Verifier;
  rateLimiter: RateLimiter;
  usage: UsageBuffer;
  /** Every workspace's foreign key formats; {@link ForeignFormats.load} reads them at start. */
  foreignFormats: ForeignFormats;
}

export function createVerification(options: VerificationOptions): Verification {
  const { db, clock, metrics } = options;
  const workspaces = new WorkspaceStates();
  const foreignFormats = new ForeignFormats();
  options.invalidation.subscribe((message) => {
    if (message.kind === "workspace") workspaces.apply(message.workspace);
    if (message.kind === "foreign_formats") foreignFormats.apply(message.workspaceId, message.formats);
    if (message.kind === "channel" && message.live) void foreignFormats.loadInBackground(db, options.logger);
  });
  const verificationCache = new VerificationCache(
    storeRecordLoader(db, workspaces),
    options.invalidation,
    clock,
    options.cache,
  );
  const rateLimiter = options.rateLimiter ?? new MemoryRateLimiter({ now: () => clock.nowMs() });
  const usage = new UsageBuffer({
    write: (batch) => writeUsageBatch(db, batch),
    now: () => clock.nowMs(),
    metrics,
    logger: options.logger,
    flushIntervalMs: options.usageFlushIntervalMs,
  });
  const verifier = new Verifier({
    db,
    cache: verificationCache,
    rateLimiter,
    usage,
    clock,
    metrics,
    foreignFormats,
  });
  return { verifier, rateLimiter, usage, foreignFormats };
}
