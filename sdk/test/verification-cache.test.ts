/**
 * The local verification cache against a live Keygate, seen through a counting proxy: hits cost no
 * request, every locally judged answer equals the server's for the same request, limited keys and
 * unknown keys always reach the server, the LRU stays bounded, and a miss fenced by an
 * invalidation is not stored.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { generateKey } from "../../server/src/domain/key-format.js";
import { Keygate, type VerifyOptions } from "../src/index.js";
import { type CountingProxy, startCountingProxy } from "./counting-proxy.js";
import { createToken } from "./create-token.js";
import { type LiveKeygate, startLiveKeygate } from "./live-keygate.js";
import { waitUntil } from "./wait-until.js";

const VERIFY = "/v1/keys/verify";

let live: LiveKeygate;
let proxy: CountingProxy;
let admin: Keygate;
let direct: Keygate;
let cached: Keygate;

beforeAll(async () => {
  live = await startLiveKeygate({ env: { KEYGATE_EVENTS_HEARTBEAT_MS: "500" } });
  proxy = await startCountingProxy(live.url);
  const verifier = await live.rootKey(["keys:verify"]);
  admin = new Keygate({ baseUrl: live.url, rootKey: await live.rootKey(["*"]), cache: false });
  direct = new Keygate({ baseUrl: live.url, rootKey: verifier, cache: false });
  cached = new Keygate({ baseUrl: proxy.url, rootKey: verifier });
  // The stream goes live with the first verification.
  await cached.keys.verify({ key: generateKey("acme") });
  await waitUntil(() => cached.cacheMetrics().live, 5_000, "the event stream going live");
});
afterEach(() => proxy.delayVerify(0));
afterAll(async () => {
  await cached.close();
  await proxy.close();
  await live.close();
});

/**
 * Makes a change and waits for the cache to hear of it: a key's creation is an event too (it ends
 * negative entries on the server), and one that arrives after the cache stored the key drops it.
 */
async function changed<T>(change: () => Promise<T>): Promise<T> {
  const before = cached.cacheMetrics().invalidations;
  const result = await change();
  await waitUntil(() => cached.cacheMetrics().invalidations > before, 2_000, "the change's invalidation");
  return result;
}

/** Verifies through the cache after priming it, and checks it made no request. */
async function verifiedLocally(key: string, options: VerifyOptions = {}) {
  await cached.keys.verify({ key });
  const before = proxy.count(VERIFY);
  const answer = await cached.keys.verify({ key }, options);
  expect(proxy.count(VERIFY), "a cached verification made a request").toBe(before);
  return answer;
}

