/**
 * The single-node rate limiter: a sliding window per limiter key (one limit of a key or of an
 * identity), kept in memory, with the math of rate-limiter.ts. It answers synchronously, so a
 * verification of a key with rate limits and no quota stays free of promises. Also the cluster's
 * fallback while Redis is unreachable (cluster/redis-rate-limiter.ts).
 */
import {
  decisionOf,
  estimateOf,
  fits,
  NO_LIMITS,
  type RateLimitCheck,
  type RateLimitDecision,
  type RateLimiter,
  type RateLimitOutcome,
  tightestOf,
  type WindowCounts,
  windowStartOf,
} from "./rate-limiter.js";

interface WindowState extends WindowCounts {
  windowMs: number;
}

export interface MemoryRateLimiterOptions {
  /** Most limits tracked at once (default 1,000,000); beyond it the oldest-tracked are forgotten. */
  maxKeys?: number;
  /** How often idle windows are swept (default 60 s); 0 disables the timer. */
  sweepIntervalMs?: number;
  /** The time the sweep judges idleness by (the verifier's clock). */
  now?: () => number;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, WindowState>();
  private readonly maxKeys: number;
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout | undefined;
  /** One verification's windows and estimates between its check and its spending (synchronous). */
  private readonly states: WindowState[] = [];
  private readonly estimates: number[] = [];

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.maxKeys = options.maxKeys ?? 1_000_000;
    this.now = options.now ?? Date.now;
    const every = options.sweepIntervalMs ?? 60_000;
    if (every > 0) {
      this.timer = setInterval(() => this.sweep(this.now()), every);
      this.timer.unref();
    }
  }

  limitAll(checks: readonly RateLimitCheck[], cost: number, nowMs: number): RateLimitOutcome {
    const { states, estimates } = this;
    const count = checks.length;
    if (count === 0) return NO_LIMITS;
    let allowed = true;
    for (let i = 0; i < count; i++) {
      const check = checks[i] as RateLimitCheck;
      const state = this.windowAt(check.limiterKey, check.windowMs, nowMs);
      const estimate = estimateOf(state, check.windowMs, nowMs);
      states[i] = state;
      estimates[i] = estimate;
      if (!fits(estimate, cost, check.limit)) allowed = false;
    }
    const decisions: RateLimitDecision[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const check = checks[i] as RateLimitCheck;
      const state = states[i] as WindowState;
      const estimate = estimates[i] as number;
      decisions[i] = decisionOf(
        check,
        state,
        estimate,
        cost,
        allowed || fits(estimate, cost, check.limit),
        allowed,
      );
      if (allowed) state.current += cost;
    }
    states.length = 0;
    return { allowed, decisions, tightest: tightestOf(decisions, allowed) };
  }

  /** The limit's windows at `nowMs`, rolled forward (or started) as time has passed. */
  private windowAt(limiterKey: string, windowMs: number, nowMs: number): WindowState {
    const start = windowStartOf(nowMs, windowMs);
    let state = this.windows.get(limiterKey);
    if (state === undefined || state.windowMs !== windowMs) {
      state = { windowMs, start, current: 0, previous: 0 };
      this.track(limiterKey, state, nowMs);
    } else if (state.start !== start) {
      state.previous = start - state.start === windowMs ? state.current : 0;
      state.current = 0;
      state.start = start;
    }
    return state;
  }

  private track(limiterKey: string, state: WindowState, nowMs: number): void {
    if (this.windows.size >= this.maxKeys) {
      this.sweep(nowMs);
      if (this.windows.size >= this.maxKeys) {
        const oldest = this.windows.keys().next();
        if (!oldest.done) this.windows.delete(oldest.value);
      }
    }
    this.windows.set(limiterKey, state);
  }

  /** Forgets limits whose windows no longer hold any request. */
  sweep(nowMs: number): void {
    for (const [limiterKey, state] of this.windows) {
      if (state.start + 2 * state.windowMs <= nowMs) this.windows.delete(limiterKey);
    }
  }

  /** How many limits are tracked (for tests and metrics). */
  get size(): number {
    return this.windows.size;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.windows.clear();
  }
}
