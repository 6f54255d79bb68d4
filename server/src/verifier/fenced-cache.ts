/**
 * A cache in front of a store read, kept fresh by invalidation: the one mechanism behind the
 * verifier's key cache and the root-key authenticator.
 *
 * - Found values live in a bounded LRU with a safety-net TTL; keys the store has no value for live
 *   in a smaller LRU of their own (negative entries, short TTL), so a flood of made-up keys cannot
 *   push real ones out.
 * - Concurrent misses of one key share one read.
 * - A generation fence: every invalidation moves the generation, and a read that started before
 *   it answers its caller but is never cached. Without the fence a read that overlapped a delete
 *   would cache the deleted value for a whole TTL.
 *
 * {@link FencedCache.peek} is the hot path: no I/O, no promise, no allocation.
 */
import { LRUCache } from "lru-cache";

/** The answer of {@link FencedCache.peek} for a key the store is known to have no value for. */
export const MISSING = Symbol("missing");

/** Reads the value of a key from the store; `undefined` when there is none. */
export type StoreRead<V> = (key: string) => Promise<V | undefined>;

export interface FencedCacheOptions {
  /** Most cached values. */
  maxEntries: number;
  /** Safety-net lifetime of a cached value. */
  ttlMs: number;
  /** Most remembered keys without a value. */
  maxMissingEntries: number;
  /** Lifetime of a negative entry. */
  missingTtlMs: number;
  /** Milliseconds now, for the lifetimes (a test's manual clock); `performance.now()` by default. */
  now?: (() => number) | undefined;
}

export class FencedCache<V extends object> {
  private readonly found: LRUCache<string, V>;
  private readonly missing: LRUCache<string, true>;
  private readonly loading = new Map<string, Promise<V | undefined>>();
  private fence = 0;
  private caching = true;

  constructor(
    private readonly read: StoreRead<V>,
    options: FencedCacheOptions,
  ) {
    const perf = options.now === undefined ? performance : { now: options.now };
    this.found = new LRUCache({ max: options.maxEntries, ttl: options.ttlMs, ttlResolution: 0, perf });
    this.missing = new LRUCache({
      max: options.maxMissingEntries,
      ttl: options.missingTtlMs,
      ttlResolution: 0,
      perf,
    });
  }

  /** Moves with every invalidation: whoever remembers a value outside the cache checks it again. */
  get generation(): number {
    return this.fence;
  }

  /** The cached answer with no I/O: a value, {@link MISSING}, or `undefined` (not cached). */
  peek(key: string): V | typeof MISSING | undefined {
    const value = this.found.get(key);
    if (value !== undefined) return value;
    return this.missing.get(key) === true ? MISSING : undefined;
  }

  /**
   * Reads the value from the store (sharing a read already in flight) and caches the answer,
   * unless an invalidation arrived while it was read. A failed read is not cached and rejects.
   */
  load(key: string): Promise<V | undefined> {
    const pending = this.loading.get(key);
    if (pending) return pending;
    const generation = this.fence;
    const settle = () => {
      if (this.loading.get(key) === promise) this.loading.delete(key);
    };
    const promise = this.read(key).then(
      (value) => {
        settle();
        if (generation === this.fence && this.caching) {
          if (value === undefined) this.missing.set(key, true);
          else this.found.set(key, value);
        }
        return value;
      },
      (error: unknown) => {
        settle();
        throw error;
      },
    );
    this.loading.set(key, promise);
    return promise;
  }

  /**
   * Drops every entry and moves the fence. `caching: false` from then on answers every load from
   * the store without keeping it (the node no longer hears changes made elsewhere); `true` keeps
   * answers again.
   */
  reset(caching: boolean): void {
    this.fence += 1;
    this.caching = caching;
    this.found.clear();
    this.missing.clear();
    this.loading.clear();
  }

  /** Drops every entry of these keys (found, missing, and reads in flight) and moves the fence. */
  invalidate(keys: readonly string[]): void {
    this.fence += 1;
    for (const key of keys) {
      this.found.delete(key);
      this.missing.delete(key);
      this.loading.delete(key);
    }
  }
}
