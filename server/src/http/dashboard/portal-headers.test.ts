import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestService, type TestService } from "../../../test/harness.js";
import { isPortalPath, portalSecurityHeaders } from "./dashboard-headers.js";

const INDEX_HTML = '<!doctype html><html><body><div id="root"></div></body></html>';

const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
  "frame-ancestors 'none'";

const portalCsp = (ancestors: string) =>
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
  `frame-ancestors ${ancestors}`;

function expectPortalPage(res: LightMyRequestResponse, ancestors: string) {
  expect(res.statusCode).toBe(200);
  expect(res.body).toBe(INDEX_HTML);
  expect(res.headers["content-security-policy"]).toBe(portalCsp(ancestors));
  expect(res.headers["x-frame-options"]).toBeUndefined();
  expect(res.headers["referrer-policy"]).toBe("no-referrer");
  expect(res.headers["x-content-type-options"]).toBe("nosniff");
  expect(res.headers["cache-control"]).toBe("no-cache");
}

function expectUnframable(res: LightMyRequestResponse) {
  expect(res.statusCode).toBe(200);
  expect(res.body).toBe(INDEX_HTML);
  expect(res.headers["content-security-policy"]).toBe(STRICT_CSP);
  expect(res.headers["x-frame-options"]).toBe("DENY");
}

describe("the portal's pages and every other page", () => {
  let dir: string;
  let embedding: TestService;
  let closed: TestService;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "keygate-portal-pages-"));
    await writeFile(path.join(dir, "index.html"), INDEX_HTML);
    embedding = await createTestService({
      env: {
        KEYGATE_DASHBOARD_DIR: dir,
        KEYGATE_EMBED_ORIGINS: "https://app.shipfast.test,http://localhost:4000",
      },
    });
    closed = await createTestService({ env: { KEYGATE_DASHBOARD_DIR: dir } });
  });
  afterAll(async () => {
    await embedding.close();
    await closed.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(["/portal", "/portal/", "/portal/keys", "/portal/keys/key_01JD0000000000000000000000?tab=usage"])(
    "lets the configured origins frame %s, with no X-Frame-Options",
    async (url) => {
      const res = await embedding.app.inject({ method: "GET", url });
      expectPortalPage(res, "https://app.shipfast.test http://localhost:4000");
    },
  );

  it("lets no one frame the portal when KEYGATE_EMBED_ORIGINS is empty", async () => {
    expectPortalPage(await closed.app.inject({ method: "GET", url: "/portal/keys" }), "'none'");
  });

  it.each(["/settings/api-access", "/", "/portals", "/apps/app_1", "/keys/portal/x"])(
    "keeps %s unframable: frame-ancestors 'none' and X-Frame-Options DENY",
    async (url) => {
      expectUnframable(await embedding.app.inject({ method: "GET", url }));
    },
  );
});

describe("the portal's pages while the dashboard is not built", () => {
  let dir: string;
  let service: TestService;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "keygate-portal-unbuilt-"));
    service = await createTestService({
      env: {
        KEYGATE_DASHBOARD_DIR: path.join(dir, "dist"),
        KEYGATE_EMBED_ORIGINS: "https://app.shipfast.test",
      },
    });
  });
  afterAll(async () => {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("answer the 503 page framable by the embedding origins, so the platform's page shows it", async () => {
    const res = await service.app.inject({ method: "GET", url: "/portal/keys" });
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain("<h1>The dashboard is not built</h1>");
    expect(res.headers["content-security-policy"]).toBe(portalCsp("https://app.shipfast.test"));
    expect(res.headers["x-frame-options"]).toBeUndefined();
    const other = await service.app.inject({ method: "GET", url: "/settings/api-access" });
    expect(other.statusCode).toBe(503);
    expect(other.headers["content-security-policy"]).toBe(STRICT_CSP);
    expect(other.headers["x-frame-options"]).toBe("DENY");
  });
});

describe("isPortalPath and portalSecurityHeaders", () => {
  it("knows the portal's documents from the rest", () => {
    expect(["/portal", "/portal/", "/portal/keys"].map(isPortalPath)).toEqual([true, true, true]);
    expect(["/portals", "/", "/settings/portal", "/portal.js"].map(isPortalPath)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("never includes X-Frame-Options", () => {
    expect(Object.keys(portalSecurityHeaders(["https://a.test"])).sort()).toEqual([
      "content-security-policy",
      "referrer-policy",
      "x-content-type-options",
    ]);
  });
});
