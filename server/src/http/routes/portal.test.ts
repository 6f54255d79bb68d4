import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  expectSecured,
  json,
  seedRootKey,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import {
  linkPath,
  type OpenedPortal,
  openPortal,
  PORTAL_PERSON,
  type PortalOperator,
  requestPortalLink,
  seedPortalOperator,
  seedPortalTenant,
} from "../../../test/portal-fixtures.js";
import { hashSecret } from "../../domain/key-format.js";
import { PORTAL_COOKIE } from "../../domain/portal/portal-sessions.js";
import { toPublicWorkspace } from "../../domain/workspaces/workspaces.js";

type Tenant = Awaited<ReturnType<typeof seedPortalTenant>>;

describe.each(backends)("the portal API on $name", (backend) => {
  let service: TestService;
  let operator: PortalOperator;
  let tenant: Tenant;
  beforeAll(async () => {
    service = await createTestService({
      backend,
      env: {
        KEYGATE_PUBLIC_URL: "https://keys.shipfast.test",
        KEYGATE_EMBED_ORIGINS: "https://app.shipfast.test,https://admin.shipfast.test",
      },
    });
    operator = await seedPortalOperator(service);
    tenant = await seedPortalTenant(service);
  });
  afterAll(async () => service.close());

  const setBranding = (workspaceId: string, branding: Record<string, string>) =>
    service.store.db
      .updateTable("workspaces")
      .set({ branding: JSON.stringify(branding) })
      .where("id", "=", workspaceId)
      .execute();
  const getSession = (headers: Record<string, string>) =>
    service.app.inject({ method: "GET", url: "/v1/portal/session", headers });

  describe("POST /v1/portal/sessions", () => {
    it("answers 201 with a one-time link on Keygate's address, valid for 60 seconds, for the tenant's externalId, audited in both trails", async () => {
      const res = await requestPortalLink(service, operator.rootKey, {
        workspace: tenant.externalId,
        role: "admin",
        features: ["keys", "audit"],
        returnUrl: "https://app.shipfast.test/settings/api-keys",
      });
      expect(res.statusCode).toBe(201);
      const body = json<{ url: string; expiresAt: string }>(res);
      expect(Object.keys(body).sort()).toEqual(["expiresAt", "url"]);
      expect(body.url).toMatch(/^https:\/\/keys\.shipfast\.test\/portal\/start\?token=[A-Za-z0-9_-]{43}$/);
      expect(body.expiresAt).toBe(new Date(service.clock.now().getTime() + 60_000).toISOString());
      const token = new URL(body.url).searchParams.get("token") ?? "";
      const row = await service.store.db
        .selectFrom("portal_tokens")
        .selectAll()
        .where("token_hash", "=", hashSecret(token))
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        workspace_id: tenant.workspace.id,
        external_id: "u_ada",
        email: "ada@acme.test",
        role: "admin",
        features: ["keys", "audit"],
        return_url: "https://app.shipfast.test/settings/api-keys",
        used_at: null,
      });
      expect(row.created_by).toMatch(/^key_/);

      const events = await service.store.db
        .selectFrom("audit_events")
        .select(["workspace_id", "actor_type", "actor_id", "target_type", "target_id", "details"])
        .where("action", "=", "portal.link_created")
        .where("created_at", "=", service.clock.now())
        .orderBy("workspace_id")
        .execute();
      const tenantEvent = events.find((event) => event.workspace_id === tenant.workspace.id);
      const operatorEvent = events.find((event) => event.workspace_id === operator.workspace.id);
      expect(events).toHaveLength(2);
      const recorded = {
        actor_type: "root_key",
        actor_id: row.created_by,
        target_type: "portal_user",
        target_id: "portal:u_ada",
      };
      const details = {
        email: "ada@acme.test",
        role: "admin",
        features: ["keys", "audit"],
        expiresAt: body.expiresAt,
      };
      expect(tenantEvent).toEqual({ ...recorded, workspace_id: tenant.workspace.id, details });
      expect(operatorEvent).toEqual({
        ...recorded,
        workspace_id: operator.workspace.id,
        details: {
          ...details,
          tenant: { id: tenant.workspace.id, name: tenant.workspace.name, externalId: tenant.externalId },
        },
      });
      expect(JSON.stringify(events)).not.toContain(token);
    });

    it("finds the tenant by its ws_ id too, and defaults to a developer with every feature", async () => {
      const portal = await openPortal(service, operator.rootKey, { workspace: tenant.workspace.id });
      const session = json(await getSession(portal.headers));
      expect(session).toMatchObject({ role: "developer", features: ["keys", "apps", "usage", "audit"] });
    });

    it("is 404 for an unknown or deleted tenant", async () => {
      expectError(
        await requestPortalLink(service, operator.rootKey, { workspace: "cus_nobody" }),
        404,
        "NOT_FOUND",
        "workspace not found",
      );
      expectError(
        await requestPortalLink(service, operator.rootKey, { workspace: "ws_01JD0000000000000000000000" }),
        404,
        "NOT_FOUND",
      );
      const gone = await seedPortalTenant(service);
      await service.store.db
        .updateTable("workspaces")
        .set({ deleted_at: service.clock.now() })
        .where("id", "=", gone.workspace.id)
        .execute();
      for (const workspace of [gone.workspace.id, gone.externalId]) {
        expectError(await requestPortalLink(service, operator.rootKey, { workspace }), 404, "NOT_FOUND");
      }
    });

    it("is 409 for a suspended tenant", async () => {
      const suspended = await seedPortalTenant(service);
      await service.store.db
        .updateTable("workspaces")
        .set({ suspended_at: service.clock.now() })
        .where("id", "=", suspended.workspace.id)
        .execute();
      expectError(
        await requestPortalLink(service, operator.rootKey, { workspace: suspended.externalId }),
        409,
        "CONFLICT",
        "the workspace is suspended; resume it before opening its portal",
      );
    });

    it("is 400 for the operator's own workspace", async () => {
      expectError(
        await requestPortalLink(service, operator.rootKey, { workspace: operator.workspace.id }),
        400,
        "VALIDATION_FAILED",
        "the portal opens a tenant's workspace; the operator's own workspace uses the dashboard",
      );
    });

    it.each([
      [{ returnUrl: "javascript:alert(1)" }, "returnUrl", "must be an http or https URL"],
      [{ returnUrl: "ftp://files.test/x" }, "returnUrl", "must be an http or https URL"],
      [{ role: "owner" }, "role", 'must be one of "admin", "developer", "viewer"'],
      [{ features: [] }, "features", "must hold at least one feature"],
      [{ features: ["keys", "keys"] }, "features", "must not repeat a feature"],
      [{ features: ["billing"] }, "features.0", 'must be one of "keys", "apps", "usage", "audit"'],
      [
        { user: { externalId: "u 1", email: "a@b.test" } },
        "user.externalId",
        "must be 1-200 printable characters without spaces",
      ],
      [{ user: { externalId: "u_1", email: "nope" } }, "user.email", "must be an email address"],
      [{ user: { externalId: "u_1" } }, "user.email", "must be an email address"],
      [{ workspace: "" }, "workspace", "must not be empty"],
      [{ permissions: ["*"] }, "permissions", "unknown field"],
    ])("refuses %j with 400 naming the field", async (change, path, message) => {
      const res = await service.app.inject({
        method: "POST",
        url: "/v1/portal/sessions",
        headers: bearer(operator.rootKey),
        payload: { workspace: tenant.externalId, user: PORTAL_PERSON, ...change },
      });
      const error = expectError(res, 400, "VALIDATION_FAILED", `${path}: ${message}`);
      expect(json<{ error: { details: unknown } }>(res).error.details).toEqual([{ path, message }]);
      expect(error.message).toBe(`${path}: ${message}`);
    });

    it("is secured by portal:write", async () => {
      await expectSecured(
        service,
        operator.workspace.id,
        {
          method: "POST",
          url: "/v1/portal/sessions",
          payload: { workspace: tenant.externalId, user: PORTAL_PERSON },
        },
        "portal:write",
      );
    });

    it("refuses a tenant's root key, even one with *", async () => {
      expectError(
        await requestPortalLink(service, tenant.rootKey, { workspace: tenant.externalId }),
        403,
        "FORBIDDEN",
        "this needs the portal:write permission",
      );
    });

    it("lets the operator's owners ask for a link, but not its developers", async () => {
      const owner = await signInAs(service, operator.workspace.id, "owner");
      const developer = await signInAs(service, operator.workspace.id, "developer");
      const ask = (headers: Record<string, string>) =>
        service.app.inject({
          method: "POST",
          url: "/v1/portal/sessions",
          headers,
          payload: { workspace: tenant.externalId, user: PORTAL_PERSON },
        });
      expect((await ask(owner.headers)).statusCode).toBe(201);
      expectError(await ask(developer.headers), 403, "FORBIDDEN", "this needs the portal:write permission");
    });

    it("refuses a portal session asking for another link", async () => {
      const portal = await openPortal(service, operator.rootKey, {
        workspace: tenant.externalId,
        role: "admin",
      });
      expectError(
        await service.app.inject({
          method: "POST",
          url: "/v1/portal/sessions",
          headers: portal.headers,
          payload: { workspace: tenant.externalId, user: PORTAL_PERSON, role: "admin" },
        }),
        403,
        "FORBIDDEN",
        "this needs the portal:write permission",
      );
    });
  });

  describe("GET /v1/portal/session", () => {
    let portal: OpenedPortal;
    beforeAll(async () => {
      portal = await openPortal(service, operator.rootKey, {
        workspace: tenant.externalId,
        role: "admin",
        features: ["usage", "keys"],
        returnUrl: "https://app.shipfast.test/settings",
      });
    });

    it("answers the tenant, the person, role, features, permissions, branding, embed origins and CSRF token", async () => {
      const res = await getSession(portal.headers);
      expect(res.statusCode).toBe(200);
      expect(res.headers["cache-control"]).toBe("no-store");
      const workspace = await service.store.db
        .selectFrom("workspaces")
        .selectAll()
        .where("id", "=", tenant.workspace.id)
        .executeTakeFirstOrThrow();
      expect(json(res)).toEqual({
        workspace: JSON.parse(JSON.stringify(toPublicWorkspace(workspace))),
        user: PORTAL_PERSON,
        role: "admin",
        features: ["keys", "usage"],
        permissions: ["keys:read", "keys:write", "apps:read", "apis:read", "workspace:read"],
        returnUrl: "https://app.shipfast.test/settings",
        branding: { productName: "Keygate", logoUrl: null, accentColor: "#4f46e5" },
        embedOrigins: ["https://app.shipfast.test", "https://admin.shipfast.test"],
        csrfToken: portal.csrfToken,
        expiresAt: new Date(service.clock.now().getTime() + 8 * 3600_000).toISOString(),
      });
    });

    it("shows the tenant's branding over the operator's, field by field", async () => {
      await setBranding(operator.workspace.id, {
        productName: "ShipFast",
        logoUrl: "https://cdn.shipfast.test/logo.svg",
        accentColor: "#0f766e",
      });
      expect(json(await getSession(portal.headers)).branding).toEqual({
        productName: "ShipFast",
        logoUrl: "https://cdn.shipfast.test/logo.svg",
        accentColor: "#0f766e",
      });
      await setBranding(tenant.workspace.id, { accentColor: "#ff0000" });
      expect(json(await getSession(portal.headers)).branding).toEqual({
        productName: "ShipFast",
        logoUrl: "https://cdn.shipfast.test/logo.svg",
        accentColor: "#ff0000",
      });
      await setBranding(tenant.workspace.id, {});
      await setBranding(operator.workspace.id, {});
    });

    it("is 401 without the portal header, without the cookie, or with a cookie of no session", async () => {
      expectError(await getSession({ cookie: portal.headers.cookie }), 401, "UNAUTHENTICATED");
      expectError(
        await getSession({ "x-keygate-portal": "1" }),
        401,
        "UNAUTHENTICATED",
        "the portal session has ended; open the key settings again",
      );
      expectError(
        await getSession({ "x-keygate-portal": "1", cookie: `${PORTAL_COOKIE}=not-a-session` }),
        401,
        "UNAUTHENTICATED",
        "the portal session has ended; open the key settings again",
      );
      expectError(
        await getSession({ "x-keygate-portal": "yes", cookie: portal.headers.cookie }),
        401,
        "UNAUTHENTICATED",
        "the x-keygate-portal header must be 1",
      );
    });

    it("is 403 for a root key or a signed-in member: they have no portal session", async () => {
      const member = await signInAs(service, tenant.workspace.id, "owner");
      for (const headers of [bearer(tenant.rootKey), member.headers]) {
        expectError(
          await getSession(headers),
          403,
          "FORBIDDEN",
          "this is the key portal's own session; send x-keygate-portal: 1 with its cookie",
        );
      }
    });

    it("ends after an hour without use, and is kept alive by use", async () => {
      const opened = await openPortal(service, operator.rootKey, { workspace: tenant.externalId });
      service.clock.advance(50 * 60_000);
      expect((await getSession(opened.headers)).statusCode).toBe(200);
      service.clock.advance(50 * 60_000);
      expect((await getSession(opened.headers)).statusCode).toBe(200);
      service.clock.advance(61 * 60_000);
      expectError(await getSession(opened.headers), 401, "UNAUTHENTICATED");
    });

    it("ends 8 hours after it started, however much it is used", async () => {
      const opened = await openPortal(service, operator.rootKey, { workspace: tenant.externalId });
      for (let hour = 0; hour < 7; hour += 1) {
        service.clock.advance(59 * 60_000);
        expect((await getSession(opened.headers)).statusCode).toBe(200);
      }
      service.clock.advance(67 * 60_000);
      expectError(await getSession(opened.headers), 401, "UNAUTHENTICATED");
    });

    it("ends at once when its tenant is suspended or deleted", async () => {
      for (const column of ["suspended_at", "deleted_at"] as const) {
        const other = await seedPortalTenant(service);
        const opened = await openPortal(service, operator.rootKey, { workspace: other.externalId });
        await service.store.db
          .updateTable("workspaces")
          .set({ [column]: service.clock.now() })
          .where("id", "=", other.workspace.id)
          .execute();
        expectError(await getSession(opened.headers), 401, "UNAUTHENTICATED");
      }
    });
  });

  describe("POST /v1/portal/session/end", () => {
    const end = (headers: Record<string, string>) =>
      service.app.inject({ method: "POST", url: "/v1/portal/session/end", headers });

    it("ends the session, clears the cookie and is audited portal.session_ended", async () => {
      const portal = await openPortal(service, operator.rootKey, { workspace: tenant.externalId });
      const res = await end(portal.headers);
      expect(res.statusCode).toBe(204);
      expect(String(res.headers["set-cookie"])).toMatch(
        new RegExp(
          `^${PORTAL_COOKIE}=; Max-Age=0; Path=/; Expires=.+; HttpOnly; Secure; Partitioned; SameSite=None$`,
        ),
      );
      expectError(await getSession(portal.headers), 401, "UNAUTHENTICATED");
      const events = await service.store.db
        .selectFrom("audit_events")
        .selectAll()
        .where("workspace_id", "=", tenant.workspace.id)
        .where("action", "=", "portal.session_ended")
        .execute();
      expect(events.map((event) => [event.actor_type, event.actor_id, event.actor_label])).toEqual([
        ["portal", "portal:u_ada", "ada@acme.test"],
      ]);
    });

    it("needs the session's CSRF token", async () => {
      const portal = await openPortal(service, operator.rootKey, { workspace: tenant.externalId });
      const { "x-csrf-token": _csrf, ...withoutCsrf } = portal.headers;
      expectError(
        await end(withoutCsrf),
        403,
        "CSRF_FAILED",
        "a change in the portal needs the x-csrf-token of its session",
      );
      expectError(await end({ ...withoutCsrf, "x-csrf-token": "wrong" }), 403, "CSRF_FAILED");
      expect((await getSession(portal.headers)).statusCode).toBe(200);
    });

    it("is 403 for a root key and 401 for nobody", async () => {
      expectError(
        await end(bearer(await seedRootKey(service, tenant.workspace.id, ["*"]))),
        403,
        "FORBIDDEN",
      );
      expectError(await end({}), 401, "UNAUTHENTICATED");
    });
  });

  it("opens the link only on GET /portal/start, never through the API paths", async () => {
    const res = await requestPortalLink(service, operator.rootKey, { workspace: tenant.externalId });
    const path = linkPath(json<{ url: string }>(res).url);
    expect(path.startsWith("/portal/start?token=")).toBe(true);
    const posted = await service.app.inject({ method: "POST", url: path });
    expect(posted.statusCode).toBe(404);
    expect((await service.app.inject({ method: "GET", url: path })).statusCode).toBe(303);
  });
});
