import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import { bearer, createTestService, json, type TestService } from "../../../test/harness.js";
import {
  linkPath,
  PORTAL_PERSON,
  type PortalOperator,
  portalCookieOf,
  requestPortalLink,
  seedPortalOperator,
  seedPortalTenant,
} from "../../../test/portal-fixtures.js";
import { hashSecret } from "../../domain/key-format.js";
import { PORTAL_COOKIE } from "../../domain/portal/portal-sessions.js";

const EXPIRED_TEXT = "This link has expired or was already used. Open the key settings again from ";

describe.each(backends)("GET /portal/start on $name", (backend) => {
  let service: TestService;
  let operator: PortalOperator;
  let tenant: Awaited<ReturnType<typeof seedPortalTenant>>;
  beforeAll(async () => {
    service = await createTestService({
      backend,
      env: {
        KEYGATE_PUBLIC_URL: "https://keys.shipfast.test",
        KEYGATE_EMBED_ORIGINS: "https://app.shipfast.test",
      },
    });
    operator = await seedPortalOperator(service);
    await service.store.db
      .updateTable("workspaces")
      .set({ branding: JSON.stringify({ productName: "ShipFast" }) })
      .where("id", "=", operator.workspace.id)
      .execute();
    tenant = await seedPortalTenant(service);
  });
  afterAll(async () => service.close());

  const link = async (body: { returnUrl?: string } = {}) => {
    const res = await requestPortalLink(service, operator.rootKey, { workspace: tenant.externalId, ...body });
    expect(res.statusCode).toBe(201);
    return json<{ url: string; expiresAt: string }>(res).url;
  };
  const open = (url: string) => service.app.inject({ method: "GET", url: linkPath(url) });

  function expectRefused(res: Awaited<ReturnType<typeof open>>, product: string) {
    expect(res.statusCode).toBe(410);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.body).toContain(`${EXPIRED_TEXT}${product}.`);
    expect(res.body).not.toContain("<script");
  }

  it("starts the session: the cookie is HttpOnly, Secure, SameSite=None, Partitioned, and the browser goes on to /portal/", async () => {
    const res = await open(await link());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/portal/");
    expect(res.headers["cache-control"]).toBe("no-store");
    const setCookie = String(res.headers["set-cookie"]);
    const token = portalCookieOf(res) ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(setCookie.split("; ").sort()).toEqual(
      [
        `${PORTAL_COOKIE}=${token}`,
        "Max-Age=28800",
        "Path=/",
        "HttpOnly",
        "Secure",
        "SameSite=None",
        "Partitioned",
      ].sort(),
    );
    expect(res.headers["content-security-policy"]).toMatch(/frame-ancestors https:\/\/app\.shipfast\.test$/);
    expect(res.headers["x-frame-options"]).toBeUndefined();
    expect(res.headers["referrer-policy"]).toBe("strict-origin");
    const stored = await service.store.db
      .selectFrom("portal_sessions")
      .selectAll()
      .where("token_hash", "=", hashSecret(token))
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      workspace_id: tenant.workspace.id,
      external_id: "u_ada",
      email: "ada@acme.test",
      name: "Ada Lovelace",
      role: "developer",
      features: ["keys", "apps", "usage", "audit"],
      expires_at: new Date(service.clock.now().getTime() + 8 * 3600_000),
    });
  });

  it("stores only the link token's SHA-256, and the session's cookie is not the link's token", async () => {
    const url = await link();
    const token = new URL(url).searchParams.get("token") ?? "";
    const rows = await service.store.db
      .selectFrom("portal_tokens")
      .selectAll()
      .where("workspace_id", "=", tenant.workspace.id)
      .execute();
    expect(rows.some((row) => row.token_hash === hashSecret(token))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(token);
    const res = await open(url);
    expect(portalCookieOf(res)).not.toBe(token);
  });

  it("audits portal.session_started in the tenant's trail, by the portal user", async () => {
    await open(await link());
    const res = await service.app.inject({
      method: "GET",
      url: "/v1/audit-events?action=portal.session_started&actorId=portal:u_ada",
      headers: bearer(tenant.rootKey),
    });
    expect(res.statusCode).toBe(200);
    const [event] = json<{ data: Record<string, unknown>[] }>(res).data;
    expect(event).toMatchObject({
      action: "portal.session_started",
      actor: { type: "portal", id: "portal:u_ada", label: PORTAL_PERSON.email },
      target: { type: "portal_user", id: "portal:u_ada" },
      details: { role: "developer", features: ["keys", "apps", "usage", "audit"] },
    });
  });

  it("refuses a link opened a second time with 410, the platform's name and no cookie", async () => {
    const url = await link({ returnUrl: "https://app.shipfast.test/settings/api-keys" });
    expect((await open(url)).statusCode).toBe(303);
    const again = await open(url);
    expectRefused(again, "ShipFast");
    expect(again.body).toContain(
      '<a href="https://app.shipfast.test/settings/api-keys" target="_top">Back to ShipFast</a>',
    );
  });

  it("lets only one of two opens at the same moment win", async () => {
    const url = await link();
    const answers = await Promise.all([open(url), open(url), open(url)]);
    expect(answers.map((res) => res.statusCode).sort()).toEqual([303, 410, 410]);
  });

  it("works for 60 seconds by the server's clock and refuses the link after that", async () => {
    const inTime = await link();
    service.clock.advance(59_000);
    expect((await open(inTime)).statusCode).toBe(303);
    const late = await link();
    service.clock.advance(61_000);
    expectRefused(await open(late), "ShipFast");
    const atTheEdge = await link();
    service.clock.advance(60_000);
    expectRefused(await open(atTheEdge), "ShipFast");
  });

  it("refuses an unknown, empty, repeated or missing token with the operator's name", async () => {
    for (const url of [
      "/portal/start?token=not-a-token",
      "/portal/start?token=",
      "/portal/start?token=a&token=b",
      "/portal/start",
    ]) {
      expectRefused(await service.app.inject({ method: "GET", url }), "ShipFast");
    }
  });

  it("speaks in the tenant's own product name when it overrides the operator's", async () => {
    const branded = await seedPortalTenant(service);
    await service.store.db
      .updateTable("workspaces")
      .set({ branding: JSON.stringify({ productName: "Acme <Cloud>" }) })
      .where("id", "=", branded.workspace.id)
      .execute();
    const res = await requestPortalLink(service, operator.rootKey, { workspace: branded.workspace.id });
    const url = json<{ url: string }>(res).url;
    await open(url);
    expectRefused(await open(url), "Acme &lt;Cloud&gt;");
  });

  it("clears away links expired over an hour ago, and sessions past their lifetime", async () => {
    const old = new URL(await link()).searchParams.get("token") ?? "";
    const oldSession = portalCookieOf(await open(await link())) ?? "";
    service.clock.advance(9 * 3600_000);
    await open(await link());
    const tokens = await service.store.db.selectFrom("portal_tokens").select("token_hash").execute();
    expect(tokens.map((row) => row.token_hash)).not.toContain(hashSecret(old));
    expect(tokens.length).toBeGreaterThan(0);
    const sessions = await service.store.db.selectFrom("portal_sessions").select("token_hash").execute();
    expect(sessions.map((row) => row.token_hash)).not.toContain(hashSecret(oldSession));
    expect(sessions.length).toBeGreaterThan(0);
  });

  it("refuses a link whose tenant was suspended or deleted after it was made", async () => {
    for (const column of ["suspended_at", "deleted_at"] as const) {
      const other = await seedPortalTenant(service);
      const res = await requestPortalLink(service, operator.rootKey, { workspace: other.externalId });
      await service.store.db
        .updateTable("workspaces")
        .set({ [column]: service.clock.now() })
        .where("id", "=", other.workspace.id)
        .execute();
      expectRefused(await open(json<{ url: string }>(res).url), "ShipFast");
    }
  });
});
