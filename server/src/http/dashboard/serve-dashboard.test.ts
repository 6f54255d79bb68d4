import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestService, expectError, type TestService } from "../../../test/harness.js";
import { DASHBOARD_CSP } from "./dashboard-headers.js";

const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>';
const APP_JS = 'console.log("the dashboard");\n';
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg"/>';

/** A folder laid out as `npm run build` leaves web/dist: index.html, a root file and hashed assets. */
async function writeBuiltDashboard(dir: string): Promise<void> {
  await mkdir(path.join(dir, "assets"), { recursive: true });
  await writeFile(path.join(dir, "index.html"), INDEX_HTML);
  await writeFile(path.join(dir, "assets", "app-abc123.js"), APP_JS);
  await writeFile(path.join(dir, "favicon.svg"), FAVICON);
  await writeFile(path.join(dir, ".env"), "SECRET=do-not-serve");
}

function expectSecurityHeaders(res: LightMyRequestResponse) {
  expect(res.headers["content-security-policy"]).toBe(
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
      "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
      "frame-ancestors 'none'",
  );
  expect(res.headers["referrer-policy"]).toBe("no-referrer");
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["x-frame-options"]).toBe("DENY");
}

function expectIndex(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
  expect(res.headers["cache-control"]).toBe("no-cache");
  expect(res.body).toBe(INDEX_HTML);
  expectSecurityHeaders(res);
}

describe("the dashboard, built", () => {
  let dir: string;
  let service: TestService;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "keygate-dashboard-"));
    await writeBuiltDashboard(dir);
    service = await createTestService({ env: { KEYGATE_DASHBOARD_DIR: dir } });
  });
  afterAll(async () => {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    service.app.inject({ method: "GET", url, headers });

  it("answers / with index.html, revalidated on every load, under the strict CSP", async () => {
    const res = await get("/");
    expectIndex(res);
    expect(res.headers.etag).toMatch(/^W\/"/);
    const again = await get("/", { "if-none-match": String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });

  it.each([
    "/settings/api-access",
    "/apps/app_1",
    "/keys/key_01JD0000000000000000000000",
    "/setup?token=abc-123",
    "/invite?token=xyz",
    "/settings/api-access/",
    "/a/path.with.dots",
    `/apps/${"x".repeat(300)}`,
  ])("falls back to index.html for the app's path %s", async (url) => {
    expectIndex(await get(url));
  });

  it("answers HEAD like GET, without a body", async () => {
    const res = await service.app.inject({ method: "HEAD", url: "/apps/app_1" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-length"]).toBe(String(Buffer.byteLength(INDEX_HTML)));
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.body).toBe("");
    expectSecurityHeaders(res);
  });

  it("serves hashed assets as immutable for a year", async () => {
    const res = await get("/assets/app-abc123.js");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.body).toBe(APP_JS);
    expectSecurityHeaders(res);
  });

  it("serves the build's other files, revalidated", async () => {
    const res = await get("/favicon.svg");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("image/svg+xml");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.body).toBe(FAVICON);
    expectSecurityHeaders(res);
  });

  it("answers a missing asset 404, never the app's page or a long-cached answer", async () => {
    const res = await get("/assets/app-gone99.js");
    expectError(res, 404, "NOT_FOUND", "no route GET /assets/app-gone99.js");
    expect(res.headers["cache-control"]).toBeUndefined();
  });

  it("never serves a dotfile or anything outside the build", async () => {
    for (const url of ["/.env", "/assets/../.env", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd"]) {
      const res = await get(url);
      expect(res.body, url).not.toContain("do-not-serve");
      expect(res.body, url).not.toContain("root:");
      if (res.statusCode === 200) expect(res.body, url).toBe(INDEX_HTML);
    }
  });

  it("leaves every API path its own answer: an unknown /v1 path is the JSON 404", async () => {
    expectError(await get("/v1/nothing-here"), 404, "NOT_FOUND", "no route GET /v1/nothing-here");
    expectError(await get("/v1"), 404, "NOT_FOUND", "no route GET /v1");
    expectError(await get("/docs/nothing-here"), 404, "NOT_FOUND");
    expectIndex(await get("/docsx"));
    const health = await get("/healthz");
    expect(health.statusCode).toBe(200);
    expect(health.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(health.headers["content-security-policy"]).toBeUndefined();
    const openapi = await get("/openapi.json");
    expect(openapi.statusCode).toBe(200);
    expect(openapi.json()).toMatchObject({ openapi: "3.1.0" });
    expect(openapi.headers["content-security-policy"]).toBeUndefined();
    const metrics = await get("/metrics");
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers["content-type"]).toMatch(/^text\/plain/);
    expect((await get("/readyz")).statusCode).toBe(200);
    const docs = await get("/docs");
    expect(docs.headers["content-security-policy"]).not.toBe(DASHBOARD_CSP);
    expect(docs.statusCode).toBeLessThan(400);
  });

  it("falls back only for GET and HEAD: a change to a page path is the JSON 404", async () => {
    expectError(
      await service.app.inject({ method: "POST", url: "/settings/api-access", payload: {} }),
      404,
      "NOT_FOUND",
      "no route POST /settings/api-access",
    );
  });

  it("is not in the API reference", async () => {
    const doc = (await get("/openapi.json")).json<{ paths: Record<string, unknown> }>();
    expect(
      Object.keys(doc.paths).filter(
        (p) => !p.startsWith("/v1/") && p !== "/healthz" && p !== "/readyz" && p !== "/metrics",
      ),
    ).toEqual([]);
  });
});

describe("the dashboard, not built", () => {
  let dir: string;
  let service: TestService;
  const logged: Array<{ level: number; msg: string; dashboardDir?: string }> = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "keygate-dashboard-missing-"));
    service = await createTestService({
      env: { KEYGATE_DASHBOARD_DIR: path.join(dir, "dist") },
      configure: (ctx) => {
        ctx.logger = pino({ level: "info" }, { write: (line: string) => logged.push(JSON.parse(line)) });
      },
    });
  });
  afterAll(async () => {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("logs once at start that the dashboard is not built, and where it looked", () => {
    const lines = logged.filter((line) => line.msg.includes("dashboard is not built"));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        dashboardDir: path.join(dir, "dist"),
        msg: "the dashboard is not built (no index.html there): run `npm run build`; until then / answers 503",
      }),
    ]);
  });

  it("answers / and the app's paths 503 with a page saying to run npm run build", async () => {
    for (const url of ["/", "/settings/api-access", "/setup?token=abc"]) {
      const res = await service.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.body).toContain("<h1>The dashboard is not built</h1>");
      expect(res.body).toContain("Run <code>npm run build</code>");
      expect(res.body).not.toContain(dir);
      expectSecurityHeaders(res);
    }
  });

  it("keeps the API answering", async () => {
    expect((await service.app.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
    expectError(await service.app.inject({ method: "GET", url: "/v1/keys" }), 401, "UNAUTHENTICATED");
  });

  it("serves the dashboard as soon as it is built, without a restart", async () => {
    await writeBuiltDashboard(path.join(dir, "dist"));
    expectIndex(await service.app.inject({ method: "GET", url: "/apps" }));
    const asset = await service.app.inject({ method: "GET", url: "/assets/app-abc123.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toBe(APP_JS);
  });
});
