/**
 * The Redis rate limiter against real Redis: the machine's (TEST_REDIS_URL, under a key prefix of
 * this file's own, deleted afterwards) for exactness across nodes, all-or-nothing, cost and the
 * memory limiter's math; a Redis of the test's own, killed and started again, for the fallback.
 */
import { once } from "node:events";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deleteRedisPrefix,
  type OwnRedis,
  redisSkipReason,
  startRedisServer,
  testRedisUrl,
  uniqueRedisPrefix,
} from "../../test/redis-server.js";
import { createMetrics, type Metrics } from "../observability/metrics.js";
import { MemoryRateLimiter } from "../verifier/memory-rate-limiter.js";
import type { RateLimitCheck, RateLimiter, RateLimitOutcome } from "../verifier/rate-limiter.js";
import { createRateLimiter } from "./rate-limiters.js";
import { redisCommandClient } from "./redis-connection.js";
import { RedisRateLimiter } from "./redis-rate-limiter.js";

const T0 = Date.parse("2026-06-01T13:00:00.000Z");
const silent = pino({ level: "silent" });

const redisAbsent = await redisSkipReason();
if (redisAbsent) console.log(`skipping the Redis rate limiter tests: ${redisAbsent}`);

/** A command client that has connected. */
async function readyClient(url: string): Promise<Redis> {
  const client = redisCommandClient(url);
  if (client.status !== "ready") await once(client, "ready");
  return client;
}

