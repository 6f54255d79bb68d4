/**
 * Changes reaching the SDK's cache through the live event stream, and the cache when the stream
 * misbehaves (cut, stalled, resumed), seen through a real proxy between the SDK and Keygate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CacheStatus, Keygate } from "../src/index.js";
import { type CountingProxy, startCountingProxy } from "./counting-proxy.js";
import { createToken } from "./create-token.js";
import { type LiveKeygate, startLiveKeygate } from "./live-keygate.js";
import { waitUntil } from "./wait-until.js";

const VERIFY = "/v1/keys/verify";
const EVENTS = "/v1/events/invalidations";
const HEARTBEAT_MS = 200;

let live: LiveKeygate;
let proxy: CountingProxy;
let admin: Keygate;
let verifierKey: string;

beforeAll(async () => {
  live = await startLiveKeygate({ env: { KEYGATE_EVENTS_HEARTBEAT_MS: String(HEARTBEAT_MS) } });
  proxy = await startCountingProxy(live.url);
  admin = new Keygate({ baseUrl: live.url, rootKey: await live.rootKey(["*"]), cache: false });
  verifierKey = await live.rootKey(["keys:verify"]);
});
afterAll(async () => {
  await proxy.close();
  await live.close();
});

/** A cached client whose stream is live, and the statuses it reported. */
async function liveClient(cache: { fallbackTtlMs?: number } = {}) {
  const statuses: CacheStatus[] = [];
  const keygate = new Keygate({
    baseUrl: proxy.url,
    rootKey: verifierKey,
    cache,
    onCacheStatus: (status) => statuses.push(status),
  });
  await keygate.keys.verify({ key: (await createToken(admin, { name: "warm-up" })).key });
  await waitUntil(() => keygate.cacheMetrics().live, 5_000, "the stream going live");
  return { keygate, statuses };
}

