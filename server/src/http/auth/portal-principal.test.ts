/**
 * The portal principal (platform mode) against the whole API: how a portal request is
 * authenticated (the header, the cookie, CSRF), what its role and features allow, and what it
 * can never reach: another tenant, root keys, members, invitations, workspace settings, the
 * operator's endpoints, or a Keygate account.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  json,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import {
  type OpenedPortal,
  openPortal,
  type PortalLinkRequest,
  type PortalOperator,
  seedPortalOperator,
  seedPortalTenant,
} from "../../../test/portal-fixtures.js";
import { PORTAL_COOKIE } from "../../domain/portal/portal-sessions.js";

type Tenant = Awaited<ReturnType<typeof seedPortalTenant>>;

describe.each(backends)("the portal principal on $name", (backend) => {
  let service: TestService;
  let operator: PortalOperator;
  let tenantA: Tenant;
  let tenantB: Tenant;
  let admin: OpenedPortal;
  beforeAll(async () => {
    service = await createTestService({ backend });
    operator = await seedPortalOperator(service);
    tenantA = await seedPortalTenant(service);
    tenantB = await seedPortalTenant(service);
    admin = await portal({ role: "admin" });
  });
  afterAll(async () => service.close());

  function portal(
    request: Omit<PortalLinkRequest, "workspace">,
    tenant = () => tenantA,
  ): Promise<OpenedPortal> {
    return openPortal(service, operator.rootKey, { workspace: tenant().externalId, ...request });
  }
  const call = (
    method: "GET" | "POST" | "PATCH" | "DELETE",
    url: string,
    headers: object,
    payload?: object,
  ) => service.app.inject({ method, url, headers: headers as Record<string, string>, payload });
  const createKey = (headers: object, payload: object = { name: "scanner", environment: "development" }) =>
    call("POST", "/v1/keys", headers, payload);

  describe("authentication", () => {
    it("creates a key with the cookie, the header and the CSRF token; created by portal:<externalId>, audited under the email", async () => {
      const res = await createKey(admin.headers, { name: "warehouse-scanner" });
      expect(res.statusCode).toBe(201);
      const key = json<{ id: string; createdBy: string; key: string }>(res);
      expect(key.key).toMatch(/^cust_/);
      expect(key.createdBy).toBe("portal:u_ada");
      const stored = json<{ createdBy: string }>(
        await call("GET", `/v1/keys/${key.id}`, bearer(tenantA.rootKey)),
      );
      expect(stored.createdBy).toBe("portal:u_ada");
      const events = await call(
        "GET",
        `/v1/audit-events?action=key.created&actorId=portal:u_ada&targetId=${key.id}`,
        bearer(tenantA.rootKey),
      );
      expect(json<{ data: { actor: unknown }[] }>(events).data.map((event) => event.actor)).toEqual([
        { type: "portal", id: "portal:u_ada", label: "ada@acme.test" },
      ]);
    });

    it("ignores the portal cookie without the header: 401 on /v1/keys", async () => {
      expectError(await call("GET", "/v1/keys", { cookie: admin.headers.cookie }), 401, "UNAUTHENTICATED");
    });

    it("with the header, never uses the dashboard's session or a root key", async () => {
      const member = await signInAs(service, tenantA.workspace.id, "owner");
      expectError(
        await call("GET", "/v1/keys", { "x-keygate-portal": "1", cookie: member.headers.cookie }),
        401,
        "UNAUTHENTICATED",
        "the portal session has ended; open the key settings again",
      );
      expectError(
        await call("GET", "/v1/keys", { "x-keygate-portal": "1", ...bearer(tenantA.rootKey) }),
        401,
        "UNAUTHENTICATED",
      );
    });

    it("refuses a change without the session's CSRF token: 403 CSRF_FAILED", async () => {
      const { "x-csrf-token": _csrf, ...withoutCsrf } = admin.headers;
      expectError(
        await createKey(withoutCsrf),
        403,
        "CSRF_FAILED",
        "a change in the portal needs the x-csrf-token of its session",
      );
      expectError(
        await createKey({ ...withoutCsrf, "x-csrf-token": `${admin.csrfToken}x` }),
        403,
        "CSRF_FAILED",
      );
      const other = await portal({ role: "admin" });
      expectError(await createKey({ ...withoutCsrf, "x-csrf-token": other.csrfToken }), 403, "CSRF_FAILED");
    });

    it("reads without a CSRF token", async () => {
      const { "x-csrf-token": _csrf, ...withoutCsrf } = admin.headers;
      expect((await call("GET", "/v1/keys", withoutCsrf)).statusCode).toBe(200);
    });
  });

  describe("tenant isolation", () => {
    it("answers 404 for another tenant's key, and lists only its own tenant's keys", async () => {
      const theirs = await createKey(bearer(tenantB.rootKey), { name: "b-key" });
      const theirId = json<{ id: string }>(theirs).id;
      expect(theirId).toMatch(/^key_/);
      for (const [method, url] of [
        ["GET", `/v1/keys/${theirId}`],
        ["GET", `/v1/keys/${theirId}/usage`],
        ["PATCH", `/v1/keys/${theirId}`],
        ["DELETE", `/v1/keys/${theirId}`],
      ] as const) {
        const res = await call(
          method,
          url,
          admin.headers,
          method === "PATCH" ? { name: "mine now" } : undefined,
        );
        expectError(res, 404, "NOT_FOUND");
      }
      const listed = json<{ data: { id: string; name: string }[] }>(
        await call("GET", "/v1/keys", admin.headers),
      );
      expect(listed.data.map((key) => key.id)).not.toContain(theirId);
      const bKeys = json<{ data: { name: string }[] }>(
        await call("GET", "/v1/keys", bearer(tenantB.rootKey)),
      );
      expect(bKeys.data.map((key) => key.name)).toEqual(["b-key"]);
    });

    it("answers 404 for another tenant's app and connected API, and never shows its audit events", async () => {
      const everything = await portal({ role: "admin", features: ["keys", "apps", "usage", "audit"] });
      const app = json<{ id: string }>(
        await call("POST", "/v1/apps", bearer(tenantB.rootKey), {
          title: "B app",
          environment: "production",
        }),
      ).id;
      const api = json<{ id: string }>(
        await call("POST", "/v1/apis", bearer(tenantB.rootKey), { name: "B api" }),
      ).id;
      expect([app.slice(0, 4), api.slice(0, 4)]).toEqual(["app_", "api_"]);
      for (const [method, url, payload] of [
        ["GET", `/v1/apps/${app}`, undefined],
        ["PATCH", `/v1/apps/${app}`, { title: "mine" }],
        ["DELETE", `/v1/apps/${app}`, undefined],
        ["GET", `/v1/apis/${api}`, undefined],
        ["PATCH", `/v1/apis/${api}`, { name: "mine" }],
        ["DELETE", `/v1/apis/${api}`, undefined],
        ["POST", "/v1/keys", { name: "in b", appId: app }],
      ] as const) {
        expectError(await call(method, url, everything.headers, payload), 404, "NOT_FOUND");
      }
      const apps = json<{ data: { id: string }[] }>(await call("GET", "/v1/apps", everything.headers));
      expect(apps.data.map((row) => row.id)).not.toContain(app);
      const events = json<{ data: { target: { id: string } | null }[] }>(
        await call("GET", `/v1/audit-events?targetId=${app}`, everything.headers),
      );
      expect(events.data).toEqual([]);
      const theirEvents = json<{ data: unknown[] }>(
        await call("GET", `/v1/audit-events?targetId=${app}`, bearer(tenantB.rootKey)),
      );
      expect(theirEvents.data.length).toBeGreaterThan(0);
    });

    it("answers the tenant it was opened for on /v1/workspace, never the operator", async () => {
      const res = await call("GET", "/v1/workspace", admin.headers);
      expect(res.statusCode).toBe(200);
      expect(json(res).id).toBe(tenantA.workspace.id);
    });
  });

  describe("role and features", () => {
    it("refuses a viewer creating a key (403) but lets it read", async () => {
      const viewer = await portal({ role: "viewer" });
      expectError(await createKey(viewer.headers), 403, "FORBIDDEN", "this needs the keys:write permission");
      expect((await call("GET", "/v1/keys", viewer.headers)).statusCode).toBe(200);
    });

    it("lets a developer create keys outside production only, and never revoke them", async () => {
      const developer = await portal({ role: "developer" });
      expect(
        (await createKey(developer.headers, { name: "dev", environment: "development" })).statusCode,
      ).toBe(201);
      expectError(
        await createKey(developer.headers, { name: "prod", environment: "production" }),
        403,
        "FORBIDDEN",
      );
      const id = json<{ id: string }>(await createKey(admin.headers, { name: "admin-made" })).id;
      expectError(await call("POST", `/v1/keys/${id}/revoke`, developer.headers, {}), 403, "FORBIDDEN");
    });

    it("without the audit feature is 403 on /v1/audit-events", async () => {
      const keysOnly = await portal({ role: "admin", features: ["keys"] });
      expectError(
        await call("GET", "/v1/audit-events", keysOnly.headers),
        403,
        "FORBIDDEN",
        "this needs the audit:read permission",
      );
      const withAudit = await portal({ role: "viewer", features: ["audit"] });
      expect((await call("GET", "/v1/audit-events", withAudit.headers)).statusCode).toBe(200);
    });

    it("without the usage feature is 403 on a key's usage; with it, 200", async () => {
      const id = json<{ id: string }>(await createKey(admin.headers, { name: "used" })).id;
      const keysOnly = await portal({ role: "admin", features: ["keys"] });
      expectError(
        await call("GET", `/v1/keys/${id}/usage`, keysOnly.headers),
        403,
        "FORBIDDEN",
        "this portal session was opened without the usage feature",
      );
      const withUsage = await portal({ role: "viewer", features: ["keys", "usage"] });
      expect((await call("GET", `/v1/keys/${id}/usage`, withUsage.headers)).statusCode).toBe(200);
    });

    it("writes apps and connected APIs only with the apps feature", async () => {
      const app = { title: "Scanner", environment: "development" };
      const keysOnly = await portal({ role: "admin", features: ["keys"] });
      expectError(
        await call("POST", "/v1/apps", keysOnly.headers, app),
        403,
        "FORBIDDEN",
        "this needs the apps:write permission",
      );
      expectError(
        await call("POST", "/v1/apis", keysOnly.headers, { name: "Orders" }),
        403,
        "FORBIDDEN",
        "this needs the apis:write permission",
      );
      const withApps = await portal({ role: "admin", features: ["apps"] });
      expect((await call("POST", "/v1/apps", withApps.headers, app)).statusCode).toBe(201);
    });

    it("without the keys, apps or usage features cannot list keys", async () => {
      const auditOnly = await portal({ role: "admin", features: ["audit"] });
      expectError(
        await call("GET", "/v1/keys", auditOnly.headers),
        403,
        "FORBIDDEN",
        "this needs the keys:read permission",
      );
    });
  });

  describe("what a portal session can never reach", () => {
    it.each([
      ["GET", "/v1/root-keys"],
      ["POST", "/v1/root-keys", { name: "escape", permissions: ["*"] }],
      ["DELETE", "/v1/root-keys/key_01JD0000000000000000000000"],
      ["GET", "/v1/members"],
      ["POST", "/v1/members", { email: "mallory@evil.test", role: "owner" }],
      ["PATCH", "/v1/members/usr_01JD0000000000000000000000", { role: "owner" }],
      ["GET", "/v1/invitations"],
      ["POST", "/v1/invitations", { email: "mallory@evil.test", role: "admin" }],
      ["PATCH", "/v1/workspace", { name: "Renamed" }],
      ["GET", "/v1/workspaces"],
      ["POST", "/v1/workspaces", { name: "Mine", externalId: "cus_mine", plan: "enterprise" }],
      ["GET", "/v1/workspaces/ws_01JD0000000000000000000000"],
      ["PATCH", "/v1/workspaces/ws_01JD0000000000000000000000", { plan: "enterprise" }],
      ["POST", "/v1/workspaces/ws_01JD0000000000000000000000/root-keys", { name: "x", permissions: ["*"] }],
      [
        "POST",
        "/v1/portal/sessions",
        { workspace: "cus_x", user: { externalId: "u", email: "u@x.test" }, role: "admin" },
      ],
      ["GET", "/v1/auth/me"],
      ["GET", "/v1/auth/workspaces"],
      ["POST", "/v1/auth/workspace", { workspaceId: "ws_01JD0000000000000000000000" }],
      ["POST", "/v1/auth/logout"],
    ] as const)("%s %s is 403", async (method, url, payload?: object) => {
      const res = await call(method, url, admin.headers, payload);
      expectError(res, 403, "FORBIDDEN");
    });

    it("is told it has no Keygate account on the account routes", async () => {
      expectError(
        await call("POST", "/v1/auth/logout", admin.headers),
        403,
        "FORBIDDEN",
        "a portal session has no Keygate account; end it with POST /v1/portal/session/end",
      );
      for (const [method, url, payload] of [
        ["GET", "/v1/auth/me", undefined],
        ["GET", "/v1/auth/workspaces", undefined],
        ["POST", "/v1/auth/workspace", { workspaceId: operator.workspace.id }],
      ] as const) {
        expectError(
          await call(method, url, admin.headers, payload),
          403,
          "FORBIDDEN",
          "a portal session has no Keygate account",
        );
      }
    });

    it("cannot reveal a key's secret unless admin", async () => {
      const id = json<{ id: string }>(await createKey(admin.headers, { name: "secret" })).id;
      const developer = await portal({ role: "developer" });
      expectError(await call("POST", `/v1/keys/${id}/reveal`, developer.headers, {}), 403, "FORBIDDEN");
    });

    it("stops working when the link's tenant is deleted", async () => {
      const doomed = await seedPortalTenant(service);
      const opened = await portal({ role: "admin" }, () => doomed);
      expect((await call("GET", "/v1/keys", opened.headers)).statusCode).toBe(200);
      await service.store.db
        .updateTable("workspaces")
        .set({ deleted_at: service.clock.now() })
        .where("id", "=", doomed.workspace.id)
        .execute();
      expectError(await call("GET", "/v1/keys", opened.headers), 401, "UNAUTHENTICATED");
    });

    it("a forged cookie is no session", async () => {
      expectError(
        await call("GET", "/v1/keys", {
          "x-keygate-portal": "1",
          cookie: `${PORTAL_COOKIE}=${"A".repeat(43)}`,
        }),
        401,
        "UNAUTHENTICATED",
      );
    });
  });
});
