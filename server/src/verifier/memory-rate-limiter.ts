/**
 * The single-node rate limiter: a sliding window per limiter key (a key's id, or one limit of an
 * identity), kept in memory. The window is estimated from two fixed windows, weighting the
 * previous one by how much of it still overlaps the sliding window (the approach of Cloudflare's
 * and Upstash's limiters): constant memory per key, smooth at window edges, within a request or so
 * of an exact log.
 */
import type { RateLimitDecision, RateLimiter } from "./rate-limiter.js";
import type { RateLimitConfig } from "./verification-record.js";

interface WindowState {
  windowMs: number;
  /** Start of the current fixed window (a multiple of `windowMs`). */
  start: number;
  current: number;
  previous: number;
}

/** Floating-point slack when comparing the weighted estimate with the limit. */
const EPSILON = 1e-9;

export interface MemoryRateLimiterOptions {
  /** Most keys tracked at once (default 1,000,000); beyond it the oldest-tracked are forgotten. */
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

  constructor(options: MemoryRateLimiterOptions = {}) {
    this.maxKeys = options.maxKeys ?? 1_000_000;
    this.now = options.now ?? Date.now;
    const every = options.sweepIntervalMs ?? 60_000;
    if (every > 0) {
      this.timer = setInterval(() => this.sweep(this.now()), every);
      this.timer.unref();
    }
  }

  limit(limiterKey: string, config: RateLimitConfig, nowMs: number): RateLimitDecision {
    const { limit, windowMs } = config;
    const start = nowMs - (nowMs % windowMs);
    let state = this.windows.get(limiterKey);
    if (state === undefined || state.windowMs !== windowMs) {
      state = { windowMs, start, current: 0, previous: 0 };
      this.track(limiterKey, state, nowMs);
    } else if (state.start !== start) {
      state.previous = start - state.start === windowMs ? state.current : 0;
      state.current = 0;
      state.start = start;
    }
    const estimate = (state.previous * (windowMs - (nowMs - start))) / windowMs + state.current;
    if (estimate + 1 > limit + EPSILON) {
      return { allowed: false, limit, remaining: 0, resetAtMs: this.freesAt(state, limit) };
    }
    state.current += 1;
    return {
      allowed: true,
      limit,
      remaining: Math.max(0, Math.floor(limit - estimate - 1 + EPSILON)),
      resetAtMs: start + windowMs,
    };
  }

  /** The earliest time one more request fits under the limit. */
  private freesAt(state: WindowState, limit: number): number {
    const { start, windowMs, current, previous } = state;
    if (current + 1 <= limit && previous > 0) {
      // Later in this window, once enough of the previous window has slid out:
      // previous * (windowMs - elapsed) / windowMs + current + 1 <= limit.
      return start + windowMs - Math.floor(((limit - current - 1) * windowMs) / previous);
    }
    // In the next window, once enough of this window's requests have slid out:
    // current * (windowMs - elapsed) / windowMs + 1 <= limit.
    if (current === 0) return start + windowMs;
    return start + 2 * windowMs - Math.min(windowMs, Math.floor(((limit - 1) * windowMs) / current));
  }

  private track(keyId: string, state: WindowState, nowMs: number): void {
    if (this.windows.size >= this.maxKeys) {
      this.sweep(nowMs);
      if (this.windows.size >= this.maxKeys) {
        const oldest = this.windows.keys().next();
        if (!oldest.done) this.windows.delete(oldest.value);
      }
    }
    this.windows.set(keyId, state);
  }

  /** Forgets keys whose windows no longer hold any request. */
  sweep(nowMs: number): void {
    for (const [keyId, state] of this.windows) {
      if (state.start + 2 * state.windowMs <= nowMs) this.windows.delete(keyId);
    }
  }

  /** How many keys are tracked (for tests and metrics). */
  get size(): number {
    return this.windows.size;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.windows.clear();
  }
}
