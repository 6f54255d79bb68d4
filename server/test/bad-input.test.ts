/**
 * Bad input against real routes: every refusal is a clear 4xx with exactly
 * `{ error: { code, message, requestId } }` (the id also in `x-request-id`), never a 500, never a
 * stack trace, and nothing changes.
 */
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "./backends.js";
import {
  bearer,
  createTestService,
  type SeededWorkspace,
  seedWorkspace,
  type TestService,
} from "./harness.js";

const NOT_AN_OBJECT = "the body must be a JSON object";
const NOT_AN_OBJECT_DETAILS = [{ path: "body", message: "must be a JSON object" }];
const NUL = "must not contain the NUL character (\\u0000)";
const SURROGATE = "must not contain a lone UTF-16 surrogate (such as \\ud800 without its pair)";

/**
 * Asserts the exact refusal: status, error body and nothing else, request id in body and header,
 * and the per-field `details` of a validation failure (none when `details` is not given).
 */
function expectRefusal(
  response: LightMyRequestResponse,
  status: number,
  code: string,
  message: string | RegExp,
  details?: Array<{ path: string; message: string | RegExp }>,
) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
  const requestId = response.headers["x-request-id"];
  expect(requestId).toMatch(/^req_[0-9A-Z]{26}$/);
  const text = (expected: string | RegExp) =>
    typeof expected === "string" ? expected : expect.stringMatching(expected);
  expect(response.json()).toEqual({
    error: {
      code,
      message: text(message),
      requestId,
      ...(details
        ? { details: details.map((detail) => ({ ...detail, message: text(detail.message) })) }
        : {}),
    },
  });
  expect(response.body).not.toMatch(/Error:|\bat .+:\d+:\d+|stack|FST_/);
}

