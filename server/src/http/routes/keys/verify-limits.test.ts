/**
 * Rate limits and quotas as verification applies them, through both doors (route and lane), with
 * the rate limits in memory (one node) and in Redis (a cluster: the machine's Redis under a key
 * prefix of this file's own, deleted afterwards; skipped with a reason when there is none).
 */
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Backend, backends } from "../../../../test/backends.js";
import { createTestService, seedRootKey, seedWorkspace, type TestService } from "../../../../test/harness.js";
import { insertKey, keyRow, rotateKey } from "../../../../test/key-fixtures.js";
import {
  deleteRedisPrefix,
  redisSkipReason,
  testRedisUrl,
  uniqueRedisPrefix,
} from "../../../../test/redis-server.js";
import { verifyDoors } from "../../../../test/verify-doors.js";
import { redisCommandClient } from "../../../cluster/redis-connection.js";
import { RedisRateLimiter } from "../../../cluster/redis-rate-limiter.js";
import { createMetrics } from "../../../observability/metrics.js";

const redisAbsent = await redisSkipReason();
if (redisAbsent) console.log(`skipping the verify rate limit tests on Redis: ${redisAbsent}`);
const redisPrefix = uniqueRedisPrefix();
afterAll(async () => {
  if (!redisAbsent) await deleteRedisPrefix(testRedisUrl, redisPrefix);
});

/** A test service whose rate limits live in Redis. */
async function serviceOnRedis(backend: Backend): Promise<TestService> {
  const rateLimiter = new RedisRateLimiter({
    client: redisCommandClient(testRedisUrl),
    prefix: redisPrefix,
    liveNodes: () => 1,
    metrics: createMetrics(),
    logger: pino({ level: "silent" }),
  });
  if (!(await rateLimiter.ready(5_000))) throw new Error(`Redis at ${testRedisUrl} is not ready`);
  return createTestService({ backend, rateLimiter });
}

const limiters = [
  { name: "memory", start: (backend: Backend) => createTestService({ backend }) },
  ...(redisAbsent ? [] : [{ name: "Redis", start: serviceOnRedis }]),
];

