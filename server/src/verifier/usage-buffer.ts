/**
 * The usage buffer: every verification of a found key is counted here in memory (per key, UTC
 * hour and outcome, plus the key's use count, last use time and address, and the time of the last
 * verification, for its workspace's `last_verified_at`) and written to the store
 * every second and when the service closes. A verification never waits for it.
 *
 * A flush writes in short batches of a hundred keys, each its own transaction, and lets the event
 * loop turn between batches, so the embedded store's only connection is never held for long: a
 * cache-miss read that arrives during a batch is queued before the next one and waits for one
 * short batch at most. Each batch has an id the store records in the batch's transaction: a batch
 * whose write failed is kept as it is (never merged with newer counts) and retried with the same
 * id, and the store skips a batch it has already applied, so a retry never counts twice, even when
 * a commit succeeded but its answer was lost.
 */
import { randomUUID } from "node:crypto";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Logger } from "pino";
import {
  bucketStart,
  LAST_VERIFIED_RESOLUTION_MS,
  type UsageBatch,
  type UsageRollupRow,
} from "../domain/usage/write-usage.js";
import type { Metrics } from "../observability/metrics.js";
import { KEY_USAGE_CODES, KEY_USAGE_INDEX, type KeyUsageCode } from "./outcomes.js";

const CODE_COUNT = KEY_USAGE_CODES.length;

interface HourCounts {
  hourMs: number;
  counts: number[];
}

interface PendingKeyUsage {
  keyId: string;
  workspaceId: string;
  /** Counts of the hour seen last, by {@link KEY_USAGE_INDEX}. */
  hourMs: number;
  counts: number[];
  /** Counts of other hours since the last flush (pending across an hour boundary). */
  earlier: HourCounts[];
  uses: number;
  /** 0 when no VALID verification is pending. */
  lastUsedAtMs: number;
  /** The latest verification of any outcome: the workspace's last verification. */
  lastSeenMs: number;
  lastUsedIp: string | null;
}

/** Writes one batch (what it resolves to is not used). */
export type UsageWriter = (batch: UsageBatch) => Promise<unknown>;

export interface UsageBufferOptions {
  write: UsageWriter;
  now: () => number;
  metrics: Metrics;
  logger: Logger;
  /** How often the buffer is written (default 1000 ms). */
  flushIntervalMs?: number;
}

const zeros = (): number[] => new Array<number>(CODE_COUNT).fill(0);

/**
 * Keys per batch: each batch's statement stays a few milliseconds long (a cache miss on the
 * embedded store may wait for one), while the flush of 10,000 keys stays about 100 statements.
 */
export const KEYS_PER_BATCH = 100;

/** A batch cut from the pending counts, with what the lag metric needs. */
interface CutBatch {
  batch: UsageBatch;
  keys: number;
  oldestMs: number;
}

/** Moves the key's last-seen time and, for VALID outcomes, its uses and last use. */
function countUses(
  entry: PendingKeyUsage,
  code: KeyUsageCode,
  count: number,
  atMs: number,
  ip: string | null,
): void {
  if (atMs > entry.lastSeenMs) entry.lastSeenMs = atMs;
  if (code !== "VALID") return;
  entry.uses += count;
  if (atMs >= entry.lastUsedAtMs) {
    entry.lastUsedAtMs = atMs;
    if (ip !== null) entry.lastUsedIp = ip;
  }
}