describe.each(backends)("bad input on $name", (backend) => {
  let service: TestService;
  let seeded: SeededWorkspace;
  let rootKeysBefore = 0;

  const countRootKeys = async () =>
    (await service.store.db.selectFrom("root_keys").select("id").execute()).length;

  beforeAll(async () => {
    service = await createTestService({ backend });
    seeded = await seedWorkspace(service);
    rootKeysBefore = await countRootKeys();
  });
  afterAll(async () => service.close());

  const send = (options: InjectOptions) =>
    service.app.inject({ ...options, headers: { ...bearer(seeded.rootKey), ...(options.headers ?? {}) } });
  const postRaw = (payload: string, contentType = "application/json") =>
    send({ method: "POST", url: "/v1/root-keys", headers: { "content-type": contentType }, payload });
  const postJson = (payload: unknown) => postRaw(JSON.stringify(payload));

  describe("bodies", () => {
    it("refuses malformed JSON", async () => {
      for (const payload of ['{"name": "x",', "{name: 'x'}", "nope", '{"name":"x"} trailing']) {
        expectRefusal(await postRaw(payload), 400, "VALIDATION_FAILED", "the body is not valid JSON");
      }
    });

    it("refuses a JSON array, string, number or null where an object is expected", async () => {
      for (const payload of ["[]", '[{"name":"x","permissions":["*"]}]', '"text"', "42", "null", "true"]) {
        expectRefusal(await postRaw(payload), 400, "VALIDATION_FAILED", NOT_AN_OBJECT, NOT_AN_OBJECT_DETAILS);
      }
    });

    it("refuses an empty body and a missing body", async () => {
      expectRefusal(await postRaw(""), 400, "VALIDATION_FAILED", "the body is empty; send a JSON object");
      expectRefusal(
        await send({ method: "POST", url: "/v1/root-keys" }),
        400,
        "VALIDATION_FAILED",
        NOT_AN_OBJECT,
        NOT_AN_OBJECT_DETAILS,
      );
    });

    it("refuses wrong types with a message naming each field", async () => {
      expectRefusal(
        await postJson({ name: ["x"], permissions: { all: true } }),
        400,
        "VALIDATION_FAILED",
        "name: Invalid input: expected string, received array; permissions: Invalid input: expected array, received object",
        [
          { path: "name", message: "Invalid input: expected string, received array" },
          { path: "permissions", message: "Invalid input: expected array, received object" },
        ],
      );
      expectRefusal(
        await postJson({ name: null, permissions: ["*"] }),
        400,
        "VALIDATION_FAILED",
        "name: Invalid input: expected string, received null",
        [{ path: "name", message: "Invalid input: expected string, received null" }],
      );
    });

    it("refuses unknown fields, naming them", async () => {
      expectRefusal(
        await postJson({ name: "x", permissions: ["*"], isAdmin: true }),
        400,
        "VALIDATION_FAILED",
        "isAdmin: unknown field",
        [{ path: "isAdmin", message: "unknown field" }],
      );
      expectRefusal(
        await postJson({ name: "x", permissions: ["*"], workspaceId: "ws_1", key: "kg_root_x" }),
        400,
        "VALIDATION_FAILED",
        "workspaceId: unknown field; key: unknown field",
        [
          { path: "workspaceId", message: "unknown field" },
          { path: "key", message: "unknown field" },
        ],
      );
    });

    it("refuses prototype-pollution keys", async () => {
      for (const payload of [
        '{"name":"x","permissions":["*"],"__proto__":{"admin":true}}',
        '{"name":"x","permissions":["*"],"constructor":{"prototype":{"admin":true}}}',
      ]) {
        expectRefusal(await postRaw(payload), 400, "VALIDATION_FAILED", "the body is not valid JSON");
      }
    });

    it("refuses over-long strings and values out of range", async () => {
      expectRefusal(
        await postJson({ name: "n".repeat(201), permissions: ["*"] }),
        400,
        "VALIDATION_FAILED",
        "name: must be at most 200 characters",
        [{ path: "name", message: "must be at most 200 characters" }],
      );
      expectRefusal(
        await postJson({ name: "x", permissions: ["*", `keys:${"r".repeat(5000)}`] }),
        400,
        "VALIDATION_FAILED",
        /^permissions\.1: must be one of "\*", "keys:read", /,
        [{ path: "permissions.1", message: /^must be one of "\*", "keys:read", / }],
      );
    });

    it("refuses the NUL character, which the store cannot hold, naming the field", async () => {
      expectRefusal(
        await postJson({ name: "ci\u0000deploy", permissions: ["*"] }),
        400,
        "VALIDATION_FAILED",
        `name: ${NUL}`,
        [{ path: "name", message: NUL }],
      );
      expectRefusal(
        await postJson({ name: "x", permissions: ["*"], "bad\u0000key": 1 }),
        400,
        "VALIDATION_FAILED",
        `bad\u0000key: ${NUL}`,
        [{ path: "bad\u0000key", message: NUL }],
      );
      expectRefusal(await postRaw('"\\u0000"'), 400, "VALIDATION_FAILED", `body: ${NUL}`, [
        { path: "body", message: NUL },
      ]);
    });

    it("refuses a body over 1 MB with 413", async () => {
      const payload = JSON.stringify({ name: "x".repeat(1024 * 1024), permissions: ["*"] });
      expectRefusal(await postRaw(payload), 413, "PAYLOAD_TOO_LARGE", "the body is over the 1 MB limit");
    });

    it("refuses a body whose content-length does not match", async () => {
      expectRefusal(
        await send({
          method: "POST",
          url: "/v1/root-keys",
          headers: { "content-type": "application/json", "content-length": "3" },
          payload: JSON.stringify({ name: "x", permissions: ["*"] }),
        }),
        400,
        "VALIDATION_FAILED",
        "the content-length does not match the body",
      );
    });

    it("refuses non-JSON content types: 415, or 400 for text the JSON schema then refuses", async () => {
      for (const type of [
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
      ]) {
        expectRefusal(
          await postRaw("name=x", type),
          415,
          "UNSUPPORTED_MEDIA_TYPE",
          "send the body as application/json",
        );
      }
      expectRefusal(
        await postRaw('{"name":"x","permissions":["*"]}', "text/plain"),
        400,
        "VALIDATION_FAILED",
        NOT_AN_OBJECT,
        NOT_AN_OBJECT_DETAILS,
      );
    });
  });

  describe("text the store cannot hold, and meta nested too deep", () => {
    const postText = (url: string, text: string) =>
      send({ method: "POST", url, headers: { "content-type": "application/json" }, payload: text });
    let keyId = "";
    beforeAll(async () => {
      const created = await send({ method: "POST", url: "/v1/keys", payload: { name: "fuzzed" } });
      keyId = (created.json() as { id: string }).id;
    });

    it("refuses a lone UTF-16 surrogate in any string field, naming it, and stores nothing", async () => {
      const cases: Array<[string, string, string, string]> = [
        ["POST", "/v1/apis", '{"name":"x\\ud800","scopes":[]}', "name"],
        ["POST", "/v1/apis", '{"name":"x","description":"\\udfff","scopes":[]}', "description"],
        ["POST", "/v1/apps", '{"title":"x\\ud800"}', "title"],
        ["POST", "/v1/root-keys", '{"name":"ci\\udc00","permissions":["*"]}', "name"],
        ["POST", "/v1/keys", '{"name":"k\\ud800"}', "name"],
        ["POST", "/v1/keys", '{"name":"k","meta":{"plan":"\\ud800"}}', "meta.plan"],
        ["POST", "/v1/keys", '{"name":"k","meta":{"deep":{"list":["ok","\\ud83d"]}}}', "meta.deep.list.1"],
        ["POST", "/v1/keys", '{"name":"k","meta":{"\\ud800":1}}', "meta.\ud800"],
        ["PATCH", `/v1/keys/${keyId}`, '{"meta":{"a":"\\ude00 "}}', "meta.a"],
        ["POST", `/v1/keys/${keyId}/revoke`, '{"reason":"gone \\ud800"}', "reason"],
      ];
      for (const [method, url, payload, path] of cases) {
        expectRefusal(
          await send({
            method: method as "POST",
            url,
            headers: { "content-type": "application/json" },
            payload,
          }),
          400,
          "VALIDATION_FAILED",
          `${path}: ${SURROGATE}`,
          [{ path, message: SURROGATE }],
        );
      }
      const key = await send({ method: "GET", url: `/v1/keys/${keyId}` });
      expect(key.json()).toMatchObject({ status: "active", meta: {} });
    });

    it("accepts a surrogate pair, which is one ordinary character", async () => {
      const created = await postText("/v1/apis", '{"name":"smile \\ud83d\\ude00","scopes":[]}');
      expect(created.statusCode, created.body).toBe(201);
      expect((created.json() as { name: string }).name).toBe("smile \u{1F600}");
    });

    it("refuses key meta nested more than 32 levels deep, even thousands of levels", async () => {
      const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
      const message = "must nest at most 32 levels deep";
      for (const levels of [33, 5000, 100_000]) {
        expectRefusal(
          await postText("/v1/keys", `{"name":"deep","meta":${nested(levels)}}`),
          400,
          "VALIDATION_FAILED",
          `meta: ${message}`,
          [{ path: "meta", message }],
        );
      }
      const fits = await postText("/v1/keys", `{"name":"deep","meta":${nested(32)}}`);
      expect(fits.statusCode, fits.body).toBe(201);
    });
  });

  describe("routes, paths and queries", () => {
    it("answers an unknown route or method with 404", async () => {
      expectRefusal(
        await send({ method: "GET", url: "/v1/nothing-here?x=1" }),
        404,
        "NOT_FOUND",
        "no route GET /v1/nothing-here",
      );
      expectRefusal(
        await send({ method: "PUT", url: "/v1/root-keys", payload: {} }),
        404,
        "NOT_FOUND",
        "no route PUT /v1/root-keys",
      );
      expectRefusal(
        await service.app.inject({ method: "GET", url: `/v1/${"x".repeat(300)}` }),
        404,
        "NOT_FOUND",
        `no route GET /v1/${"x".repeat(196)}...`,
      );
    });

    it("refuses bad path parameters", async () => {
      expectRefusal(
        await send({ method: "DELETE", url: "/v1/root-keys/not-an-id" }),
        400,
        "VALIDATION_FAILED",
        "params.id: must be an id starting with key_",
        [{ path: "params.id", message: "must be an id starting with key_" }],
      );
      expectRefusal(
        await send({ method: "DELETE", url: `/v1/root-keys/key_${"a".repeat(120)}` }),
        400,
        "VALIDATION_FAILED",
        "params.id: must have at most 100 characters",
        [{ path: "params.id", message: "must have at most 100 characters" }],
      );
      expectRefusal(
        await send({ method: "DELETE", url: `/v1/root-keys/key_${"a".repeat(250)}` }),
        400,
        "VALIDATION_FAILED",
        "a part of the path is over 200 characters",
      );
      expectRefusal(
        await send({ method: "DELETE", url: "/v1/root-keys/key_%E0%A4%A" }),
        400,
        "VALIDATION_FAILED",
        "the URL is not valid (bad percent-encoding)",
      );
      expectRefusal(
        await send({ method: "DELETE", url: "/v1/root-keys/key_%00" }),
        400,
        "VALIDATION_FAILED",
        `params.id: ${NUL}`,
        [{ path: "params.id", message: NUL }],
      );
    });

    it("refuses bad query values, naming the parameter", async () => {
      const cases: [string, string][] = [
        ["limit=-1", "querystring.limit: must be at least 1"],
        ["limit=1e9", "querystring.limit: must be at most 100"],
        ["limit=", "querystring.limit: must be at least 1"],
        ["limit=abc", "querystring.limit: must be a number"],
        [
          "from=2026-13-45T00:00:00Z",
          "querystring.from: must be an ISO 8601 time with a zone, such as 2027-01-01T00:00:00Z",
        ],
        ["cursor=evt_bad", "querystring.cursor: must be the nextCursor of a previous page"],
        ["format=pdf", 'querystring.format: must be one of "json", "csv"'],
        ["targetId=key_%00", `querystring.targetId: ${NUL}`],
        ["filter[action]=x", "querystring.filter[action]: unknown field"],
      ];
      for (const [query, message] of cases) {
        const [path = "", reason = ""] = message.split(/: (.*)/s);
        expectRefusal(
          await send({ method: "GET", url: `/v1/audit-events?${query}` }),
          400,
          "VALIDATION_FAILED",
          message,
          [{ path, message: reason }],
        );
      }
    });

    it("keeps a query value with bad percent-encoding as written and judges it as text", async () => {
      const response = await send({ method: "GET", url: "/v1/audit-events?actorId=%E0%A4%A" });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ data: [], nextCursor: null });
    });
  });

  describe("credentials", () => {
    it("refuses missing, malformed and unknown credentials with 401 and the request id", async () => {
      const url = "/v1/root-keys";
      expectRefusal(
        await service.app.inject({ method: "GET", url }),
        401,
        "UNAUTHENTICATED",
        "send 'Authorization: Bearer <root key>' or sign in",
      );
      for (const authorization of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", "kg_root_x"]) {
        expectRefusal(
          await service.app.inject({ method: "GET", url, headers: { authorization } }),
          401,
          "UNAUTHENTICATED",
          "the Authorization header must be 'Bearer <root key>'",
        );
      }
      expectRefusal(
        await service.app.inject({ method: "GET", url, headers: bearer(`kg_root_${"x".repeat(5000)}`) }),
        401,
        "UNAUTHENTICATED",
        "the root key is not valid",
      );
      expectRefusal(
        await service.app.inject({ method: "GET", url, headers: { cookie: "keygate_session=forged" } }),
        401,
        "UNAUTHENTICATED",
        "the session has ended; sign in again",
      );
    });

    it("checks the credential before reading a bad body", async () => {
      expectRefusal(
        await service.app.inject({
          method: "POST",
          url: "/v1/root-keys",
          headers: { "content-type": "application/json" },
          payload: "{not json",
        }),
        401,
        "UNAUTHENTICATED",
        "send 'Authorization: Bearer <root key>' or sign in",
      );
    });
  });

  it("changed nothing through all of the above", async () => {
    expect(await countRootKeys()).toBe(rootKeysBefore);
  });

  it("counts requests by route in /metrics", async () => {
    await send({ method: "GET", url: "/v1/root-keys" });
    await send({ method: "GET", url: "/v1/root-keys" });
    const response = await service.app.inject({ method: "GET", url: "/metrics" });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/plain/);
    const lines = response.body.split("\n");
    expect(lines).toContain("# TYPE keygate_http_requests_total counter");
    const count = (labels: string) =>
      Number(lines.find((line) => line.startsWith(`keygate_http_requests_total{${labels}}`))?.split(" ")[1]);
    expect(count('method="GET",route="/v1/root-keys",status="200"')).toBeGreaterThanOrEqual(2);
    expect(count('method="POST",route="/v1/root-keys",status="400"')).toBeGreaterThan(10);
    expect(count('method="POST",route="/v1/root-keys",status="413"')).toBe(1);
    expect(count('method="DELETE",route="/v1/root-keys/:id",status="400"')).toBeGreaterThanOrEqual(2);
    expect(count('method="GET",route="unmatched",status="404"')).toBeGreaterThanOrEqual(2);
  });
});
