/**
 * The usage buffer: every verification of a found key is counted here in memory (per key, UTC
 * hour and outcome, plus the key's use count, last use time and address) and written to the store
 * in one batch every second and when the service closes. A verification never waits for it.
 *
 * A failed write keeps its counts for the next attempt (the batch is one transaction, so a retry
 * never counts twice).
 */
import type { Logger } from "pino";
import { bucketStart, type UsageBatch, type UsageRollupRow } from "../domain/usage/write-usage.js";
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
  /** Counts of other hours since the last flush (a flush that spans an hour boundary or retries). */
  earlier: HourCounts[];
  uses: number;
  /** 0 when no VALID verification is pending. */
  lastUsedAtMs: number;
  lastUsedIp: string | null;
}

export type UsageWriter = (batch: UsageBatch) => Promise<void>;

export interface UsageBufferOptions {
  write: UsageWriter;
  now: () => number;
  metrics: Metrics;
  logger: Logger;
  /** How often the buffer is written (default 1000 ms). */
  flushIntervalMs?: number;
}

const zeros = (): number[] => new Array<number>(CODE_COUNT).fill(0);

export class UsageBuffer {
  private pending = new Map<string, PendingKeyUsage>();
  /** When the oldest pending count was recorded (0 when none is pending). */
  private oldestMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private closed = false;

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
      entry = {
        keyId,
        workspaceId,
        hourMs,
        counts: zeros(),
        earlier: [],
        uses: 0,
        lastUsedAtMs: 0,
        lastUsedIp: null,
      };
      if (this.pending.size === 0) this.oldestMs = nowMs;
      this.pending.set(keyId, entry);
      this.startTimer();
    } else if (entry.hourMs !== hourMs) {
      entry.earlier.push({ hourMs: entry.hourMs, counts: entry.counts });
      entry.hourMs = hourMs;
      entry.counts = zeros();
    }
    const index = KEY_USAGE_INDEX[code];
    entry.counts[index] = (entry.counts[index] ?? 0) + 1;
    if (code === "VALID") {
      entry.uses += 1;
      if (nowMs >= entry.lastUsedAtMs) {
        entry.lastUsedAtMs = nowMs;
        if (ip !== undefined) entry.lastUsedIp = ip;
      }
    }
  }

  /** Keys with counts waiting to be written. */
  get pendingKeys(): number {
    return this.pending.size;
  }

  /**
   * Writes everything pending in one batch; on failure keeps it for the next attempt and rejects.
   * Concurrent calls wait for the write in flight, then write what came in meanwhile.
   */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => {});
    if (this.pending.size === 0) {
      this.options.metrics.usageFlushLagSeconds.set(0);
      return;
    }
    const taken = this.pending;
    const takenOldest = this.oldestMs;
    this.pending = new Map();
    this.oldestMs = 0;
    const started = performance.now();
    this.options.metrics.usageFlushLagSeconds.set(Math.max(0, this.options.now() - takenOldest) / 1000);
    const attempt = this.options.write(toBatch(taken.values()));
    this.flushing = attempt;
    try {
      await attempt;
      this.options.metrics.usageFlushSeconds.observe((performance.now() - started) / 1000);
      this.options.metrics.usageFlushLagSeconds.set(
        this.pending.size === 0 ? 0 : Math.max(0, this.options.now() - this.oldestMs) / 1000,
      );
    } catch (error) {
      this.options.metrics.usageFlushFailures.inc();
      this.restore(taken, takenOldest);
      throw error;
    } finally {
      this.flushing = undefined;
    }
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
            { err: error, keys: this.pending.size },
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

  /** Puts counts of a failed write back, merged with what arrived meanwhile. */
  private restore(taken: Map<string, PendingKeyUsage>, takenOldest: number): void {
    for (const [keyId, old] of taken) {
      const current = this.pending.get(keyId);
      if (current === undefined) {
        this.pending.set(keyId, old);
        continue;
      }
      current.earlier.push({ hourMs: old.hourMs, counts: old.counts }, ...old.earlier);
      current.uses += old.uses;
      if (old.lastUsedAtMs > current.lastUsedAtMs) {
        current.lastUsedAtMs = old.lastUsedAtMs;
        current.lastUsedIp = old.lastUsedIp ?? current.lastUsedIp;
      }
    }
    this.oldestMs = this.oldestMs === 0 ? takenOldest : Math.min(this.oldestMs, takenOldest);
  }
}

/** Turns pending counts into distinct hourly rollup rows and key use rows. */
function toBatch(entries: Iterable<PendingKeyUsage>): UsageBatch {
  const batch: UsageBatch = { rollups: [], keys: [] };
  for (const entry of entries) {
    const hours = new Map<number, number[]>();
    for (const { hourMs, counts } of [{ hourMs: entry.hourMs, counts: entry.counts }, ...entry.earlier]) {
      addCounts(hours, hourMs, counts);
    }
    pushRollups(batch.rollups, entry, hours);
    if (entry.uses > 0) {
      batch.keys.push({
        keyId: entry.keyId,
        uses: entry.uses,
        lastUsedAt: entry.lastUsedAtMs > 0 ? new Date(entry.lastUsedAtMs) : null,
        lastUsedIp: entry.lastUsedIp,
      });
    }
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
