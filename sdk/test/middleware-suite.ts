/**
 * One test suite for every Keygate middleware (Express, Fastify, Hono, fetch): each test file gives
 * a function that serves `GET /orders` through its framework on a free port of 127.0.0.1, protected
 * by the middleware made of the given options and answering 200 `{ keygate }` (the request's
 * result). The suite drives it over real HTTP against a live Keygate: every status, header and
 * body a client can get, and that no answer or log line ever holds a key.
 *
 * @example
 * describeMiddleware("express", async (options) => { ...listen...; return { url, close } });
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../e2e/harness/free-port.js";
import { Keygate, KeygateOptionError } from "../src/index.js";
import type { ClientChoice, GuardOptions, MiddlewareLogger } from "../src/middleware/core.js";
import { type LiveKeygate, startLiveKeygate } from "./live-keygate.js";

/** The options the suite passes: no functions of the request, so every framework takes them as they are. */
export type SuiteOptions = ClientChoice &
  Pick<GuardOptions<never>, "header" | "trustProxy" | "failOpen" | "logger"> & {
    scopes?: string[];
    cost?: number;
  };

export interface ServedApi {
  /** `http://127.0.0.1:<port>` */
  url: string;
  close(): Promise<void>;
}

/** Serves `GET /orders` behind the middleware made of `options`, answering 200 `{ keygate }`. */
export type ServeProtected = (options: SuiteOptions) => Promise<ServedApi>;

