/**
 * The tests both examples pass (each example's server.test.ts runs them against its own process):
 * the public route, 200 with the key's id, 401 without or with a bad key, 403 without the scope,
 * 429 with the rate limit headers, and a revoke that takes effect through the SDK's cache on the
 * very next request after the revoke's answer (the gap is measured and printed).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExampleWorld, startExampleWorld } from "./example-api.js";

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export function describeExample(name: "express-api" | "hono-api"): void {
  describe(`the ${name} example`, () => {
    let world: ExampleWorld;
    const secrets: string[] = [];

    beforeAll(async () => {
      world = await startExampleWorld(name);
    });
    afterAll(async () => {
      await world?.dispose();
    });

    async function newKey(scopes: string[], more: { rateLimit?: { limit: number; windowMs: number } } = {}) {
      const created = await world.admin.keys.create({ name: `${name} ${scopes.join(" ")}`, scopes, ...more });
      if (typeof created.key !== "string") throw new Error("a token key answers its secret");
      secrets.push(created.key);
      return { id: created.id, key: created.key };
    }

    async function call(method: "GET" | "POST", key?: string): Promise<Answer> {
      const response = await fetch(`${world.exampleUrl}/orders`, {
        method,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(method === "POST" ? { "content-type": "application/json" } : {}),
        },
        ...(method === "POST" ? { body: JSON.stringify({ item: "mouse" }) } : {}),
      });
      return { status: response.status, headers: response.headers, body: await response.json() };
    }

    it("answers /health without a key", async () => {
      const response = await fetch(`${world.exampleUrl}/health`);
      expect([response.status, await response.json()]).toEqual([200, { ok: true }]);
    });

    it("lists orders for a key with orders:read and creates one for a key with orders:write", async () => {
      const reader = await newKey(["orders:read"]);
      expect(await call("GET", reader.key)).toMatchObject({
        status: 200,
        body: { orders: [{ id: "ord_1", item: "keyboard", quantity: 1 }], keyId: reader.id },
      });
      const writer = await newKey(["orders:write"]);
      expect(await call("POST", writer.key)).toMatchObject({
        status: 201,
        body: { id: "ord_2", item: "mouse", quantity: 1 },
      });
    });

    it("answers 401 without a key and with an unknown one", async () => {
      const missing = await call("GET");
      expect([missing.status, missing.headers.get("www-authenticate"), missing.body]).toEqual([
        401,
        'Bearer realm="api"',
        { error: { code: "MISSING_KEY", message: "An API key is required." } },
      ]);
      const malformed = await call("GET", "sk_test_not_a_key");
      expect([malformed.status, malformed.headers.get("www-authenticate"), malformed.body]).toEqual([
        401,
        'Bearer realm="api", error="invalid_token"',
        { error: { code: "MALFORMED", message: "The API key is not a valid key." } },
      ]);
    });

    it("answers 403 to a key without the route's scope", async () => {
      const reader = await newKey(["orders:read"]);
      const refused = await call("POST", reader.key);
      expect([refused.status, refused.headers.get("www-authenticate"), refused.body]).toEqual([
        403,
        'Bearer realm="api", error="insufficient_scope", scope="orders:write"',
        {
          error: {
            code: "INSUFFICIENT_SCOPE",
            message: "The API key lacks a required scope (needs orders:write).",
          },
        },
      ]);
    });

    it("answers 429 with Retry-After and RateLimit headers once a key is over its limit", async () => {
      const limited = await newKey(["orders:read"], { rateLimit: { limit: 1, windowMs: 60_000 } });
      const first = await call("GET", limited.key);
      expect([
        first.status,
        first.headers.get("ratelimit-limit"),
        first.headers.get("ratelimit-remaining"),
      ]).toEqual([200, "1", "0"]);
      const over = await call("GET", limited.key);
      expect(over.status).toBe(429);
      expect(over.body).toMatchObject({ error: { code: "RATE_LIMITED" } });
      expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(over.headers.get("ratelimit-limit")).toBe("1");
      expect(over.headers.get("ratelimit-remaining")).toBe("0");
      expect(over.headers.get("ratelimit-reset")).toBe(over.headers.get("retry-after"));
    });

    it("refuses a revoked key on the very next request after the revoke's answer", async () => {
      const reader = await newKey(["orders:read"]);
      // Warm the example's cache with the key; its first verification opens the invalidation stream.
      for (let i = 0; i < 3; i++) expect((await call("GET", reader.key)).status).toBe(200);
      await world.waitForOutput("Keygate cache: live");
      await world.admin.keys.revoke(reader.id, { reason: "leaked" });
      const revokedAt = performance.now();
      const statuses: number[] = [];
      let refused: Answer | undefined;
      while (!refused && performance.now() - revokedAt < 10_000) {
        const answer = await call("GET", reader.key);
        statuses.push(answer.status);
        if (answer.status !== 200) refused = answer;
      }
      const gapMs = performance.now() - revokedAt;
      console.log(
        `${name}: revoke answered; refused after ${gapMs.toFixed(1)} ms, statuses ${statuses.join(",")}`,
      );
      expect(statuses).toEqual([401]);
      expect(refused?.body).toEqual({ error: { code: "REVOKED", message: "The API key has been revoked." } });
    });

    it("never prints a key", () => {
      expect(secrets.length).toBeGreaterThan(3);
      for (const secret of [...secrets, world.verifyRootKey])
        expect(world.exampleOutput()).not.toContain(secret);
    });
  });
}