/** A key cached by this client (its creation's own invalidation already heard). */
async function cachedKey(keygate: Keygate, name: string) {
  const before = keygate.cacheMetrics().invalidations;
  const created = await createToken(admin, { name });
  await waitUntil(() => keygate.cacheMetrics().invalidations > before, 2_000, "the creation's event");
  await keygate.keys.verify({ key: created.key });
  const requests = proxy.count(VERIFY);
  expect((await keygate.keys.verify({ key: created.key })).code).toBe("VALID");
  expect(proxy.count(VERIFY)).toBe(requests);
  return created;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

describe("invalidations reaching the cache", () => {
  it("drops a revoked key within 100 ms (p99 over 40 revokes) of the management call's answer", async () => {
    const { keygate } = await liveClient();
    const delays: number[] = [];
    for (let i = 0; i < 40; i++) {
      const { id, key } = await cachedKey(keygate, `revoke-${i}`);
      const before = keygate.cacheMetrics().invalidations;
      await admin.keys.revoke(id, { reason: "test" });
      const answered = performance.now();
      await waitUntil(() => keygate.cacheMetrics().invalidations > before, 2_000, "the revoke's event");
      delays.push(performance.now() - answered);
      expect(await keygate.keys.verify({ key })).toEqual({ valid: false, code: "REVOKED", keyId: id });
    }
    delays.sort((a, b) => a - b);
    expect(percentile(delays, 99)).toBeLessThan(100);
    await keygate.close();
  });

  it("answers the server's new answer after a disable, a rotation and a delete", async () => {
    const { keygate } = await liveClient();
    const disabled = await cachedKey(keygate, "to-disable");
    await admin.keys.disable(disabled.id);
    await waitUntil(() => keygate.cacheMetrics().entries === 0 || proxy.count(VERIFY) < 0, 50).catch(
      () => {},
    );
    const rotated = await cachedKey(keygate, "to-rotate");
    const deleted = await cachedKey(keygate, "to-delete");
    const before = keygate.cacheMetrics().invalidations;
    const rotation = await admin.keys.rotate(rotated.id, { gracePeriodSeconds: 0 });
    await admin.keys.delete(deleted.id);
    await waitUntil(() => keygate.cacheMetrics().invalidations >= before + 2, 2_000, "both events");
    expect(await keygate.keys.verify({ key: disabled.key })).toEqual({
      valid: false,
      code: "DISABLED",
      keyId: disabled.id,
    });
    expect(await keygate.keys.verify({ key: rotated.key })).toEqual({
      valid: false,
      code: "EXPIRED",
      keyId: rotated.id,
    });
    expect((await keygate.keys.verify({ key: rotation.key ?? "" })).code).toBe("VALID");
    expect(await keygate.keys.verify({ key: deleted.key })).toEqual({ valid: false, code: "NOT_FOUND" });
    await keygate.close();
  });
});

describe("when the stream is down", () => {
  it("reports it, trusts entries for fallbackTtlMs only, and goes live again", async () => {
    const { keygate, statuses } = await liveClient({ fallbackTtlMs: 400 });
    const { key } = await cachedKey(keygate, "fallback");
    proxy.cutEvents(true);
    await waitUntil(() => !keygate.cacheMetrics().live, 2_000, "the stream going down");
    expect(statuses.at(-1)).toEqual({ live: false, reason: expect.any(String) });
    expect(keygate.cacheMetrics().degradedSince).toBeInstanceOf(Date);
    const requests = proxy.count(VERIFY);
    expect((await keygate.keys.verify({ key })).code).toBe("VALID");
    expect(proxy.count(VERIFY), "an entry younger than fallbackTtlMs is still a hit").toBe(requests);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect((await keygate.keys.verify({ key })).code).toBe("VALID");
    expect(proxy.count(VERIFY), "an older one is a miss").toBe(requests + 1);
    proxy.cutEvents(false);
    await waitUntil(() => keygate.cacheMetrics().live, 5_000, "the stream going live again");
    expect(statuses.at(-1)).toEqual({ live: true });
    expect(keygate.cacheMetrics().degradedSince).toBeNull();
    await keygate.close();
  });

  it("counts a stream that sends no byte for 2.5 heartbeats as down", async () => {
    const { keygate, statuses } = await liveClient();
    proxy.stallEvents(true);
    const stalled = performance.now();
    await waitUntil(() => !keygate.cacheMetrics().live, 3_000, "the watchdog");
    // The watchdog counts from the last byte, at most a heartbeat before the stall began.
    expect(performance.now() - stalled).toBeGreaterThanOrEqual(HEARTBEAT_MS * 1.5);
    expect(statuses.at(-1)).toEqual({ live: false, reason: `no heartbeat for ${HEARTBEAT_MS * 2.5} ms` });
    proxy.stallEvents(false);
    await waitUntil(() => keygate.cacheMetrics().live, 5_000, "the stream going live again");
    await keygate.close();
  });

  it("resumes with Last-Event-ID: hears what it missed and keeps the rest of the cache", async () => {
    const { keygate } = await liveClient();
    const kept = await cachedKey(keygate, "kept");
    const missed = await cachedKey(keygate, "missed");
    const entries = keygate.cacheMetrics().entries;
    proxy.cutEvents(true);
    await waitUntil(() => !keygate.cacheMetrics().live, 2_000, "the stream going down");
    await admin.keys.disable(missed.id);
    proxy.cutEvents(false);
    await waitUntil(() => keygate.cacheMetrics().live, 5_000, "the stream going live again");
    expect(proxy.lastHeaders(EVENTS)?.["last-event-id"]).toMatch(/^.+\..+$/);
    await waitUntil(() => keygate.cacheMetrics().entries === entries - 1, 2_000, "the missed event's replay");
    const requests = proxy.count(VERIFY);
    expect((await keygate.keys.verify({ key: kept.key })).code).toBe("VALID");
    expect(proxy.count(VERIFY), "resumed: the cache was kept").toBe(requests);
    expect(await keygate.keys.verify({ key: missed.key })).toEqual({
      valid: false,
      code: "DISABLED",
      keyId: missed.id,
    });
    expect(proxy.count(VERIFY)).toBe(requests + 1);
    await keygate.close();
  });

  it("drops everything when the server cannot resume (ready.resumed:false)", async () => {
    const { keygate } = await liveClient();
    await cachedKey(keygate, "forgotten");
    const entries = keygate.cacheMetrics().entries;
    expect(entries).toBeGreaterThan(0);
    const stream = keygate.verificationCache?.invalidationStream;
    // An id from another boot of the server: it cannot know what came after it.
    Object.assign(stream ?? {}, { lastEventId: "otherboot.1" });
    stream?.drop("test: reconnect");
    await waitUntil(
      () => keygate.cacheMetrics().entries === 0 && keygate.cacheMetrics().live,
      5_000,
      "the reset",
    );
    expect(proxy.lastHeaders(EVENTS)?.["last-event-id"]).toBe("otherboot.1");
    await keygate.close();
  });
});