describe.each(backends)("verify rate limits and quotas on $name", (backend) => {
  describe.each(limiters)("with the rate limits in $name", (limiter) => {
    let service: TestService;
    let wsId: string;
    let root: string;
    const doors = verifyDoors();

    beforeAll(async () => {
      service = await limiter.start(backend);
      wsId = (await seedWorkspace(service)).workspace.id;
      root = await seedRootKey(service, wsId, ["keys:verify"]);
      await doors.open(service);
    });
    afterAll(async () => service.close());

    let hour = 0;
    beforeEach(() => {
      // Each test starts on a whole hour of its own (rate limit windows align to it).
      hour += 1;
      service.clock.set(new Date(Date.parse("2026-06-02T00:00:00.000Z") + hour * 3_600_000));
    });

    it("answers a cached key with rate limits and no quota at once in memory, after Redis's answer in Redis", async () => {
      const key = await insertKey(service, wsId, { rateLimit: { limit: 5, windowMs: 60_000 } });
      const first = await service.ctx.verifier.verify(wsId, "own", { key: key.secret });
      expect(first.code).toBe("VALID");
      const cached = service.ctx.verifier.verify(wsId, "own", { key: key.secret });
      expect(cached instanceof Promise).toBe(limiter.name === "Redis");
      expect(JSON.parse((await cached).body)).toMatchObject({
        code: "VALID",
        ratelimit: { limit: 5, remaining: 3 },
      });
    });

    describe.each(doors.all)("through $name", (door) => {
      it("answers a limited key's VALID with every detail and its rate limit and quota filled in", async () => {
        const key = await insertKey(service, wsId, {
          name: "limited",
          scopes: ["orders:read"],
          meta: { customer: "c_7", note: "ünïcode" },
          rateLimit: { limit: 5, windowMs: 60_000 },
          quota: { remaining: 3 },
        });
        expect(await door.verify(root, { key: key.secret })).toEqual({
          valid: true,
          code: "VALID",
          keyId: key.id,
          name: "limited",
          appId: null,
          workspaceId: wsId,
          externalId: null,
          identity: null,
          scopes: ["orders:read"],
          meta: { customer: "c_7", note: "ünïcode" },
          expiresAt: null,
          ratelimit: {
            limit: 5,
            remaining: 4,
            resetAt: new Date(service.clock.nowMs() + 60_000).toISOString(),
          },
          ratelimits: [
            {
              name: "default",
              limit: 5,
              remaining: 4,
              resetAt: new Date(service.clock.nowMs() + 60_000).toISOString(),
            },
          ],
          quota: { remaining: 2 },
        });
      });

      describe("rate limits", () => {
        it("lets `limit` verifications through per window, then answers RATE_LIMITED with when it frees", async () => {
          const t0 = service.clock.nowMs();
          const key = await insertKey(service, wsId, { rateLimit: { limit: 3, windowMs: 60_000 } });
          const resetAt = new Date(t0 + 60_000).toISOString();
          for (const remaining of [2, 1, 0]) {
            expect(await door.verify(root, { key: key.secret })).toMatchObject({
              valid: true,
              code: "VALID",
              ratelimit: { limit: 3, remaining, resetAt },
              quota: null,
            });
          }
          const frees = { limit: 3, remaining: 0, resetAt: new Date(t0 + 80_000).toISOString() };
          expect(await door.verify(root, { key: key.secret })).toEqual({
            valid: false,
            code: "RATE_LIMITED",
            keyId: key.id,
            ratelimit: frees,
            ratelimits: [{ name: "default", ...frees }],
          });
          service.clock.advance(80_000);
          expect(await door.verify(root, { key: key.secret })).toMatchObject({
            valid: true,
            ratelimit: { limit: 3, remaining: 0, resetAt: new Date(t0 + 120_000).toISOString() },
          });
        });

        it("spends `cost` under the rate limit, and cost 0 checks it without spending", async () => {
          const t0 = service.clock.nowMs();
          const key = await insertKey(service, wsId, { rateLimit: { limit: 10, windowMs: 60_000 } });
          const windowEnd = new Date(t0 + 60_000).toISOString();
          const left = (remaining: number) => ({ limit: 10, remaining, resetAt: windowEnd });
          expect(await door.verify(root, { key: key.secret, cost: 4 })).toMatchObject({
            code: "VALID",
            ratelimit: left(6),
            ratelimits: [{ name: "default", ...left(6) }],
          });
          expect(await door.verify(root, { key: key.secret, cost: 0 })).toMatchObject({
            code: "VALID",
            ratelimit: left(6),
          });
          // 7 more do not fit: 4 spent at t0 weigh 4 * (60000 - e) / 60000 next window, 3 at e = 15000.
          const frees = { limit: 10, remaining: 0, resetAt: new Date(t0 + 75_000).toISOString() };
          expect(await door.verify(root, { key: key.secret, cost: 7 })).toEqual({
            valid: false,
            code: "RATE_LIMITED",
            keyId: key.id,
            ratelimit: frees,
            ratelimits: [{ name: "default", ...frees }],
          });
          expect(await door.verify(root, { key: key.secret, cost: 6 })).toMatchObject({
            code: "VALID",
            ratelimit: left(0),
          });
          expect(await door.verify(root, { key: key.secret, cost: 0 })).toMatchObject({
            code: "VALID",
            ratelimit: left(0),
          });
          expect(await door.verify(root, { key: key.secret, cost: 1 })).toMatchObject({
            code: "RATE_LIMITED",
          });
        });

        it("checks every named limit at once: a request one refuses spends under none", async () => {
          const t0 = service.clock.nowMs();
          const key = await insertKey(service, wsId, {
            rateLimits: [
              { name: "a", limit: 5, windowMs: 60_000 },
              { name: "b", limit: 2, windowMs: 60_000 },
            ],
          });
          const windowEnd = new Date(t0 + 60_000).toISOString();
          expect(await door.verify(root, { key: key.secret })).toMatchObject({
            code: "VALID",
            ratelimit: { limit: 2, remaining: 1, resetAt: windowEnd },
          });
          expect(await door.verify(root, { key: key.secret })).toMatchObject({
            code: "VALID",
            ratelimit: { limit: 2, remaining: 0, resetAt: windowEnd },
            ratelimits: [
              { name: "a", limit: 5, remaining: 3, resetAt: windowEnd },
              { name: "b", limit: 2, remaining: 0, resetAt: windowEnd },
            ],
          });
          // b refuses the third: a keeps its 3; b frees once half its window has slid out.
          const bFrees = { limit: 2, remaining: 0, resetAt: new Date(t0 + 90_000).toISOString() };
          expect(await door.verify(root, { key: key.secret })).toEqual({
            valid: false,
            code: "RATE_LIMITED",
            keyId: key.id,
            ratelimit: bFrees,
            ratelimits: [
              { name: "a", limit: 5, remaining: 3, resetAt: windowEnd },
              { name: "b", ...bFrees },
            ],
          });
          // Had a counted the refused request, 3 at t0 would weigh 1.5 here and leave it 2.
          service.clock.set(new Date(t0 + 90_000));
          const nextEnd = new Date(t0 + 120_000).toISOString();
          expect(await door.verify(root, { key: key.secret })).toMatchObject({
            code: "VALID",
            ratelimit: { limit: 2, remaining: 0, resetAt: nextEnd },
            ratelimits: [
              { name: "a", limit: 5, remaining: 3, resetAt: nextEnd },
              { name: "b", limit: 2, remaining: 0, resetAt: nextEnd },
            ],
          });
        });

        it("gives exactly 10 of 100 parallel verifications through on a rate limit of 10", async () => {
          const key = await insertKey(service, wsId, { rateLimit: { limit: 10, windowMs: 60_000 } });
          const answers = await Promise.all(
            Array.from({ length: 100 }, () => door.verify(root, { key: key.secret })),
          );
          const codes = answers.map((answer) => answer.code);
          expect(codes.filter((code) => code === "VALID")).toHaveLength(10);
          expect(codes.filter((code) => code === "RATE_LIMITED")).toHaveLength(90);
          const remaining = answers
            .filter((answer) => answer.valid === true)
            .map((answer) => (answer.ratelimit as { remaining: number }).remaining)
            .sort((a, b) => a - b);
          expect(remaining).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        });

        it("shares one limit between a key's current and old secret", async () => {
          const key = await insertKey(service, wsId, { rateLimit: { limit: 2, windowMs: 60_000 } });
          const rotated = await rotateKey(service, key, new Date(service.clock.nowMs() + 3_600_000));
          expect(await door.verify(root, { key: key.secret })).toMatchObject({ valid: true });
          expect(await door.verify(root, { key: rotated.secret })).toMatchObject({ valid: true });
          expect(await door.verify(root, { key: key.secret })).toMatchObject({ code: "RATE_LIMITED" });
          expect(await door.verify(root, { key: rotated.secret })).toMatchObject({ code: "RATE_LIMITED" });
        });

        it("judges scopes before the rate limit, so a refused scope spends nothing", async () => {
          const key = await insertKey(service, wsId, {
            scopes: ["a"],
            rateLimit: { limit: 1, windowMs: 60_000 },
          });
          expect(await door.verify(root, { key: key.secret, scopes: ["b"] })).toMatchObject({
            code: "INSUFFICIENT_SCOPE",
          });
          expect(await door.verify(root, { key: key.secret, scopes: ["a"] })).toMatchObject({ valid: true });
        });
      });

      describe("quotas", () => {
        it("spends the quota, then answers USAGE_EXCEEDED with what is left", async () => {
          const key = await insertKey(service, wsId, { quota: { remaining: 2 } });
          expect(await door.verify(root, { key: key.secret })).toMatchObject({
            valid: true,
            ratelimit: null,
            quota: { remaining: 1 },
          });
          expect(await door.verify(root, { key: key.secret })).toMatchObject({ quota: { remaining: 0 } });
          expect(await door.verify(root, { key: key.secret })).toEqual({
            valid: false,
            code: "USAGE_EXCEEDED",
            keyId: key.id,
            quota: { remaining: 0 },
          });
          expect(await door.verify(root, { key: key.secret, cost: 0 })).toMatchObject({
            valid: true,
            quota: { remaining: 0 },
          });
          expect((await keyRow(service, key.id)).quota_remaining).toBe(0);
        });

        it("spends `cost` units and refuses a cost larger than what is left without spending", async () => {
          const key = await insertKey(service, wsId, { quota: { remaining: 10 } });
          expect(await door.verify(root, { key: key.secret, cost: 7 })).toMatchObject({
            quota: { remaining: 3 },
          });
          expect(await door.verify(root, { key: key.secret, cost: 4 })).toEqual({
            valid: false,
            code: "USAGE_EXCEEDED",
            keyId: key.id,
            quota: { remaining: 3 },
          });
          expect(await door.verify(root, { key: key.secret, cost: 3 })).toMatchObject({
            quota: { remaining: 0 },
          });
        });

        it("refills the quota once its interval has passed", async () => {
          const key = await insertKey(service, wsId, {
            quota: { remaining: 1, refill: { amount: 5, interval: "day" } },
          });
          expect(await door.verify(root, { key: key.secret })).toMatchObject({ quota: { remaining: 0 } });
          service.clock.advance(86_399_999);
          expect(await door.verify(root, { key: key.secret })).toMatchObject({ code: "USAGE_EXCEEDED" });
          service.clock.advance(1);
          expect(await door.verify(root, { key: key.secret })).toMatchObject({
            valid: true,
            quota: { remaining: 4 },
          });
          const row = await keyRow(service, key.id);
          expect(row.quota_remaining).toBe(4);
          expect(row.quota_refilled_at?.toISOString()).toBe(service.clock.now().toISOString());
        });

        it("refills a monthly quota by the calendar month", async () => {
          service.clock.set("2026-07-01T00:00:00.000Z");
          const key = await insertKey(service, wsId, {
            quota: { remaining: 0, refill: { amount: 100, interval: "month" } },
          });
          service.clock.set("2026-07-31T23:59:59.999Z");
          expect(await door.verify(root, { key: key.secret })).toMatchObject({ code: "USAGE_EXCEEDED" });
          service.clock.set("2026-08-01T00:00:00.000Z");
          expect(await door.verify(root, { key: key.secret })).toMatchObject({ quota: { remaining: 99 } });
        });

        it("judges the rate limit first: a rate-limited verification spends no quota", async () => {
          const key = await insertKey(service, wsId, {
            rateLimit: { limit: 1, windowMs: 60_000 },
            quota: { remaining: 5 },
          });
          expect(await door.verify(root, { key: key.secret })).toMatchObject({
            valid: true,
            ratelimit: { limit: 1, remaining: 0 },
            quota: { remaining: 4 },
          });
          expect(await door.verify(root, { key: key.secret })).toMatchObject({ code: "RATE_LIMITED" });
          expect((await keyRow(service, key.id)).quota_remaining).toBe(4);
        });

        it("gives exactly 10 of 100 parallel verifications through on a quota of 10", async () => {
          const key = await insertKey(service, wsId, { quota: { remaining: 10 } });
          const answers = await Promise.all(
            Array.from({ length: 100 }, () => door.verify(root, { key: key.secret })),
          );
          const codes = answers.map((answer) => answer.code);
          expect(codes.filter((code) => code === "VALID")).toHaveLength(10);
          expect(codes.filter((code) => code === "USAGE_EXCEEDED")).toHaveLength(90);
          const remaining = answers
            .filter((answer) => answer.valid === true)
            .map((answer) => (answer.quota as { remaining: number }).remaining)
            .sort((a, b) => a - b);
          expect(remaining).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
          expect((await keyRow(service, key.id)).quota_remaining).toBe(0);
        });
      });
    });
  });
});
