import { afterEach, describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "./memory-rate-limiter.js";

const T0 = Date.parse("2026-06-01T13:00:00.000Z");
const config = { limit: 3, windowMs: 60_000 };

describe("MemoryRateLimiter", () => {
  let limiter: MemoryRateLimiter;
  afterEach(async () => limiter.close());

  it("lets `limit` requests through per window and says when the window ends", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    expect(limiter.limit("key_a", config, T0)).toEqual({
      allowed: true,
      limit: 3,
      remaining: 2,
      resetAtMs: T0 + 60_000,
    });
    expect(limiter.limit("key_a", config, T0 + 10)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.limit("key_a", config, T0 + 20)).toMatchObject({ allowed: true, remaining: 0 });
  });

  it("refuses the next request and answers the earliest time one fits again", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    for (let i = 0; i < 3; i++) limiter.limit("key_a", config, T0);
    // Three requests at T0 weigh 3 * (60000 - e) / 60000 in the next window: 2 at e = 20000.
    expect(limiter.limit("key_a", config, T0 + 30_000)).toEqual({
      allowed: false,
      limit: 3,
      remaining: 0,
      resetAtMs: T0 + 80_000,
    });
    expect(limiter.limit("key_a", config, T0 + 79_999)).toMatchObject({
      allowed: false,
      resetAtMs: T0 + 80_000,
    });
    expect(limiter.limit("key_a", config, T0 + 80_000)).toMatchObject({ allowed: true, remaining: 0 });
    expect(limiter.limit("key_a", config, T0 + 80_001)).toMatchObject({ allowed: false });
  });

  it("slides: requests late in one window still weigh early in the next", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    for (let i = 0; i < 3; i++) expect(limiter.limit("key_a", config, T0 + 59_000).allowed).toBe(true);
    // A fixed window would allow three more at T0 + 60000; the sliding window does not.
    expect(limiter.limit("key_a", config, T0 + 60_000)).toMatchObject({
      allowed: false,
      resetAtMs: T0 + 80_000,
    });
    // Two windows later nothing weighs any more.
    expect(limiter.limit("key_a", config, T0 + 120_000)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("frees within the window once the previous window has slid out enough", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    for (let i = 0; i < 3; i++) limiter.limit("key_a", config, T0);
    limiter.limit("key_a", config, T0 + 90_000); // previous 3 weigh 1.5: allowed, current 1
    // previous 3 * (60000 - e) / 60000 + 1 + 1 <= 3 from e = 40000
    expect(limiter.limit("key_a", config, T0 + 90_001)).toMatchObject({
      allowed: false,
      resetAtMs: T0 + 100_000,
    });
    expect(limiter.limit("key_a", config, T0 + 100_000)).toMatchObject({ allowed: true });
  });

  it("keeps keys apart and starts over when the window size changes", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    for (let i = 0; i < 3; i++) limiter.limit("key_a", config, T0);
    expect(limiter.limit("key_a", config, T0).allowed).toBe(false);
    expect(limiter.limit("key_b", config, T0).allowed).toBe(true);
    expect(limiter.limit("key_a", { limit: 3, windowMs: 1000 }, T0)).toMatchObject({
      allowed: true,
      remaining: 2,
    });
  });

  it("forgets idle keys on sweep and stays within its bound", () => {
    limiter = new MemoryRateLimiter({ sweepIntervalMs: 0, maxKeys: 2 });
    limiter.limit("key_a", config, T0);
    limiter.limit("key_b", config, T0 + 60_000);
    limiter.sweep(T0 + 120_000);
    expect(limiter.size).toBe(1);
    limiter.limit("key_c", config, T0 + 120_000);
    limiter.limit("key_d", config, T0 + 120_000);
    expect(limiter.size).toBe(2);
  });
});
