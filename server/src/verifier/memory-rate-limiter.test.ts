import { afterEach, describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "./memory-rate-limiter.js";
import type { RateLimitDecision } from "./rate-limiter.js";

const T0 = Date.parse("2026-06-01T13:00:00.000Z");
const config = { limit: 3, windowMs: 60_000 };

describe("MemoryRateLimiter", () => {
  let limiter: MemoryRateLimiter;
  afterEach(async () => limiter.close());

  /** One limit checked alone: its decision. */
  const limit = (
    limiterKey: string,
    check: { limit: number; windowMs: number },
    nowMs: number,
    cost = 1,
  ): RateLimitDecision | undefined => limiter.limitAll([{ limiterKey, ...check }], cost, nowMs).tightest;

  it("lets `limit` requests through per window and says when the window ends", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    expect(limit("key_a", config, T0)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetAtMs: T0 + 60_000,
    });
    expect(limit("key_a", config, T0 + 10)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limit("key_a", config, T0 + 20)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it("refuses the next request and answers the earliest time one fits again", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    for (let i = 0; i < 3; i++) limit("key_a", config, T0);
    // Three requests at T0 weigh 3 * (60000 - e) / 60000 in the next window: 2 at e = 20000.
    expect(limit("key_a", config, T0 + 30_000)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetAtMs: T0 + 80_000,
    });
    expect(limit("key_a", config, T0 + 79_999)).toMatchObject({
      allowed: false,
      resetAtMs: T0 + 80_000,
    });
    expect(limit("key_a", config, T0 + 80_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limit("key_a", config, T0 + 80_001)).toMatchObject({ allowed: false });
  });

  it("slides: requests late in one window still weigh early in the next", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    for (let i = 0; i < 3; i++) expect(limit("key_a", config, T0 + 59_000)?.allowed).toBe(true);
    // A fixed window would allow three more at T0 + 60000; the sliding window does not.
    expect(limit("key_a", config, T0 + 60_000)).toMatchObject({
      allowed: false,
      resetAtMs: T0 + 80_000,
    });
    // Two windows later nothing weighs any more.
    expect(limit("key_a", config, T0 + 120_000)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("frees within the window once the previous window has slid out enough", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    for (let i = 0; i < 3; i++) limit("key_a", config, T0);
    limit("key_a", config, T0 + 90_000); // previous 3 weigh 1.5: allowed, current 1
    // previous 3 * (60000 - e) / 60000 + 1 + 1 <= 3 from e = 40000
    expect(limit("key_a", config, T0 + 90_001)).toMatchObject({
      allowed: false,
      resetAtMs: T0 + 100_000,
    });
    expect(limit("key_a", config, T0 + 100_000)).toMatchObject({ allowed: true });
  });

  it("keeps keys apart and starts over when the window size changes", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    for (let i = 0; i < 3; i++) limit("key_a", config, T0);
    expect(limit("key_a", config, T0)?.allowed).toBe(false);
    expect(limit("key_b", config, T0)?.allowed).toBe(true);
    expect(limit("key_a", { limit: 3, windowMs: 1000 }, T0)).toMatchObject({
      allowed: true,
      remaining: 2,
    });
  });

  it("spends `cost` under the limit and refuses a cost that no longer fits, spending nothing", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    const tens = { limit: 10, windowMs: 60_000 };
    expect(limit("key_a", tens, T0, 4)).toEqual({
      allowed: true,
      limit: 10,
      remaining: 6,
      resetAtMs: T0 + 60_000,
    });
    expect(limit("key_a", tens, T0, 4)).toMatchObject({ allowed: true, remaining: 2 });
    // 8 at T0 weigh 8 * (60000 - e) / 60000 in the next window: 6 at e = 15000.
    expect(limit("key_a", tens, T0 + 1, 4)).toEqual({
      allowed: false,
      limit: 10,
      remaining: 0,
      resetAtMs: T0 + 75_000,
    });
    expect(limit("key_a", tens, T0 + 2, 2)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it("checks without spending at cost 0, passing while the window is not over its limit", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    const one = { limit: 1, windowMs: 60_000 };
    expect(limit("key_a", one, T0, 0)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limit("key_a", one, T0, 0)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limit("key_a", one, T0, 1)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limit("key_a", one, T0, 0)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limit("key_a", one, T0, 1)).toMatchObject({ allowed: false, resetAtMs: T0 + 120_000 });
  });

  it("spends under every limit or, when one refuses, under none", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    const checks = [
      { limiterKey: "key:key_a:a", limit: 5, windowMs: 60_000 },
      { limiterKey: "key:key_a:b", limit: 2, windowMs: 60_000 },
    ];
    expect(limiter.limitAll(checks, 1, T0).allowed).toBe(true);
    const second = limiter.limitAll(checks, 1, T0);
    expect(second).toEqual({
      allowed: true,
      decisions: [
        { allowed: true, limit: 5, remaining: 3, resetAtMs: T0 + 60_000 },
        { allowed: true, limit: 2, remaining: 0, resetAtMs: T0 + 60_000 },
      ],
      tightest: { allowed: true, limit: 2, remaining: 0, resetAtMs: T0 + 60_000 },
    });
    // B refuses the third: A keeps its 3 (nothing spent), B frees once half its window slid out.
    expect(limiter.limitAll(checks, 1, T0)).toEqual({
      allowed: false,
      decisions: [
        { allowed: true, limit: 5, remaining: 3, resetAtMs: T0 + 60_000 },
        { allowed: false, limit: 2, remaining: 0, resetAtMs: T0 + 90_000 },
      ],
      tightest: { allowed: false, limit: 2, remaining: 0, resetAtMs: T0 + 90_000 },
    });
    expect(limiter.limitAll(checks.slice(0, 1), 1, T0).tightest).toEqual({
      allowed: true,
      limit: 5,
      remaining: 2,
      resetAtMs: T0 + 60_000,
    });
  });

  it("answers, of the limits that refuse, the one that frees last; passing, the one with least left", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    const checks = [
      { limiterKey: "per-second", limit: 1, windowMs: 1_000 },
      { limiterKey: "per-minute", limit: 1, windowMs: 60_000 },
      { limiterKey: "per-hour", limit: 5, windowMs: 3_600_000 },
    ];
    expect(limiter.limitAll(checks, 1, T0).tightest).toEqual({
      allowed: true,
      limit: 1,
      remaining: 0,
      resetAtMs: T0 + 1_000,
    });
    const refused = limiter.limitAll(checks, 1, T0 + 10);
    expect(refused.decisions.map((decision) => decision.allowed)).toEqual([false, false, true]);
    expect(refused.tightest).toEqual({ allowed: false, limit: 1, remaining: 0, resetAtMs: T0 + 120_000 });
  });

  it("answers no checks as passing with no limit", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    expect(limiter.limitAll([], 1, T0)).toEqual({ allowed: true, decisions: [], tightest: undefined });
  });

  it("forgets idle keys on sweep and stays within its bound", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0, maxKeys: 2 });
    limit("key_a", config, T0);
    limit("key_b", config, T0 + 60_000);
    limiter.sweep(T0 + 120_000);
    expect(limiter.size).toBe(1);
    limit("key_c", config, T0 + 120_000);
    limit("key_d", config, T0 + 120_000);
    expect(limiter.size).toBe(2);
  });
});
