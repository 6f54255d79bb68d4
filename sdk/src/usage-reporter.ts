/**
 * Counts the verifications the cache answered locally, per key and outcome (with the last use's
 * time and client address), and sends them to `POST /v1/keys/usage-reports` every 5 s and on
 * close, so Keygate's usage counts and last-use stay right. A report that could not be sent is
 * kept for the next round; one that Keygate refused (a 4xx) is dropped.
 */
import { KeygateError } from "./errors.js";
import type { OperationCaller } from "./operation-caller.js";
import type { RequestBody } from "./operations.js";

export const USAGE_REPORT_INTERVAL_MS = 5_000;
/** Reports per call; a report of more than a million verifications takes several rows. */
const MAX_REPORTS_PER_CALL = 500;
const MAX_COUNT = 1_000_000;

interface UsageReport {
  keyId: string;
  outcome: RequestBody<"keys.reportUsage">["reports"][number]["outcome"];
  count: number;
  lastUsedAtMs: number;
  lastUsedIp: string | null;
}

/** A report's rows: one per million verifications (the most one row may count). */
function rowsOf(report: UsageReport) {
  const rows = [];
  for (let left = report.count; left > 0; left -= MAX_COUNT) {
    rows.push({
      keyId: report.keyId,
      outcome: report.outcome,
      count: Math.min(left, MAX_COUNT),
      lastUsedAt: new Date(report.lastUsedAtMs).toISOString(),
      lastUsedIp: report.lastUsedIp,
    });
  }
  return rows;
}

export class UsageReporter {
  private pending = new Map<string, UsageReport>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly caller: OperationCaller,
    private readonly intervalMs: number = USAGE_REPORT_INTERVAL_MS,
  ) {}

  /** Counts one locally answered verification. */
  count(keyId: string, outcome: UsageReport["outcome"], ip: string | undefined, nowMs: number): void {
    const id = `${keyId} ${outcome}`;
    const report = this.pending.get(id);
    if (report) {
      report.count += 1;
      report.lastUsedAtMs = nowMs;
      report.lastUsedIp = ip ?? null;
    } else {
      this.pending.set(id, { keyId, outcome, count: 1, lastUsedAtMs: nowMs, lastUsedIp: ip ?? null });
      this.schedule();
    }
  }

  /** Sends what is counted so far (one call per 1,000 reports). */
  flush(): Promise<void> {
    this.flushing ??= this.send().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flushing;
    await this.flush();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      void this.flush();
    }, this.intervalMs);
    (this.timer as { unref?: () => void }).unref?.();
  }

  private async send(): Promise<void> {
    if (this.pending.size === 0) return;
    const reports = [...this.pending.values()];
    this.pending = new Map();
    for (let start = 0; start < reports.length; start += MAX_REPORTS_PER_CALL) {
      const batch = reports.slice(start, start + MAX_REPORTS_PER_CALL);
      try {
        // Never retried (a retried report could count twice): one that fails waits for the next round.
        await this.caller.call("keys.reportUsage", { body: { reports: batch.flatMap(rowsOf) } });
      } catch (error) {
        if (error instanceof KeygateError && error.status >= 400 && error.status < 500) continue;
        this.keep(batch);
      }
    }
  }

  /** Puts unsent reports back, merged with what was counted meanwhile. */
  private keep(reports: UsageReport[]): void {
    for (const report of reports) {
      const id = `${report.keyId} ${report.outcome}`;
      const newer = this.pending.get(id);
      if (newer) newer.count += report.count;
      else this.pending.set(id, report);
    }
    if (this.pending.size > 0) this.schedule();
  }
}
