/** When an idempotent call is tried again, and how long it waits first. */
import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  MAX_RETRY_AFTER_MS,
  RETRY_BASE_MS,
  RETRY_CAP_MS,
  retryAfterMs,
  retryDelayForAnswer,
} from "../src/retry-policy.js";

describe("backoffDelay", () => {
  it("waits a random time up to base × 2^attempt, capped (full jitter)", () => {
    expect(backoffDelay(0, () => 0)).toBe(0);
    expect(backoffDelay(0, () => 0.999)).toBe(RETRY_BASE_MS - 1);
    expect(backoffDelay(3, () => 0.5)).toBe((RETRY_BASE_MS * 8) / 2);
    expect(backoffDelay(20, () => 0.999)).toBe(RETRY_CAP_MS - 2);
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-12-02T07:00:00Z");
  it("reads seconds and HTTP dates, and nothing else", () => {
    expect(retryAfterMs("2", now)).toBe(2_000);
    expect(retryAfterMs("0", now)).toBe(0);
    expect(retryAfterMs("Wed, 02 Dec 2026 07:00:05 GMT", now)).toBe(5_000);
    expect(retryAfterMs("Wed, 02 Dec 2026 06:00:00 GMT", now)).toBe(0);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs("", now)).toBeUndefined();
    expect(retryAfterMs("soon", now)).toBeUndefined();
  });
});

describe("retryDelayForAnswer", () => {
  it("retries every 5xx, a 429 with a retry-after of at most 30 s, and nothing else", () => {
    expect(retryDelayForAnswer(503, null, 0)).toEqual(expect.any(Number));
    expect(retryDelayForAnswer(500, null, 1)).toEqual(expect.any(Number));
    expect(retryDelayForAnswer(429, "1", 0)).toBeGreaterThanOrEqual(1_000);
    expect(retryDelayForAnswer(429, String(MAX_RETRY_AFTER_MS / 1000 + 1), 0)).toBeUndefined();
    expect(retryDelayForAnswer(429, null, 0)).toBeUndefined();
    for (const status of [400, 401, 403, 404, 409, 413])
      expect(retryDelayForAnswer(status, "1", 0)).toBeUndefined();
  });
});