/** Builds the middleware alone (no server), to check it refuses bad options at once. */
export type MakeMiddleware = (options: SuiteOptions) => unknown;

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export function describeMiddleware(framework: string, serve: ServeProtected, make: MakeMiddleware): void {
  describe(`the ${framework} middleware`, () => {
    let live: LiveKeygate;
    let admin: Keygate;
    let client: Keygate;
    let verifyRootKey: string;
    const logLines: string[] = [];
    const logger: MiddlewareLogger = {
      warn: (message, fields) => logLines.push(`${message} ${JSON.stringify(fields)}`),
    };
    const secrets: string[] = [];
    const answers: Answer[] = [];
    const servers: ServedApi[] = [];
    let api: ServedApi;

    async function start(options: SuiteOptions): Promise<ServedApi> {
      const served = await serve(options);
      servers.push(served);
      return served;
    }

    async function newKey(body: Parameters<Keygate["keys"]["create"]>[0]) {
      const created = await admin.keys.create(body);
      if (typeof created.key !== "string") throw new Error("a token key answers its secret");
      secrets.push(created.key);
      return { id: created.id, key: created.key };
    }

    async function get(target: ServedApi, headers: Record<string, string> = {}): Promise<Answer> {
      const response = await fetch(`${target.url}/orders`, { headers });
      const text = await response.text();
      const answer = { status: response.status, headers: response.headers, body: JSON.parse(text), text };
      answers.push(answer);
      return answer;
    }

    const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

    beforeAll(async () => {
      live = await startLiveKeygate();
      admin = new Keygate({ baseUrl: live.url, rootKey: await live.rootKey(["*"]), cache: false });
      verifyRootKey = await live.rootKey(["keys:verify"]);
      client = new Keygate({ baseUrl: live.url, rootKey: verifyRootKey });
      api = await start({ keygate: client, scopes: ["orders:read"], logger });
    });
    afterAll(async () => {
      for (const served of servers) await served.close();
      await client?.close();
      await admin?.close();
      await live?.close();
    });

    it("passes a valid key with the scope and puts the verification's result on the request", async () => {
      const { id, key } = await newKey({
        name: "reader",
        scopes: ["orders:read"],
        meta: { customer: "c_42" },
      });
      const answer = await get(api, bearer(key));
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        keygate: expect.objectContaining({
          valid: true,
          code: "VALID",
          keyId: id,
          name: "reader",
          workspaceId: live.workspaceId,
          scopes: ["orders:read"],
          meta: { customer: "c_42" },
        }),
      });
      expect(answer.headers.get("ratelimit-limit")).toBeNull();
    });

    it("reads the key from x-api-key when there is no Bearer authorization", async () => {
      const { id, key } = await newKey({ name: "x-api-key", scopes: ["orders:read"] });
      const answer = await get(api, { "x-api-key": key, authorization: "Basic dXNlcjpwYXNz" });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ keygate: { valid: true, keyId: id } });
    });

    it("reads only the header the options name", async () => {
      const { key } = await newKey({ name: "own header", scopes: ["orders:read"] });
      const custom = await start({
        keygate: client,
        scopes: ["orders:read"],
        header: "X-Orders-Key",
        logger,
      });
      expect((await get(custom, { "x-orders-key": key })).status).toBe(200);
      const ignored = await get(custom, bearer(key));
      expect(ignored.status).toBe(401);
      expect(ignored.body).toEqual({ error: { code: "MISSING_KEY", message: "An API key is required." } });
    });

    it("answers 401 MISSING_KEY with a bare Bearer challenge to a request without a key", async () => {
      const answer = await get(api);
      expect(answer.status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="api"');
      expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
      expect(answer.body).toEqual({ error: { code: "MISSING_KEY", message: "An API key is required." } });
    });

    it("answers 401 invalid_token to a malformed, unknown, revoked or disabled key", async () => {
      const challenge = 'Bearer realm="api", error="invalid_token"';
      const malformed = await get(api, bearer("not-a-keygate-key"));
      expect([malformed.status, malformed.headers.get("www-authenticate")]).toEqual([401, challenge]);
      expect(malformed.body).toEqual({
        error: { code: "MALFORMED", message: "The API key is not a valid key." },
      });

      const deleted = await newKey({ name: "deleted", scopes: ["orders:read"] });
      await admin.keys.delete(deleted.id);
      const unknown = await get(api, bearer(deleted.key));
      expect([unknown.status, unknown.headers.get("www-authenticate")]).toEqual([401, challenge]);
      expect(unknown.body).toEqual({ error: { code: "NOT_FOUND", message: "The API key is not valid." } });

      const revoked = await newKey({ name: "revoked", scopes: ["orders:read"] });
      await admin.keys.revoke(revoked.id, { reason: "leaked" });
      const refused = await get(api, bearer(revoked.key));
      expect([refused.status, refused.headers.get("www-authenticate")]).toEqual([401, challenge]);
      expect(refused.body).toEqual({ error: { code: "REVOKED", message: "The API key has been revoked." } });

      const disabled = await newKey({ name: "disabled", scopes: ["orders:read"] });
      await admin.keys.disable(disabled.id);
      const off = await get(api, bearer(disabled.key));
      expect([off.status, off.body]).toEqual([
        401,
        { error: { code: "DISABLED", message: "The API key is disabled." } },
      ]);
    });

    it("answers 403 insufficient_scope naming the scope to a key without it", async () => {
      const { key } = await newKey({ name: "writer", scopes: ["orders:write"] });
      const answer = await get(api, bearer(key));
      expect(answer.status).toBe(403);
      expect(answer.headers.get("www-authenticate")).toBe(
        'Bearer realm="api", error="insufficient_scope", scope="orders:read"',
      );
      expect(answer.body).toEqual({
        error: {
          code: "INSUFFICIENT_SCOPE",
          message: "The API key lacks a required scope (needs orders:read).",
        },
      });
    });

    it("checks the IP allowlist against the peer address, and X-Forwarded-For only with trustProxy", async () => {
      const { key } = await newKey({
        name: "office",
        scopes: ["orders:read"],
        ipAllowlist: ["203.0.113.0/24"],
      });
      const forwarded = { ...bearer(key), "x-forwarded-for": "203.0.113.9" };
      const fromHere = await get(api, forwarded);
      expect([fromHere.status, fromHere.body]).toEqual([
        403,
        { error: { code: "FORBIDDEN_IP", message: "The API key may not be used from this address." } },
      ]);
      const behindProxy = await start({ keygate: client, scopes: ["orders:read"], trustProxy: true, logger });
      expect((await get(behindProxy, forwarded)).status).toBe(200);
      // One trusted proxy: the entry it appended counts, not the one the client wrote before it.
      const spoofed = await get(behindProxy, {
        ...bearer(key),
        "x-forwarded-for": "203.0.113.9, 198.51.100.7",
      });
      expect(spoofed.status).toBe(403);
      const garbage = await get(behindProxy, { ...bearer(key), "x-forwarded-for": "unknown" });
      expect([garbage.status, garbage.body]).toEqual([
        403,
        { error: { code: "FORBIDDEN_IP", message: "The client's address could not be read." } },
      ]);
    });

    it("sends RateLimit headers on passes of a rate-limited key and 429 with Retry-After once over", async () => {
      const { key } = await newKey({
        name: "limited",
        scopes: ["orders:read"],
        rateLimit: { limit: 2, windowMs: 60_000 },
      });
      const first = await get(api, bearer(key));
      expect(first.status).toBe(200);
      expect(first.headers.get("ratelimit-limit")).toBe("2");
      expect(first.headers.get("ratelimit-remaining")).toBe("1");
      expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);
      expect(Number(first.headers.get("ratelimit-reset"))).toBeLessThanOrEqual(60);
      expect((await get(api, bearer(key))).headers.get("ratelimit-remaining")).toBe("0");

      const over = await get(api, bearer(key));
      expect(over.status).toBe(429);
      const retryAfter = Number(over.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(120);
      expect(over.headers.get("ratelimit-limit")).toBe("2");
      expect(over.headers.get("ratelimit-remaining")).toBe("0");
      expect(over.headers.get("ratelimit-reset")).toBe(String(retryAfter));
      expect(over.body).toEqual({
        error: {
          code: "RATE_LIMITED",
          message: `Too many requests with this API key; retry in ${retryAfter} s.`,
        },
      });
    });

    it("answers 429 USAGE_EXCEEDED once the key's quota is used up", async () => {
      const { key } = await newKey({ name: "quota", scopes: ["orders:read"], quota: { remaining: 1 } });
      const first = await get(api, bearer(key));
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ keygate: { quota: { remaining: 0 } } });
      const over = await get(api, bearer(key));
      expect([over.status, over.body]).toEqual([
        429,
        { error: { code: "USAGE_EXCEEDED", message: "The API key's usage quota is used up." } },
      ]);
      // Keygate does not say when a quota refills.
      expect(over.headers.get("retry-after")).toBeNull();
    });

    it("spends the quota units of the cost option on each request", async () => {
      const { key } = await newKey({ name: "costly", scopes: ["orders:read"], quota: { remaining: 5 } });
      const costly = await start({ keygate: client, scopes: ["orders:read"], cost: 3, logger });
      expect((await get(costly, bearer(key))).body).toMatchObject({
        keygate: { valid: true, quota: { remaining: 2 } },
      });
      expect((await get(costly, bearer(key))).body).toMatchObject({ error: { code: "USAGE_EXCEEDED" } });
    });

    it("answers 503 KEYGATE_UNAVAILABLE when Keygate is unreachable, and logs why without the key", async () => {
      const { key } = await newKey({ name: "outage", scopes: ["orders:read"] });
      const closedPort = await freePort();
      const down = await start({
        baseUrl: `http://127.0.0.1:${closedPort}`,
        rootKey: verifyRootKey,
        retries: 0,
        scopes: ["orders:read"],
        logger,
      });
      const before = logLines.length;
      const answer = await get(down, bearer(key));
      expect(answer.status).toBe(503);
      expect(answer.headers.get("retry-after")).toBe("1");
      expect(answer.body).toEqual({
        error: {
          code: "KEYGATE_UNAVAILABLE",
          message: "API keys cannot be checked right now; try again shortly.",
        },
      });
      expect(logLines.slice(before)).toEqual([
        expect.stringMatching(
          /^Keygate could not verify an API key; answering 503 \{"code":"NETWORK_ERROR","status":0,/,
        ),
      ]);
    });

    it("answers 503 when Keygate refuses the middleware's root key, and logs the server's code", async () => {
      const { key } = await newKey({ name: "bad root key", scopes: ["orders:read"] });
      const refusedRoot = await start({
        baseUrl: live.url,
        rootKey: "kg_root_not_a_root_key",
        scopes: ["orders:read"],
        logger,
      });
      const answer = await get(refusedRoot, bearer(key));
      expect([answer.status, answer.body]).toMatchObject([503, { error: { code: "KEYGATE_UNAVAILABLE" } }]);
      expect(logLines.at(-1)).toMatch(/answering 503 \{"code":"UNAUTHENTICATED","status":401,/);
    });

    it("lets the request through as UNAVAILABLE with failOpen when Keygate is unreachable", async () => {
      const { key } = await newKey({ name: "fail open", scopes: ["orders:read"] });
      const open = await start({
        baseUrl: `http://127.0.0.1:${await freePort()}`,
        rootKey: verifyRootKey,
        retries: 0,
        scopes: ["orders:read"],
        failOpen: true,
        logger,
      });
      const answer = await get(open, bearer(key));
      expect([answer.status, answer.body]).toEqual([
        200,
        { keygate: { valid: false, code: "UNAVAILABLE", reason: "NETWORK_ERROR", status: 0 } },
      ]);
      expect(logLines.at(-1)).toMatch(
        /^Keygate could not verify an API key; letting the request through \(failOpen\)/,
      );
      // failOpen never lets a request without a key through.
      expect((await get(open)).status).toBe(401);
    });

    it("refuses bad options at once with a KeygateOptionError naming the option", () => {
      const cases: [SuiteOptions, string][] = [
        [{ keygate: client, scopes: "orders:read" as unknown as string[] }, "scopes"],
        [{ keygate: client, header: "not a header" }, "header"],
        [{ keygate: client, trustProxy: -1 }, "trustProxy"],
        [{ keygate: client, failOpen: "yes" as unknown as boolean }, "failOpen"],
        [{ keygate: client, logger: {} as MiddlewareLogger }, "logger"],
        [{ keygate: {} as Keygate }, "keygate"],
        [{ baseUrl: "ftp://keygate", rootKey: verifyRootKey }, "baseUrl"],
        [{ baseUrl: live.url, rootKey: "" }, "rootKey"],
      ];
      for (const [options, option] of cases) {
        let thrown: unknown;
        try {
          make(options);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(KeygateOptionError);
        expect(thrown).toMatchObject({ option });
      }
    });

    it("never puts a key in an answer or a log line", () => {
      expect(secrets.length).toBeGreaterThan(5);
      expect(answers.length).toBeGreaterThan(10);
      for (const secret of secrets) {
        for (const answer of answers) expect(answer.text).not.toContain(secret);
        for (const line of logLines) expect(line).not.toContain(secret);
      }
      expect(logLines.join("\n")).not.toContain(verifyRootKey);
    });
  });
}
