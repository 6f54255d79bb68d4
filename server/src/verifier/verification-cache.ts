/**
 * The verifier's cache: secret hash -> verification record, a {@link FencedCache} (bounded LRU,
 * negative entries in an LRU of their own, shared reads in flight, generation fence) subscribed to
 * key invalidations.
 *
 * Freshness: every key change publishes the key's secret hashes on {@link Invalidation}; this cache
 * drops them (positive and negative entries, and reads in flight) before the change's call returns.
 * A read that overlapped an invalidation answers its caller but is not cached. The TTL is only a
 * safety net.
 */
import type { Clock } from "../clock.js";
import { FencedCache } from "./fenced-cache.js";
import type { Invalidation } from "./invalidation.js";
import type { RecordLoader } from "./record-loader.js";
import type { VerificationRecord } from "./verification-record.js";

export { MISSING } from "./fenced-cache.js";

export interface VerificationCacheOptions {
  /** Most cached keys (default 100,000). */
  maxEntries?: number;
  /** Safety-net lifetime of a cached record (default 60 s). */
  ttlMs?: number;
  /** Most remembered unknown hashes (default 10,000). */
  maxMissingEntries?: number;
  /** Lifetime of a negative entry (default 5 s). */
  missingTtlMs?: number;
}

export class VerificationCache extends FencedCache<VerificationRecord> {
  constructor(
    loader: RecordLoader,
    invalidation: Invalidation,
    clock: Clock,
    options: VerificationCacheOptions = {},
  ) {
    super(loader, {
      maxEntries: options.maxEntries ?? 100_000,
      ttlMs: options.ttlMs ?? 60_000,
      maxMissingEntries: options.maxMissingEntries ?? 10_000,
      missingTtlMs: options.missingTtlMs ?? 5_000,
      now: () => clock.nowMs(),
    });
    invalidation.subscribe((message) => {
      if (message.kind === "key") this.invalidate(message.hashes);
      else if (message.kind === "channel") this.reset(message.live);
    });
  }
}
