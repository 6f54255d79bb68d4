/** Verifications the cache answered locally reach Keygate's usage counts and last use. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Keygate } from "../src/index.js";
import { createToken } from "./create-token.js";
import { type LiveKeygate, startLiveKeygate } from "./live-keygate.js";
import { waitUntil } from "./wait-until.js";

let live: LiveKeygate;
let admin: Keygate;

beforeAll(async () => {
  live = await startLiveKeygate();
  admin = new Keygate({ baseUrl: live.url, rootKey: await live.rootKey(["*"]), cache: false });
});
afterAll(() => live.close());

/** The key's usageCount once it is `expected`, or what it is after `timeoutMs`. */
async function usageCountOf(id: string, expected: number, timeoutMs: number): Promise<number> {
  let count = -1;
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    count = (await admin.keys.get(id)).usageCount;
    if (count === expected) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return count;
}

describe("usage reports", () => {
  it("counts every locally answered VALID verification in usageCount and last use once the client closes", async () => {
    const { id, key } = await createToken(admin, { name: "busy", scopes: [] });
    const keygate = new Keygate({ baseUrl: live.url, rootKey: await live.rootKey(["keys:verify"]) });
    await keygate.keys.verify({ key });
    await waitUntil(() => keygate.cacheMetrics().live, 5_000, "the stream going live");
    // The first answer may have been fenced by the stream's first `ready`; this one is stored.
    await keygate.keys.verify({ key });
    const hitsBefore = keygate.cacheMetrics().hits;
    for (let i = 0; i < 25; i++)
      expect((await keygate.keys.verify({ key }, { ip: "203.0.113.5" })).code).toBe("VALID");
    // Refusals are reported too (the usage buckets count them); usageCount and last use are VALID's.
    for (let i = 0; i < 3; i++) {
      expect((await keygate.keys.verify({ key }, { scopes: ["orders:write"] })).code).toBe(
        "INSUFFICIENT_SCOPE",
      );
    }
    expect(keygate.cacheMetrics().hits - hitsBefore).toBe(28);
    await keygate.close();
    expect(await usageCountOf(id, 27, 3_000)).toBe(27);
    const { lastUsedIp, lastUsedAt } = await admin.keys.get(id);
    expect(lastUsedIp).toBe("203.0.113.5");
    expect(Date.now() - Date.parse(lastUsedAt ?? "")).toBeLessThan(10_000);
  });

  it("sends reports every 5 s while the client runs", async () => {
    const { id, key } = await createToken(admin, { name: "steady" });
    const keygate = new Keygate({ baseUrl: live.url, rootKey: await live.rootKey(["keys:verify"]) });
    await keygate.keys.verify({ key });
    await waitUntil(() => keygate.cacheMetrics().live, 5_000, "the stream going live");
    await keygate.keys.verify({ key });
    const hitsBefore = keygate.cacheMetrics().hits;
    for (let i = 0; i < 10; i++) await keygate.keys.verify({ key }, { ip: "198.51.100.4" });
    expect(keygate.cacheMetrics().hits - hitsBefore).toBe(10);
    expect(await usageCountOf(id, 12, 8_000)).toBe(12);
    expect((await admin.keys.get(id)).lastUsedIp).toBe("198.51.100.4");
    await keygate.close();
  });
});
