/**
 * The verifier's cache: secret hash -> verification record, in a bounded LRU, plus a smaller LRU of
 * hashes no key answers to (negative entries, short TTL), so a flood of made-up keys cannot push
 * real keys out. Concurrent misses of one hash share one store read.
 *
 * Freshness: every key change publishes the key's secret hashes on {@link Invalidation}; this cache
 * drops them (positive and negative entries, and reads in flight) before the change's call returns.
 * A read that overlapped an invalidation answers its caller but is not cached. The TTL is only a
 * safety net.
 */
import { LRUCache } from "lru-cache";
import type { Clock } from "../clock.js";
import type { Invalidation } from "./invalidation.js";
import type { RecordLoader } from "./record-loader.js";
import type { VerificationRecord } from "./verification-record.js";

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

/** The answer of {@link VerificationCache.peek}: a record, known-missing, or not cached. */
export const MISSING = Symbol("missing");

export class VerificationCache {
  private readonly found: LRUCache<string, VerificationRecord>;
  private readonly missing: LRUCache<string, true>;
  private readonly loading = new Map<string, Promise<VerificationRecord | undefined>>();
  /** Bumped by every invalidation: a read that started before one must not be cached. */
  private generation = 0;

  constructor(
    private readonly loader: RecordLoader,
    invalidation: Invalidation,
    clock: Clock,
    options: VerificationCacheOptions = {},
  ) {
    const perf = { now: () => clock.nowMs() };
    this.found = new LRUCache({
      max: options.maxEntries ?? 100_000,
      ttl: options.ttlMs ?? 60_000,
      ttlResolution: 0,
      perf,
    });
    this.missing = new LRUCache({
      max: options.maxMissingEntries ?? 10_000,
      ttl: options.missingTtlMs ?? 5_000,
      ttlResolution: 0,
      perf,
    });
    invalidation.subscribe((message) => {
      if (message.kind === "key") this.invalidate(message.hashes);
    });
  }

  /** The cached answer for a hash with no I/O: a record, {@link MISSING}, or `undefined` (not cached). */
  peek(secretHash: string): VerificationRecord | typeof MISSING | undefined {
    const record = this.found.get(secretHash);
    if (record !== undefined) return record;
    return this.missing.get(secretHash) === true ? MISSING : undefined;
  }

  /** Reads the record from the store (sharing a read already in flight) and caches the answer. */
  load(secretHash: string): Promise<VerificationRecord | undefined> {
    const pending = this.loading.get(secretHash);
    if (pending) return pending;
    const generation = this.generation;
    const settle = () => {
      if (this.loading.get(secretHash) === promise) this.loading.delete(secretHash);
    };
    const promise = this.loader(secretHash).then(
      (record) => {
        settle();
        if (generation === this.generation) {
          if (record) this.found.set(secretHash, record);
          else this.missing.set(secretHash, true);
        }
        return record;
      },
      (error: unknown) => {
        settle();
        throw error;
      },
    );
    this.loading.set(secretHash, promise);
    return promise;
  }

  /** Drops every entry of these hashes, here. */
  invalidate(secretHashes: readonly string[]): void {
    this.generation += 1;
    for (const hash of secretHashes) {
      this.found.delete(hash);
      this.missing.delete(hash);
      this.loading.delete(hash);
    }
  }
}
