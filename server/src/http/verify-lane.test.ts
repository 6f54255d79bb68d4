/**
 * The verify lane over real HTTP: it takes the usual verification and answers exactly as the
 * Fastify route does (compared with `app.inject`, which always runs the route), and leaves every
 * other request to Fastify.
 */
import { Agent, request } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, postgresUrl } from "../../test/backends.js";
import {
  bearer,
  createTestService,
  type SeededWorkspace,
  seedRootKey,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../test/harness.js";
import { type FixtureKey, insertKey } from "../../test/key-fixtures.js";
import { verifyDoors } from "../../test/verify-doors.js";
import { generateKey, keyStart } from "../domain/key-format.js";
import type { Store } from "../store/database.js";
import { migrateToLatest } from "../store/migrate.js";

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** The body with its request id replaced, so two answers to one request compare equal. */
function withoutRequestId(body: unknown): unknown {
  const error = (body as { error?: { requestId?: unknown } }).error;
  return error ? { error: { ...error, requestId: "req_" } } : body;
}

describe("the verify lane", () => {
  let service: TestService;
  let seeded: SeededWorkspace;
  let verifier: string;
  let key: FixtureKey;
  let base: string;

  beforeAll(async () => {
    service = await createTestService();
    seeded = await seedWorkspace(service);
    verifier = await seedRootKey(service, seeded.workspace.id, ["keys:verify"]);
    key = await insertKey(service, seeded.workspace.id, { name: "lane", scopes: ["orders:read"] });
    await service.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}`;
    // The first use of a root key reads the store (through Fastify); from then on it is cached.
    await post({ body: JSON.stringify({ key: key.secret }) });
  });
  afterAll(async () => service.close());

  async function post(options: {
    body: string;
    headers?: Record<string, string>;
    path?: string;
  }): Promise<Answer> {
    const response = await fetch(`${base}${options.path ?? "/v1/keys/verify"}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...bearer(verifier), ...options.headers },
      body: options.body,
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: withoutRequestId(await response.json()),
    };
  }

  /** The same request through Fastify's route. */
  async function inject(options: { body: string; headers?: Record<string, string>; path?: string }) {
    const response = await service.app.inject({
      method: "POST",
      url: options.path ?? "/v1/keys/verify",
      headers: { "content-type": "application/json", ...bearer(verifier), ...options.headers },
      payload: options.body,
    });
    return { status: response.statusCode, body: withoutRequestId(response.json()) };
  }

  async function requestsCounted(status: number): Promise<number> {
    const metrics = await (await fetch(`${base}/metrics`)).text();
    const line = new RegExp(
      `^keygate_http_requests_total\\{method="POST",route="/v1/keys/verify",status="${status}"\\} (\\d+)$`,
      "m",
    ).exec(metrics);
    return Number(line?.[1] ?? 0);
  }

  it("answers a verification with the key's details, a request id and the JSON type", async () => {
    const before = await requestsCounted(200);
    const answer = await post({ body: JSON.stringify({ key: key.secret, scopes: ["orders:read"] }) });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(answer.headers["x-request-id"]).toMatch(/^req_[0-9A-Z]{26}$/);
    expect(answer.body).toEqual({
      valid: true,
      code: "VALID",
      keyId: key.id,
      name: "lane",
      appId: null,
      workspaceId: seeded.workspace.id,
      externalId: null,
      identity: null,
      scopes: ["orders:read"],
      meta: {},
      expiresAt: null,
      ratelimit: null,
      quota: null,
    });
    expect(await requestsCounted(200)).toBe(before + 1);
  });

  it("answers a refusal, a cache miss and an unknown key as the route does", async () => {
    const unknown = generateKey("acme");
    for (const body of [
      { key: key.secret, scopes: ["orders:write"] },
      { key: unknown },
      { key: "acme_not-a-key" },
      { key: key.secret, ip: "203.0.113.7" },
    ]) {
      const text = JSON.stringify(body);
      expect(await post({ body: text })).toMatchObject(await inject({ body: text }));
    }
    expect((await post({ body: JSON.stringify({ key: unknown }) })).body).toEqual({
      valid: false,
      code: "NOT_FOUND",
    });
  });

  it.each([
    ["invalid JSON", '{"key":', 400, "the body is not valid JSON"],
    ["an unknown field", '{"key":"x","bogus":1}', 400, "bogus: unknown field"],
    ["a wrong type", '{"key":42}', 400, "key: Invalid input: expected string, received number"],
    ["neither key nor pair", '{"scopes":[]}', 400, "body: send either key, or sharedKey and secretKey"],
    ["a NUL character", '{"key":"a\\u0000b"}', 400, "key: must not contain the NUL character (\\u0000)"],
    ["a prototype key", '{"__proto__":{"x":1},"key":"y"}', 400, "the body is not valid JSON"],
    ["an array", "[1]", 400, "the body must be a JSON object"],
  ])("refuses %s with the route's exact error", async (_name, body, status, message) => {
    const answer = await post({ body });
    const routed = await inject({ body });
    expect(answer.status).toBe(status);
    expect(routed.status).toBe(status);
    // The very body the route answers (with whatever details it gives), with this code and message.
    expect(answer.body).toEqual(routed.body);
    expect(answer.body).toMatchObject({ error: { code: "VALIDATION_FAILED", message, requestId: "req_" } });
    expect(answer.headers["x-request-id"]).toMatch(/^req_/);
  });

  it("leaves every request it does not take to Fastify, which answers it in full", async () => {
    const weak = await seedRootKey(service, seeded.workspace.id, ["keys:read"]);
    const session = await signInAs(service, seeded.workspace.id, "admin");
    const body = JSON.stringify({ key: key.secret });
    const cases: Array<[Parameters<typeof post>[0], number, string]> = [
      [{ body, headers: { authorization: "" } }, 401, "UNAUTHENTICATED"],
      [{ body, headers: bearer("kg_root_notarealkey") }, 401, "UNAUTHENTICATED"],
      [{ body, headers: bearer(weak) }, 403, "FORBIDDEN"],
      [{ body, headers: { "content-type": "application/xml" } }, 415, "UNSUPPORTED_MEDIA_TYPE"],
      [{ body, path: "/v1/keys/verify?x=1" }, 200, "VALID"],
      [{ body: "", headers: {} }, 400, "VALIDATION_FAILED"],
    ];
    for (const [request, status, code] of cases) {
      const answer = await post(request);
      expect(answer.status).toBe(status);
      const got = answer.body as { code?: string; error?: { code: string } };
      expect(got.error?.code ?? got.code).toBe(code);
    }
    // A signed-in user (cookie, no root key) is judged by Fastify's session check.
    const viaSession = await fetch(`${base}/v1/keys/verify`, {
      method: "POST",
      headers: { "content-type": "application/json", ...session.headers },
      body,
    });
    expect(viaSession.status).toBe(200);
    expect(((await viaSession.json()) as { code: string }).code).toBe("VALID");
  });
  it("refuses a deleted root key at once on a connection that used it a moment before", async () => {
    const doomed = await seedRootKey(service, seeded.workspace.id, ["keys:verify"]);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    const body = JSON.stringify({ key: key.secret });
    const verifyOnOneConnection = () =>
      new Promise<number>((resolve, reject) => {
        const headers = {
          "content-type": "application/json",
          "content-length": body.length,
          ...bearer(doomed),
        };
        const sent = request(`${base}/v1/keys/verify`, { method: "POST", agent, headers }, (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        });
        sent.on("socket", (socket) => sockets.add(socket));
        sent.on("error", reject);
        sent.end(body);
      });
    try {
      expect([await verifyOnOneConnection(), await verifyOnOneConnection()]).toEqual([200, 200]);
      const listed = await service.app.inject({
        method: "GET",
        url: "/v1/root-keys",
        headers: bearer(seeded.rootKey),
      });
      const id = (listed.json() as { data: Array<{ id: string; start: string }> }).data.find(
        (rootKey) => rootKey.start === keyStart(doomed),
      )?.id;
      const removed = await service.app.inject({
        method: "DELETE",
        url: `/v1/root-keys/${id}`,
        headers: bearer(seeded.rootKey),
      });
      expect(removed.statusCode).toBe(204);
      expect(await verifyOnOneConnection()).toBe(401);
      expect(sockets.size).toBe(1);
    } finally {
      agent.destroy();
    }
  });
});

