/**
 * The import's progress bar on stderr, redrawn in place (`\r`) at most ten times a second, only
 * when stderr is a terminal: `[██████████░░░░░░░░░░]  52% 52,000/100,000 rows  9,800 rows/s`.
 */
import type { Terminal } from "./terminal.js";

const WIDTH = 24;

export class ImportProgress {
  private lastDrawMs = 0;
  private drawn = false;

  constructor(
    private readonly terminal: Terminal,
    private readonly total: number,
    private readonly startedMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** `done` rows are through; redraws when due (always when `force`). */
  update(done: number, force = false): void {
    if (!this.terminal.stderrIsTTY) return;
    const now = this.nowMs();
    if (!force && now - this.lastDrawMs < 100) return;
    this.lastDrawMs = now;
    this.drawn = true;
    this.terminal.writeError(`\r${progressLine(done, this.total, now - this.startedMs)}\u001b[K`);
  }

  /** Ends the bar's line so the report starts on a fresh one. */
  finish(done: number): void {
    if (!this.drawn) return;
    this.update(done, true);
    this.terminal.writeError("\n");
  }
}

export function progressLine(done: number, total: number, elapsedMs: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * WIDTH);
  const rate = elapsedMs > 0 ? Math.round((done / elapsedMs) * 1000) : 0;
  return `[${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${done.toLocaleString("en")}/${total.toLocaleString("en")} rows  ${rate.toLocaleString("en")} rows/s`;
}