export class UsageBuffer {
  private pending = new Map<string, PendingKeyUsage>();
  /** When the oldest pending count was recorded (0 when none is pending). */
  private oldestMs = 0;
  /** Batches whose write failed, retried first and unchanged (same id) by the next flush. */
  private retrying: CutBatch[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;
  /**
   * Per workspace, the last verification time this buffer put in a batch: a workspace goes in a
   * batch again only a minute later, so most flushes write no workspace row at all.
   */
  private readonly lastVerifiedWritten = new Map<string, number>();

  constructor(private readonly options: UsageBufferOptions) {}

  /** Counts one verification of a found key. Synchronous and cheap: the hot path calls it. */
  record(
    keyId: string,
    workspaceId: string,
    code: KeyUsageCode,
    nowMs: number,
    ip: string | undefined,
  ): void {
    const hourMs = bucketStart(nowMs, "hour");
    let entry = this.pending.get(keyId);
    if (entry === undefined) {
      entry = this.addEntry(keyId, workspaceId, hourMs, nowMs, nowMs);
    } else if (entry.hourMs !== hourMs) {
      entry.earlier.push({ hourMs: entry.hourMs, counts: entry.counts });
      entry.hourMs = hourMs;
      entry.counts = zeros();
    }
    const index = KEY_USAGE_INDEX[code];
    entry.counts[index] = (entry.counts[index] ?? 0) + 1;
    countUses(entry, code, 1, nowMs, ip ?? null);
  }

  /**
   * Counts `count` verifications an SDK judged locally and reported (POST /v1/keys/usage-reports),
   * as {@link record} counts one: in the hour of `atMs`, and for VALID in the key's uses and last use.
   */
  recordReport(
    keyId: string,
    workspaceId: string,
    code: KeyUsageCode,
    count: number,
    atMs: number,
    ip: string | null,
  ): void {
    const hourMs = bucketStart(atMs, "hour");
    const entry =
      this.pending.get(keyId) ?? this.addEntry(keyId, workspaceId, hourMs, atMs, this.options.now());
    const index = KEY_USAGE_INDEX[code];
    if (entry.hourMs === hourMs) {
      entry.counts[index] = (entry.counts[index] ?? 0) + count;
    } else {
      // A report of another hour than the key's current one: counted beside it.
      let other = entry.earlier.find((hour) => hour.hourMs === hourMs);
      if (other === undefined) {
        other = { hourMs, counts: zeros() };
        entry.earlier.push(other);
      }
      other.counts[index] = (other.counts[index] ?? 0) + count;
    }
    countUses(entry, code, count, atMs, ip);
  }

  /** A new pending entry of the key, counting nothing yet; starts the flush timer. */
  private addEntry(keyId: string, workspaceId: string, hourMs: number, seenMs: number, nowMs: number) {
    const entry: PendingKeyUsage = {
      keyId,
      workspaceId,
      hourMs,
      counts: zeros(),
      earlier: [],
      uses: 0,
      lastUsedAtMs: 0,
      lastSeenMs: seenMs,
      lastUsedIp: null,
    };
    if (this.pending.size === 0) this.oldestMs = nowMs;
    this.pending.set(keyId, entry);
    this.startTimer();
    return entry;
  }

  /** Keys with counts waiting to be written (batches waiting for a retry included). */
  get pendingKeys(): number {
    return this.retrying.reduce((sum, cut) => sum + cut.keys, this.pending.size);
  }

  /**
   * Writes everything pending, batch after batch; a batch that fails is kept, with every batch
   * not yet written, for the next attempt, and the call rejects. Concurrent calls wait for the
   * flush in flight, then write what came in meanwhile.
   */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => {});
    if (this.pending.size === 0 && this.retrying.length === 0) {
      this.options.metrics.usageFlushLagSeconds.set(0);
      return;
    }
    const queue = [
      ...this.retrying,
      ...cutBatches(this.pending, this.oldestMs, (workspaceId, lastSeenMs) =>
        this.takeLastVerified(workspaceId, lastSeenMs),
      ),
    ];
    this.retrying = [];
    this.pending = new Map();
    this.oldestMs = 0;
    const run = this.writeAll(queue);
    this.flushing = run;
    try {
      await run;
    } finally {
      this.flushing = undefined;
    }
  }

  private async writeAll(queue: CutBatch[]): Promise<void> {
    const { metrics } = this.options;
    const started = performance.now();
    metrics.usageFlushLagSeconds.set(this.lagSeconds(queue));
    for (let i = 0; i < queue.length; i++) {
      const cut = queue[i];
      if (cut === undefined) continue;
      // Store reads started meanwhile (cache misses) queue for the connection before this batch.
      if (i > 0) await nextTurn();
      try {
        await this.options.write(cut.batch);
      } catch (error) {
        metrics.usageFlushFailures.inc();
        this.retrying = queue.slice(i);
        throw error;
      }
    }
    metrics.usageFlushSeconds.observe((performance.now() - started) / 1000);
    metrics.usageFlushLagSeconds.set(this.lagSeconds([]));
  }

  /**
   * Whether a batch should write this workspace's last verification (and remembers that it does):
   * when it never did, or a minute or more has passed. A failed batch is retried with its rows.
   */
  private takeLastVerified(workspaceId: string, lastSeenMs: number): boolean {
    const written = this.lastVerifiedWritten.get(workspaceId);
    if (written !== undefined && lastSeenMs < written + LAST_VERIFIED_RESOLUTION_MS) return false;
    this.lastVerifiedWritten.set(workspaceId, lastSeenMs);
    return true;
  }

  /** Seconds since the oldest count not yet written, here or in these batches. */
  private lagSeconds(queue: readonly CutBatch[]): number {
    let oldest = this.oldestMs;
    for (const cut of [...this.retrying, ...queue]) {
      if (oldest === 0 || cut.oldestMs < oldest) oldest = cut.oldestMs;
    }
    return oldest === 0 ? 0 : Math.max(0, this.options.now() - oldest) / 1000;
  }

  /** Stops the timer and writes what is pending (a few attempts); what still fails is logged as lost. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.flush();
        return;
      } catch (error) {
        if (attempt >= 3) {
          this.options.logger.error(
            { err: error, keys: this.pendingKeys },
            "usage could not be written at shutdown; these counts are lost",
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  private startTimer(): void {
    if (this.timer !== undefined || this.closed) return;
    const every = this.options.flushIntervalMs ?? 1000;
    this.timer = setInterval(() => {
      if (this.flushing) return;
      this.flush().catch((error: unknown) => {
        this.options.logger.warn({ err: error }, "usage flush failed; keeping the counts for the next one");
      });
    }, every);
    this.timer.unref();
  }
}

/** Cuts pending counts into batches of {@link KEYS_PER_BATCH} keys, each with a new id. */
function cutBatches(
  pending: Map<string, PendingKeyUsage>,
  oldestMs: number,
  takeLastVerified: LastVerifiedFilter,
): CutBatch[] {
  const cuts: CutBatch[] = [];
  let entries: PendingKeyUsage[] = [];
  const cut = () => {
    cuts.push({ batch: toBatch(entries, takeLastVerified), keys: entries.length, oldestMs });
    entries = [];
  };
  for (const entry of pending.values()) {
    entries.push(entry);
    if (entries.length === KEYS_PER_BATCH) cut();
  }
  if (entries.length > 0) cut();
  return cuts;
}