describe.each(backends)("a store outage during a root-key miss on $name", (backend) => {
  let service: TestService;
  let store: Store;
  const doors = verifyDoors();
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);

  beforeAll(async () => {
    // A store of its own (this test breaks it), closed once whoever closes it first.
    const opened = (await backend.openEmpty()).store;
    await migrateToLatest(opened.db);
    let closing: Promise<void> | undefined;
    store = { ...opened, close: () => (closing ??= opened.close()) };
    service = await createTestService({ backend: { ...backend, open: async () => store } });
    await doors.open(service);
    process.on("unhandledRejection", onRejection);
  });
  afterAll(async () => {
    process.off("unhandledRejection", onRejection);
    await service.close();
  });

  it("answers 503 UNAVAILABLE through both doors, stays up and keeps serving cached keys", async () => {
    const seeded = await seedWorkspace(service);
    const cachedRoot = await seedRootKey(service, seeded.workspace.id, ["keys:verify"]);
    const uncached = [
      await seedRootKey(service, seeded.workspace.id, ["keys:verify"]),
      await seedRootKey(service, seeded.workspace.id, ["keys:verify"]),
    ];
    const key = await insertKey(service, seeded.workspace.id, { name: "cached" });
    expect(await doors.lane.verify(cachedRoot, { key: key.secret })).toMatchObject({ code: "VALID" });

    if (store.kind === "postgres") {
      // The database goes away under the open pool: every connection is cut, none comes back.
      const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(store.db);
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`drop database "${rows[0]?.name}" with (force)`);
      await admin.end();
    } else {
      await store.close();
    }

    const unavailable = {
      code: "UNAVAILABLE",
      message: "the key store is not reachable right now; try again shortly",
    };
    for (const [door, rootKey] of [
      [doors.lane, uncached[0]],
      [doors.route, uncached[1]],
    ] as const) {
      const answer = await door.post(rootKey ?? "", { key: key.secret });
      expect(answer.status).toBe(503);
      const body = answer.json() as { error: { requestId: string } };
      expect(body).toEqual({ error: { ...unavailable, requestId: body.error.requestId } });
      expect(body.error.requestId).toMatch(/^req_/);
      expect(answer.headers["x-request-id"]).toBe(body.error.requestId);
    }
    // Still up: the cached root key and key verify from memory, through both doors.
    for (const door of doors.all) {
      expect(await door.verify(cachedRoot, { key: key.secret })).toMatchObject({
        valid: true,
        code: "VALID",
        keyId: key.id,
      });
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(rejections).toEqual([]);
  });
});