/** What a logger wrote, one parsed JSON object a line. */
function capturedLogger(): { logger: pino.Logger; lines: Array<{ level: number; msg: string }> } {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

async function metricValue(metrics: Metrics, name: string): Promise<number | undefined> {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  return metric?.values[0]?.value;
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(redisAbsent !== undefined)("RedisRateLimiter", () => {
  const prefix = uniqueRedisPrefix();
  const limiters: RateLimiter[] = [];
  let admin: Redis;
  let counter = 0;
  /** A limiter key no other test uses. */
  const fresh = (name: string) => `key:key_${++counter}:${name}`;

  async function limiterOnTestRedis(metrics: Metrics = createMetrics()): Promise<RedisRateLimiter> {
    const limiter = new RedisRateLimiter({
      client: await readyClient(testRedisUrl),
      prefix,
      liveNodes: () => 1,
      metrics,
      logger: silent,
    });
    limiters.push(limiter);
    return limiter;
  }

  beforeAll(async () => {
    admin = new Redis(testRedisUrl);
  });
  afterAll(async () => {
    for (const limiter of limiters) await limiter.close();
    await deleteRedisPrefix(testRedisUrl, prefix);
    admin.disconnect();
  });

  it("lets exactly `limit` through across three nodes under parallel load", async () => {
    const metrics = [createMetrics(), createMetrics(), createMetrics()];
    const nodes = await Promise.all(metrics.map((m) => limiterOnTestRedis(m)));
    const checks = [{ limiterKey: fresh("default"), limit: 10, windowMs: 60_000 }];
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) => (nodes[i % 3] as RedisRateLimiter).limitAll(checks, 1, T0 + i)),
    );
    const passed = outcomes.filter((outcome) => outcome.allowed);
    expect(passed).toHaveLength(10);
    // Each one that passed saw the count the one before it left: 9 down to 0, once each.
    expect(
      passed.map((outcome) => outcome.tightest?.remaining).sort((a, b) => Number(a) - Number(b)),
    ).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await admin.get(`${prefix}rl:${checks[0]?.limiterKey}:${T0}`)).toBe("10");
    for (const m of metrics) expect(await metricValue(m, "keygate_rate_limit_fallback_total")).toBe(0);
  });

  it("spends under every limit or, when one refuses, under none", async () => {
    const limiter = await limiterOnTestRedis();
    const a = fresh("a");
    const b = fresh("b");
    const checks = [
      { limiterKey: a, limit: 5, windowMs: 60_000 },
      { limiterKey: b, limit: 2, windowMs: 60_000 },
    ];
    expect((await limiter.limitAll(checks, 1, T0)).allowed).toBe(true);
    expect((await limiter.limitAll(checks, 1, T0)).allowed).toBe(true);
    expect(await limiter.limitAll(checks, 1, T0)).toEqual({
      allowed: false,
      decisions: [
        { allowed: true, limit: 5, remaining: 3, resetAtMs: T0 + 60_000 },
        { allowed: false, limit: 2, remaining: 0, resetAtMs: T0 + 90_000 },
      ],
      tightest: { allowed: false, limit: 2, remaining: 0, resetAtMs: T0 + 90_000 },
    });
    expect([await admin.get(`${prefix}rl:${a}:${T0}`), await admin.get(`${prefix}rl:${b}:${T0}`)]).toEqual([
      "2",
      "2",
    ]);
    expect((await limiter.limitAll(checks.slice(0, 1), 1, T0)).tightest).toEqual({
      allowed: true,
      limit: 5,
      remaining: 2,
      resetAtMs: T0 + 60_000,
    });
  });

  it("spends `cost`, refuses a cost that does not fit without spending, and checks only at cost 0", async () => {
    const limiter = await limiterOnTestRedis();
    const limiterKey = fresh("default");
    const checks = [{ limiterKey, limit: 10, windowMs: 60_000 }];
    const counterKey = `${prefix}rl:${limiterKey}:${T0}`;
    expect((await limiter.limitAll(checks, 4, T0)).tightest).toEqual({
      allowed: true,
      limit: 10,
      remaining: 6,
      resetAtMs: T0 + 60_000,
    });
    expect((await limiter.limitAll(checks, 7, T0 + 1)).tightest).toEqual({
      allowed: false,
      limit: 10,
      remaining: 0,
      resetAtMs: T0 + 75_000,
    });
    expect((await limiter.limitAll(checks, 0, T0 + 2)).tightest).toMatchObject({
      allowed: true,
      remaining: 6,
    });
    expect(await admin.get(counterKey)).toBe("4");
    // The counter lives two windows from its last spending, the previous window's no longer.
    const ttl = await admin.pttl(counterKey);
    expect(ttl).toBeGreaterThan(120_000 - 5_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
    expect(await admin.exists(`${prefix}rl:${limiterKey}:${T0 - 60_000}`)).toBe(0);
  });

  it("answers as the memory limiter does, answer for answer, over windows, costs and limits", async () => {
    const redis = await limiterOnTestRedis();
    const memory = new MemoryRateLimiter({ sweepIntervalMs: 0 });
    const all: RateLimitCheck[] = [
      { limiterKey: fresh("burst"), limit: 3, windowMs: 1_000 },
      { limiterKey: fresh("minute"), limit: 20, windowMs: 60_000 },
      { limiterKey: fresh("ten"), limit: 7, windowMs: 10_000 },
    ];
    // A fixed pseudo-random walk (a linear congruential generator), the same on every run.
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    let now = T0 + 123;
    const costs = [0, 1, 1, 1, 2, 5];
    for (let step = 0; step < 300; step++) {
      now += next(1_500);
      const checks = all.filter((_, i) => next(4) !== 0 || i === 0);
      const cost = costs[next(costs.length)] as number;
      const fromRedis: RateLimitOutcome = await redis.limitAll(checks, cost, now);
      expect({ step, ...fromRedis }).toEqual({ step, ...memory.limitAll(checks, cost, now) });
    }
    await memory.close();
  });

  it("falls back to memory when a command fails while the client is ready, and retries Redis by itself", async () => {
    const metrics = createMetrics();
    const { logger, lines } = capturedLogger();
    const limiter = new RedisRateLimiter({
      client: await readyClient(testRedisUrl),
      prefix,
      liveNodes: () => 2,
      metrics,
      logger,
      retryAfterMs: 50,
    });
    limiters.push(limiter);
    const limiterKey = fresh("default");
    const checks = [{ limiterKey, limit: 10, windowMs: 60_000 }];
    // A counter that is no number makes the script fail (as an out-of-memory Redis would).
    await admin.set(`${prefix}rl:${limiterKey}:${T0}`, "not a number");
    const outcome = await limiter.limitAll(checks, 1, T0);
    expect(outcome.tightest).toEqual({ allowed: true, limit: 5, remaining: 4, resetAtMs: T0 + 60_000 });
    expect(limiter.fallingBack).toBe(true);
    // Within the retry interval, memory answers without asking Redis.
    expect(limiter.limitAll(checks, 1, T0)).not.toBeInstanceOf(Promise);
    await admin.del(`${prefix}rl:${limiterKey}:${T0}`);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect((await limiter.limitAll(checks, 1, T0)).tightest).toMatchObject({ limit: 10, remaining: 9 });
    expect(limiter.fallingBack).toBe(false);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [
        40,
        "rate limits: Redis is unreachable; answering them from this node's memory, each limit divided by the live nodes, until it is back",
      ],
      [30, "rate limits: Redis is back; every node counts against the same limits again"],
    ]);
    expect(await metricValue(metrics, "keygate_rate_limit_fallback_total")).toBe(2);
    expect(await metricValue(metrics, "keygate_rate_limit_fallback")).toBe(0);
  });

  it("is made in memory without a Redis URL and in Redis with one", async () => {
    const options = { redisPrefix: prefix, liveNodes: () => 1, metrics: createMetrics(), logger: silent };
    const memory = createRateLimiter({ ...options, now: Date.now });
    expect(memory).toBeInstanceOf(MemoryRateLimiter);
    await memory.close();
    const redis = createRateLimiter({ ...options, redisUrl: testRedisUrl, now: Date.now });
    if (!(redis instanceof RedisRateLimiter)) throw new Error("not a Redis rate limiter");
    expect(await redis.ready(5_000)).toBe(true);
    const limiterKey = fresh("default");
    expect(
      (await redis.limitAll([{ limiterKey, limit: 3, windowMs: 60_000 }], 1, T0)).tightest,
    ).toMatchObject({
      remaining: 2,
    });
    expect(await admin.get(`${prefix}rl:${limiterKey}:${T0}`)).toBe("1");
    await redis.close();
    expect(await redis.ready(100)).toBe(false);
  });

  it("closes at once while Redis is away, and stops reconnecting", async () => {
    const limiter = new RedisRateLimiter({
      client: redisCommandClient("redis://127.0.0.1:1"),
      prefix,
      liveNodes: () => 1,
      metrics: createMetrics(),
      logger: silent,
    });
    expect(await limiter.ready(300)).toBe(false);
    const started = performance.now();
    await limiter.close();
    expect(performance.now() - started).toBeLessThan(100);
    expect(await limiter.ready(10)).toBe(false);
  });
});