/** Whether a batch writes this workspace's last verification time. */
type LastVerifiedFilter = (workspaceId: string, lastSeenMs: number) => boolean;

/**
 * Turns pending counts into distinct hourly rollup rows, key use rows and the rows of the
 * workspaces whose last verification is due to be written.
 */
function toBatch(entries: Iterable<PendingKeyUsage>, takeLastVerified: LastVerifiedFilter): UsageBatch {
  const batch: UsageBatch = { id: randomUUID(), rollups: [], keys: [] };
  const lastSeen = new Map<string, number>();
  for (const entry of entries) {
    if ((lastSeen.get(entry.workspaceId) ?? 0) < entry.lastSeenMs) {
      lastSeen.set(entry.workspaceId, entry.lastSeenMs);
    }
    const hours = new Map<number, number[]>();
    for (const { hourMs, counts } of [{ hourMs: entry.hourMs, counts: entry.counts }, ...entry.earlier]) {
      addCounts(hours, hourMs, counts);
    }
    const before = batch.rollups.length;
    pushRollups(batch.rollups, entry, hours);
    let refused = 0;
    for (let i = before; i < batch.rollups.length; i++) {
      const row = batch.rollups[i];
      if (row?.outcome === "RATE_LIMITED") refused += row.count;
    }
    if (refused > 0) {
      batch.rateLimited ??= [];
      batch.rateLimited.push({ keyId: entry.keyId, at: new Date(entry.lastSeenMs), refused });
    }
    if (entry.uses > 0) {
      batch.keys.push({
        keyId: entry.keyId,
        uses: entry.uses,
        lastUsedAt: entry.lastUsedAtMs > 0 ? new Date(entry.lastUsedAtMs) : null,
        lastUsedIp: entry.lastUsedIp,
      });
    }
  }
  batch.workspaces = [];
  for (const [workspaceId, ms] of lastSeen) {
    if (takeLastVerified(workspaceId, ms))
      batch.workspaces.push({ workspaceId, lastVerifiedAt: new Date(ms) });
  }
  return batch;
}

function addCounts(into: Map<number, number[]>, bucketMs: number, counts: readonly number[]): void {
  let sum = into.get(bucketMs);
  if (sum === undefined) {
    sum = zeros();
    into.set(bucketMs, sum);
  }
  for (let i = 0; i < CODE_COUNT; i++) sum[i] = (sum[i] ?? 0) + (counts[i] ?? 0);
}

function pushRollups(rows: UsageRollupRow[], entry: PendingKeyUsage, hours: Map<number, number[]>): void {
  for (const [hourMs, counts] of hours) {
    for (let i = 0; i < CODE_COUNT; i++) {
      const count = counts[i] ?? 0;
      const outcome = KEY_USAGE_CODES[i];
      if (count > 0 && outcome !== undefined) {
        rows.push({
          keyId: entry.keyId,
          workspaceId: entry.workspaceId,
          bucket: new Date(hourMs),
          outcome,
          count,
        });
      }
    }
  }
}