describe("the verification cache", () => {
  it("answers a known key from memory, with no request, the same answer as Keygate's", async () => {
    const { key } = await changed(() =>
      createToken(admin, { name: "cached", scopes: [], meta: { plan: "gold" } }),
    );
    const first = await cached.keys.verify({ key });
    const hitsBefore = cached.cacheMetrics().hits;
    const requests = proxy.count(VERIFY);
    for (let i = 0; i < 50; i++) expect(await cached.keys.verify({ key })).toEqual(first);
    expect(proxy.count(VERIFY)).toBe(requests);
    expect(cached.cacheMetrics().hits).toBe(hitsBefore + 50);
    expect(first).toEqual(await direct.keys.verify({ key }));
    expect(first).toMatchObject({ valid: true, code: "VALID", meta: { plan: "gold" } });
    expect(first).not.toHaveProperty("record");
  });

  it("judges scopes locally exactly as Keygate does", async () => {
    const { key } = await changed(() => createToken(admin, { name: "scoped", scopes: [] }));
    const scoped = (await changed(() => createToken(admin, { name: "scoped-2" }))).key;
    for (const [candidate, scopes] of [
      [key, ["orders:read"]],
      [scoped, []],
    ] as const) {
      const local = await verifiedLocally(candidate, { scopes: [...scopes] });
      expect(local).toEqual(await direct.keys.verify({ key: candidate }, { scopes: [...scopes] }));
    }
    expect(await verifiedLocally(key, { scopes: ["orders:read"] })).toEqual({
      valid: false,
      code: "INSUFFICIENT_SCOPE",
      keyId: expect.stringMatching(/^key_/),
    });
  });

  it("judges IP allowlists locally exactly as Keygate does, IPv4 and IPv6", async () => {
    const { key } = await changed(() =>
      createToken(admin, {
        name: "fenced",
        ipAllowlist: ["203.0.113.0/24", "2001:db8::/32", "198.51.100.7/32"],
      }),
    );
    const addresses = [
      "203.0.113.9",
      "203.0.114.1",
      "198.51.100.7",
      "198.51.100.8",
      "::ffff:203.0.113.200",
      "2001:db8::1",
      "2001:db8:ffff:ffff::ab",
      "2001:db9::1",
      "::1",
      "10.0.0.1",
    ];
    for (const ip of addresses) {
      const local = await verifiedLocally(key, { ip });
      expect([ip, local]).toEqual([ip, await direct.keys.verify({ key }, { ip })]);
    }
    expect((await verifiedLocally(key, { ip: "203.0.113.9" })).code).toBe("VALID");
    expect((await verifiedLocally(key, { ip: "10.0.0.1" })).code).toBe("FORBIDDEN_IP");
  });

  it("judges DISABLED, REVOKED and EXPIRED locally exactly as Keygate does", async () => {
    const disabled = await changed(() => createToken(admin, { name: "off" }));
    await changed(() => admin.keys.disable(disabled.id));
    const revoked = await changed(() => createToken(admin, { name: "gone" }));
    await changed(() => admin.keys.revoke(revoked.id, { reason: "test" }));
    const expiring = await changed(() =>
      createToken(admin, {
        name: "soon",
        expiresAt: new Date(Date.now() + 1_500).toISOString(),
      }),
    );
    await cached.keys.verify({ key: expiring.key });
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    for (const [key, code] of [
      [disabled.key, "DISABLED"],
      [revoked.key, "REVOKED"],
      [expiring.key, "EXPIRED"],
    ] as const) {
      const local = await verifiedLocally(key);
      expect(local).toEqual({ valid: false, code, keyId: expect.stringMatching(/^key_/) });
      expect(local).toEqual(await direct.keys.verify({ key }));
    }
  });

  it("sends every verification of a rate-limited key to Keygate, without asking for its record again", async () => {
    const { key } = await changed(() =>
      createToken(admin, { name: "limited", rateLimit: { limit: 3, windowMs: 60_000 } }),
    );
    const before = proxy.count(VERIFY);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await cached.keys.verify({ key })).code);
    expect(codes).toEqual(["VALID", "VALID", "VALID", "RATE_LIMITED", "RATE_LIMITED"]);
    expect(proxy.count(VERIFY)).toBe(before + 5);
  });

  it("never caches an unknown key, and answers a malformed one offline", async () => {
    const unknown = generateKey("acme");
    const before = proxy.count(VERIFY);
    expect(await cached.keys.verify({ key: unknown })).toEqual({ valid: false, code: "NOT_FOUND" });
    expect(await cached.keys.verify({ key: unknown })).toEqual({ valid: false, code: "NOT_FOUND" });
    expect(proxy.count(VERIFY)).toBe(before + 2);
    const typo = `${unknown.slice(0, -1)}${unknown.endsWith("0") ? "1" : "0"}`;
    expect(await cached.keys.verify({ key: typo })).toEqual({ valid: false, code: "MALFORMED" });
    expect(await cached.keys.verify({ sharedKey: typo, secretKey: unknown })).toEqual({
      valid: false,
      code: "MALFORMED",
    });
    expect(proxy.count(VERIFY)).toBe(before + 2);
    expect(await direct.keys.verify({ key: typo })).toEqual({ valid: false, code: "MALFORMED" });
  });

  it("caches pairs by both halves", async () => {
    const pair = await changed(() => admin.keys.create({ name: "pair", kind: "pair" }));
    const credential = { sharedKey: pair.sharedKey ?? "", secretKey: pair.secretKey ?? "" };
    const first = await cached.keys.verify(credential);
    const before = proxy.count(VERIFY);
    expect(await cached.keys.verify(credential)).toEqual(first);
    expect(proxy.count(VERIFY)).toBe(before);
    expect(first).toEqual(await direct.keys.verify(credential));
    const other = await changed(() => admin.keys.create({ name: "pair-2", kind: "pair" }));
    const mixed = { sharedKey: other.sharedKey ?? "", secretKey: credential.secretKey };
    expect(await cached.keys.verify(mixed)).toEqual(await direct.keys.verify(mixed));
  });

  it("ends an entry at ttlMs even while the stream is live", async () => {
    const short = new Keygate({
      baseUrl: proxy.url,
      rootKey: await live.rootKey(["keys:verify"]),
      cache: { ttlMs: 300 },
    });
    const { key } = await createToken(admin, { name: "short-lived" });
    await short.keys.verify({ key });
    await waitUntil(() => short.cacheMetrics().live, 5_000, "the stream going live");
    await short.keys.verify({ key });
    const before = proxy.count(VERIFY);
    expect((await short.keys.verify({ key })).code).toBe("VALID");
    expect(proxy.count(VERIFY)).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await short.keys.verify({ key })).code).toBe("VALID");
    expect(proxy.count(VERIFY)).toBe(before + 1);
    await short.close();
  });

  it("holds at most maxEntries keys, the least recently used leaving first", async () => {
    const small = new Keygate({
      baseUrl: proxy.url,
      rootKey: await live.rootKey(["keys:verify"]),
      cache: { maxEntries: 2 },
    });
    const keys = await Promise.all(
      [1, 2, 3].map(async (i) => (await changed(() => createToken(admin, { name: `lru-${i}` }))).key),
    );
    for (const key of keys) await small.keys.verify({ key });
    expect(small.cacheMetrics().entries).toBe(2);
    const before = proxy.count(VERIFY);
    await small.keys.verify({ key: keys[2] ?? "" });
    expect(proxy.count(VERIFY)).toBe(before);
    await small.keys.verify({ key: keys[0] ?? "" });
    expect(proxy.count(VERIFY)).toBe(before + 1);
    await small.close();
  });

  it("does not store a record whose key changed while its verification was in flight", async () => {
    const { id, key } = await changed(() => createToken(admin, { name: "racing" }));
    const invalidationsBefore = cached.cacheMetrics().invalidations;
    proxy.delayVerify(400);
    const requests = proxy.count(VERIFY);
    const inFlight = cached.keys.verify({ key });
    // Keygate has the request (it answers in about a millisecond; the proxy holds the answer back).
    await waitUntil(() => proxy.count(VERIFY) > requests, 2_000, "the verification reaching the proxy");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await admin.keys.disable(id);
    await waitUntil(
      () => cached.cacheMetrics().invalidations > invalidationsBefore,
      2_000,
      "the invalidation",
    );
    expect((await inFlight).code).toBe("VALID");
    proxy.delayVerify(0);
    expect(await cached.keys.verify({ key })).toEqual({ valid: false, code: "DISABLED", keyId: id });
  });
});