describe.skipIf(redisAbsent !== undefined)("RedisRateLimiter while its Redis is down", () => {
  let own: OwnRedis;
  let limiter: RedisRateLimiter;
  const metrics = createMetrics();
  const { logger, lines } = capturedLogger();
  let liveNodes = 3;

  beforeAll(async () => {
    own = await startRedisServer();
    limiter = new RedisRateLimiter({
      client: await readyClient(own.url),
      prefix: "kgtest:",
      liveNodes: () => liveNodes,
      metrics,
      logger,
    });
  });
  afterAll(async () => {
    await limiter.close();
    await own.stop();
  });

  it("answers from memory with each limit divided by the live nodes, logs once, and goes back by itself", async () => {
    const checks = [{ limiterKey: "key:key_1:default", limit: 10, windowMs: 60_000 }];
    expect((await limiter.limitAll(checks, 1, T0)).tightest).toMatchObject({ limit: 10, remaining: 9 });
    expect(await metricValue(metrics, "keygate_rate_limit_fallback")).toBe(0);

    await own.stop();
    // Answers are never refused for Redis being away; the first may still have tried it.
    await limiter.limitAll(checks, 0, T0);
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const answer = limiter.limitAll(checks, 1, T0 + 1);
      // Down: no command is even sent, the answer comes at once.
      expect(answer).not.toBeInstanceOf(Promise);
      answers.push(await answer);
    }
    // 10 across 3 live nodes: 3 here.
    expect(answers.map((outcome) => outcome.tightest)).toEqual([
      { allowed: true, limit: 3, remaining: 2, resetAtMs: T0 + 60_000 },
      { allowed: true, limit: 3, remaining: 1, resetAtMs: T0 + 60_000 },
      { allowed: true, limit: 3, remaining: 0, resetAtMs: T0 + 60_000 },
      { allowed: false, limit: 3, remaining: 0, resetAtMs: T0 + 80_000 },
    ]);
    // A node fewer: each one's share grows.
    liveNodes = 2;
    expect((await limiter.limitAll(checks, 1, T0 + 2)).tightest).toMatchObject({ allowed: true, limit: 5 });
    expect(limiter.fallingBack).toBe(true);
    expect(await metricValue(metrics, "keygate_rate_limit_fallback")).toBe(1);
    expect(await metricValue(metrics, "keygate_rate_limit_fallback_total")).toBe(6);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [
        40,
        "rate limits: Redis is unreachable; answering them from this node's memory, each limit divided by the live nodes, until it is back",
      ],
    ]);

    await own.start();
    await until(() => !limiter.fallingBack, "the limiter back on Redis");
    expect(await metricValue(metrics, "keygate_rate_limit_fallback")).toBe(0);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [
        40,
        "rate limits: Redis is unreachable; answering them from this node's memory, each limit divided by the live nodes, until it is back",
      ],
      [30, "rate limits: Redis is back; every node counts against the same limits again"],
    ]);
    // Redis again (started empty): the whole limit, counted there.
    const back = limiter.limitAll(checks, 1, T0 + 3);
    expect(back).toBeInstanceOf(Promise);
    expect((await back).tightest).toEqual({ allowed: true, limit: 10, remaining: 9, resetAtMs: T0 + 60_000 });
    expect(await metricValue(metrics, "keygate_rate_limit_fallback_total")).toBe(6);
  });
});
