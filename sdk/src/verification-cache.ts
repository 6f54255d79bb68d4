/**
 * The local verification cache: Keygate's record of each key (asked for with `record: true` on a
 * miss), held by the key's SHA-256 in a bounded LRU, judged per request as Keygate would (state,
 * expiry, IP allowlist, scopes). Limited keys (rate limit, quota) and requests the record cannot
 * answer go to Keygate every time; NOT_FOUND is never cached.
 *
 * It stays right through the invalidation stream: an event for a key or workspace drops its
 * entries, `ready.resumed:false` drops everything, and a miss that was in flight when such an
 * event arrived is not stored (a generation fence). While the stream is down, entries older than
 * `fallbackTtlMs` count as misses; entries never outlive `ttlMs`. Locally answered verifications
 * are counted and reported to Keygate (usage-reporter.ts).
 */
import type { CacheStatus, ResolvedCacheOptions } from "./client-options.js";
import type { CallOptions, HttpTransport } from "./http.js";
import { INVALIDATIONS_PATH, InvalidationStream } from "./invalidation-stream.js";
import { sha256Hex } from "./key-hash.js";
import { type LocalJudge, malformed, type VerifyBody, verifyBody } from "./key-verifier.js";
import type { OperationCaller } from "./operation-caller.js";
import { UsageReporter } from "./usage-reporter.js";
import {
  ASK_KEYGATE,
  type JudgedRecord,
  judge,
  judgedRecord,
  type VerificationRecord,
} from "./verification-record.js";
import type { VerifyAnswer, VerifyCredential, VerifyOptions } from "./verify-types.js";

/** What `keygate.cacheMetrics()` answers. */
export interface CacheMetrics {
  /** Verifications answered from the cache. */
  hits: number;
  /** Verifications sent to Keygate (not cached, stale, or of a limited key). */
  misses: number;
  /** Invalidations applied (key and workspace events, and whole-cache drops). */
  invalidations: number;
  entries: number;
  /** Whether the invalidation stream is live. */
  live: boolean;
  /** Since when the stream is not live (null while live, or before the first verification). */
  degradedSince: Date | null;
}

/** Ids remembered for fencing misses in flight, at most; past this every miss in flight is fenced. */
const MAX_FENCED_IDS = 10_000;

interface Entry {
  record: JudgedRecord;
  storedAtMs: number;
  /** The cache's insertion count when this entry last moved to the young end. */
  insertedAt: number;
}

type Send = (body: VerifyBody, options: CallOptions) => Promise<VerifyAnswer>;
type Admits = (credential: VerifyCredential) => boolean;
type AnswerWithRecord = VerifyAnswer & { record?: VerificationRecord };

export interface VerificationCacheOptions extends ResolvedCacheOptions {
  transport: HttpTransport;
  caller: OperationCaller;
  fetch: typeof fetch;
  onCacheStatus: ((status: CacheStatus) => void) | undefined;
}

export class VerificationCache implements LocalJudge {
  private readonly entries = new Map<string, Entry>();
  private readonly stream: InvalidationStream;
  private readonly usage: UsageReporter;
  private started = false;
  private live = false;
  private degradedSince: Date | null = null;
  private hits = 0;
  private misses = 0;
  private invalidations = 0;
  /** Advanced by every invalidation; a miss stores its record only if nothing for it came since it started. */
  private generation = 0;
  private resetAt = 0;
  private readonly keyInvalidatedAt = new Map<string, number>();
  private readonly workspaceInvalidatedAt = new Map<string, number>();
  private inFlight = 0;
  /** Entries stored or moved so far (for the nearly-LRU order). */
  private insertions = 0;

  constructor(private readonly options: VerificationCacheOptions) {
    this.usage = new UsageReporter(options.caller);
    this.stream = new InvalidationStream({
      url: options.transport.url(INVALIDATIONS_PATH),
      headers: options.transport.authorization(),
      fetch: options.fetch,
      handlers: {
        onReady: (resumed) => this.onReady(resumed),
        onKeys: (_, keyIds) => {
          const named = new Set(keyIds);
          this.invalidate((record) => named.has(record.keyId), keyIds, []);
        },
        onWorkspace: (workspaceId) =>
          this.invalidate((record) => record.workspaceId === workspaceId, [], [workspaceId]),
        onDown: (reason) => this.onDown(reason),
      },
    });
  }

  verify(
    credential: VerifyCredential,
    options: VerifyOptions,
    send: Send,
    admits: Admits,
  ): Promise<VerifyAnswer> {
    if (!this.started) this.start();
    const secret = "key" in credential ? credential.key : `${credential.sharedKey}\n${credential.secretKey}`;
    const hash = sha256Hex(secret);
    if (typeof hash === "string") return this.verifyHashed(hash, credential, options, send, admits);
    return hash.then((hex) => this.verifyHashed(hex, credential, options, send, admits));
  }

  metrics(): CacheMetrics {
    return {
      hits: this.hits,
      misses: this.misses,
      invalidations: this.invalidations,
      entries: this.entries.size,
      live: this.live,
      degradedSince: this.degradedSince,
    };
  }

