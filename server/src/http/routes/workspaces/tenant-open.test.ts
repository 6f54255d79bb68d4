import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  json,
  seedRootKey,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import { linkPath, portalCookieOf } from "../../../../test/portal-fixtures.js";
import { type SeededOperator, seedOperator, seedTenant } from "../../../../test/tenant-fixtures.js";
import { PORTAL_COOKIE } from "../../../domain/portal/portal-sessions.js";

describe.each(backends)("POST /v1/workspaces/{id}/open on $name", (backend) => {
  let service: TestService;
  let operator: SeededOperator;

  beforeAll(async () => {
    service = await createTestService({ backend });
    operator = await seedOperator(service);
  });
  afterAll(async () => service.close());

  const open = (id: string, headers: Record<string, string>) =>
    service.app.inject({ method: "POST", url: `/v1/workspaces/${id}/open`, headers });
  const opened = (workspaceId: string) =>
    service.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("action", "=", "workspace.opened")
      .execute();

  it("gives an operator admin a one-time link into the tenant as a portal admin with every feature, audited in both trails", async () => {
    const tenant = await seedTenant(service, operator.rootKey, { name: "Acme", externalId: "open_acme" });
    const admin = await signInAs(service, operator.workspace.id, "admin");
    const res = await open(tenant.id, admin.headers);
    expect(res.statusCode).toBe(201);
    const link = json<{ url: string; expiresAt: string }>(res);
    expect(link).toEqual({
      url: expect.stringMatching(/^http:\/\/localhost:8080\/portal\/start\?token=[A-Za-z0-9_-]{43}$/),
      expiresAt: new Date(service.clock.now().getTime() + 60_000).toISOString(),
    });

    const started = await service.app.inject({ method: "GET", url: linkPath(link.url) });
    expect(started.statusCode).toBe(303);
    const cookie = portalCookieOf(started);
    const session = await service.app.inject({
      method: "GET",
      url: "/v1/portal/session",
      headers: { "x-keygate-portal": "1", cookie: `${PORTAL_COOKIE}=${cookie}` },
    });
    expect(json(session)).toMatchObject({
      workspace: { id: tenant.id, externalId: "open_acme" },
      user: { externalId: admin.userId, email: admin.email },
      role: "admin",
      features: ["keys", "apps", "usage", "audit"],
      returnUrl: "http://localhost:8080/workspaces",
    });
    // Once only.
    expect((await service.app.inject({ method: "GET", url: linkPath(link.url) })).statusCode).toBe(410);

    const details = {
      as: "admin",
      features: ["keys", "apps", "usage", "audit"],
      portalActor: `portal:${admin.userId}`,
      email: admin.email,
      expiresAt: link.expiresAt,
    };
    expect(await opened(tenant.id)).toMatchObject([{ actor_type: "user", actor_id: admin.userId, details }]);
    expect(await opened(operator.workspace.id)).toMatchObject([
      {
        actor_id: admin.userId,
        target_id: tenant.id,
        details: { ...details, tenant: { id: tenant.id, name: "Acme", externalId: "open_acme" } },
      },
    ]);
    expect(JSON.stringify(await opened(tenant.id))).not.toContain(
      new URL(link.url).searchParams.get("token"),
    );
  });

  it("refuses root keys, even the operator's *, and people who are not the operator's owners or admins", async () => {
    const tenant = await seedTenant(service, operator.rootKey);
    expectError(
      await open(tenant.id, bearer(operator.rootKey)),
      403,
      "FORBIDDEN",
      "opening a tenant is for the operator's people in the dashboard; a root key asks for POST /v1/portal/sessions",
    );
    expectError(await open(tenant.id, {}), 401, "UNAUTHENTICATED");
    const reader = await seedRootKey(service, operator.workspace.id, ["workspaces:read"]);
    expectError(
      await open(tenant.id, bearer(reader)),
      403,
      "FORBIDDEN",
      "this needs the workspaces:write permission",
    );
    const developer = await signInAs(service, operator.workspace.id, "developer");
    const tenantOwner = await signInAs(service, tenant.id, "owner");
    for (const headers of [developer.headers, tenantOwner.headers, bearer(tenant.rootKey)]) {
      expectError(
        await open(tenant.id, headers),
        403,
        "FORBIDDEN",
        "this needs the workspaces:write permission",
      );
    }
    const owner = await signInAs(service, operator.workspace.id, "owner");
    expectError(await open(tenant.id, { cookie: owner.headers.cookie }), 403, "CSRF_FAILED");
    expect(await opened(tenant.id)).toEqual([]);
    expect(
      await service.store.db
        .selectFrom("portal_tokens")
        .select("token_hash")
        .where("workspace_id", "=", tenant.id)
        .execute(),
    ).toEqual([]);
  });

  it("answers 404 for the operator's own, an unknown or a deleted workspace, and 409 for a suspended tenant", async () => {
    const owner = await signInAs(service, operator.workspace.id, "owner");
    const deleted = await seedTenant(service, operator.rootKey);
    await service.app.inject({
      method: "DELETE",
      url: `/v1/workspaces/${deleted.id}`,
      headers: bearer(operator.rootKey),
    });
    for (const id of [operator.workspace.id, "ws_01JD0000000000000000000000", deleted.id]) {
      expectError(await open(id, owner.headers), 404, "NOT_FOUND", "workspace not found");
    }
    const suspended = await seedTenant(service, operator.rootKey);
    await service.app.inject({
      method: "PATCH",
      url: `/v1/workspaces/${suspended.id}`,
      headers: bearer(operator.rootKey),
      payload: { suspended: true },
    });
    expectError(await open(suspended.id, owner.headers), 409, "CONFLICT");
    expect(await opened(suspended.id)).toEqual([]);
  });
});