  /** The stream itself, for tests that drop its connection. */
  get invalidationStream(): InvalidationStream {
    return this.stream;
  }

  /** Ends the stream and sends the last usage reports. */
  async close(): Promise<void> {
    await this.stream.close();
    await this.usage.close();
  }

  private start(): void {
    this.started = true;
    this.degradedSince = new Date();
    this.stream.start();
  }

  private verifyHashed(
    hash: string,
    credential: VerifyCredential,
    options: VerifyOptions,
    send: Send,
    admits: Admits,
  ): Promise<VerifyAnswer> {
    const nowMs = Date.now();
    const entry = this.entries.get(hash);
    if (entry !== undefined && this.isFresh(entry, nowMs)) {
      this.touch(hash, entry);
      const answer = judge(entry.record, options.scopes, options.ip, nowMs);
      if (answer !== ASK_KEYGATE) {
        this.hits += 1;
        if (answer.code !== "MALFORMED" && answer.code !== "NOT_FOUND") {
          this.usage.count(entry.record.keyId, answer.code, options.ip, nowMs);
        }
        return Promise.resolve(answer);
      }
      this.misses += 1;
      return send(verifyBody(credential, options), options);
    }
    if (entry !== undefined) this.entries.delete(hash);
    if (!admits(credential)) return Promise.resolve(malformed());
    this.misses += 1;
    return this.verifyAndStore(hash, credential, options, send);
  }

  /**
   * Least recently used leave first, nearly: a hit moves its entry to the young end only once it
   * has aged past half the cache (re-inserting on every hit would cost each hit a Map delete and
   * set, which V8 makes slow in a large Map).
   */
  private touch(hash: string, entry: Entry): void {
    if (this.insertions - entry.insertedAt <= this.options.maxEntries >> 1) return;
    this.entries.delete(hash);
    entry.insertedAt = ++this.insertions;
    this.entries.set(hash, entry);
  }

  private isFresh(entry: Entry, nowMs: number): boolean {
    const age = nowMs - entry.storedAtMs;
    return age < this.options.ttlMs && (this.live || age < this.options.fallbackTtlMs);
  }

  /** A miss: Keygate answers, with the key's record, which is stored unless an invalidation fenced it. */
  private async verifyAndStore(
    hash: string,
    credential: VerifyCredential,
    options: VerifyOptions,
    send: Send,
  ): Promise<VerifyAnswer> {
    const startedAt = this.generation;
    this.inFlight += 1;
    try {
      const body = { ...verifyBody(credential, options), record: true };
      const { record, ...answer } = (await send(body, options)) as AnswerWithRecord;
      if (record !== undefined && !this.fenced(record, startedAt)) this.store(hash, record);
      return answer;
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) {
        this.keyInvalidatedAt.clear();
        this.workspaceInvalidatedAt.clear();
      }
    }
  }

  private fenced(record: VerificationRecord, startedAt: number): boolean {
    return (
      this.resetAt > startedAt ||
      (this.keyInvalidatedAt.get(record.keyId) ?? 0) > startedAt ||
      (this.workspaceInvalidatedAt.get(record.workspaceId) ?? 0) > startedAt
    );
  }

  private store(hash: string, record: VerificationRecord): void {
    this.entries.delete(hash);
    this.entries.set(hash, {
      record: judgedRecord(record),
      storedAtMs: Date.now(),
      insertedAt: ++this.insertions,
    });
    if (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  private invalidate(
    matches: (record: JudgedRecord) => boolean,
    keyIds: readonly string[],
    workspaceIds: readonly string[],
  ): void {
    this.generation += 1;
    this.invalidations += 1;
    if (this.inFlight > 0) {
      for (const keyId of keyIds) this.keyInvalidatedAt.set(keyId, this.generation);
      for (const workspaceId of workspaceIds) this.workspaceInvalidatedAt.set(workspaceId, this.generation);
      // Never busy enough to forget them (misses always in flight): fence every miss instead.
      if (this.keyInvalidatedAt.size + this.workspaceInvalidatedAt.size > MAX_FENCED_IDS) {
        this.resetAt = this.generation;
        this.keyInvalidatedAt.clear();
        this.workspaceInvalidatedAt.clear();
      }
    }
    for (const [hash, entry] of this.entries) if (matches(entry.record)) this.entries.delete(hash);
  }

  private onReady(resumed: boolean): void {
    if (!resumed) {
      this.generation += 1;
      this.resetAt = this.generation;
      this.invalidations += 1;
      this.entries.clear();
    }
    this.live = true;
    this.degradedSince = null;
    this.notify({ live: true });
  }

  /** Tells the caller's callback; a callback that throws must not stop the stream's reconnecting. */
  private notify(status: CacheStatus): void {
    try {
      this.options.onCacheStatus?.(status);
    } catch {
      // The caller's own fault; the cache carries on.
    }
  }

  private onDown(reason: string): void {
    this.live = false;
    this.degradedSince ??= new Date();
    this.notify({ live: false, reason });
  }
}
