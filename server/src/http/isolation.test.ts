/**
 * Tenants never see each other. Two tenants of one operator, each with a `*` root key and its own
 * apis, apps, keys, identities, members, invitations, root keys and audit events. Tenant A calls
 * every endpoint that takes an id with tenant B's ids (as its root key and as its owner signed in):
 * each answers 404 NOT_FOUND and changes nothing; every list A reads holds none of B's rows, even
 * when filtered by B's ids; a verification of B's key by A is NOT_FOUND; and A's root key is
 * refused (403) by the operator's /v1/workspaces endpoints; A's import of B's key hash or into B's
 * app is refused row by row and leaves B's key as it was. The table of endpoints is checked
 * against /openapi.json, so an endpoint added later fails here until it is listed.
 */
import { createHash } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../test/backends.js";
import { dataOf, eventOf, openStream } from "../../test/event-stream-client.js";
import {
  bearer,
  createTestService,
  expectError,
  json,
  signInAs,
  type TestService,
} from "../../test/harness.js";
import { openPortal } from "../../test/portal-fixtures.js";
import { type SeededOperator, seedOperator, seedTenant } from "../../test/tenant-fixtures.js";
import { verify } from "../../test/verify-helpers.js";

/** One tenant's rows, all made through the API. */
interface TenantWorld {
  id: string;
  rootKey: string;
  rootKeyId: string;
  headers: Record<string, string>;
  /** A portal session of the tenant: admin, every feature. */
  portalHeaders: Record<string, string>;
  ownerId: string;
  memberId: string;
  apiId: string;
  appId: string;
  keyId: string;
  key: string;
  identityId: string;
  identityExternalId: string;
  invitationId: string;
  webhookId: string;
  deliveryId: string;
}

/** Endpoints that take no id of a tenant's row, or are not the tenant's to call. */
const NOT_ID_SCOPED = [
  /^\/v1\/workspaces/, // the operator's only: refused 403 below
  /^\/v1\/portal\//, // the portal's own session; its isolation is the portal's suite
  /^\/v1\/invitations\/(accept|lookup)$/, // by one-use token, not by id
];

/** Every endpoint with an id in its path, called with B's ids, and a body that passes validation. */
function idScopedCalls(b: TenantWorld): Array<{ route: string; request: InjectOptions }> {
  const calls: Array<[string, string, string, unknown?]> = [
    ["GET", "/v1/keys/{id}", `/v1/keys/${b.keyId}`],
    ["PATCH", "/v1/keys/{id}", `/v1/keys/${b.keyId}`, { name: "taken over" }],
    ["DELETE", "/v1/keys/{id}", `/v1/keys/${b.keyId}`],
    ["POST", "/v1/keys/{id}/rotate", `/v1/keys/${b.keyId}/rotate`, { gracePeriodSeconds: 0 }],
    ["POST", "/v1/keys/{id}/revoke", `/v1/keys/${b.keyId}/revoke`, { reason: "taken over" }],
    ["POST", "/v1/keys/{id}/enable", `/v1/keys/${b.keyId}/enable`],
    ["POST", "/v1/keys/{id}/disable", `/v1/keys/${b.keyId}/disable`],
    ["POST", "/v1/keys/{id}/reveal", `/v1/keys/${b.keyId}/reveal`],
    ["GET", "/v1/keys/{id}/usage", `/v1/keys/${b.keyId}/usage`],
    ["GET", "/v1/apps/{id}", `/v1/apps/${b.appId}`],
    ["PATCH", "/v1/apps/{id}", `/v1/apps/${b.appId}`, { title: "taken over" }],
    ["DELETE", "/v1/apps/{id}", `/v1/apps/${b.appId}`],
    ["GET", "/v1/apis/{id}", `/v1/apis/${b.apiId}`],
    ["PATCH", "/v1/apis/{id}", `/v1/apis/${b.apiId}`, { name: "taken over" }],
    ["DELETE", "/v1/apis/{id}", `/v1/apis/${b.apiId}`],
    ["GET", "/v1/identities/{idOrExternalId}", `/v1/identities/${b.identityId}`],
    ["GET", "/v1/identities/{idOrExternalId}", `/v1/identities/${b.identityExternalId}`],
    ["PATCH", "/v1/identities/{idOrExternalId}", `/v1/identities/${b.identityId}`, { meta: { taken: true } }],
    ["DELETE", "/v1/identities/{idOrExternalId}", `/v1/identities/${b.identityId}`],
    [
      "POST",
      "/v1/identities/{idOrExternalId}/revoke-keys",
      `/v1/identities/${b.identityExternalId}/revoke-keys`,
      { reason: "taken over" },
    ],
    ["DELETE", "/v1/root-keys/{id}", `/v1/root-keys/${b.rootKeyId}`],
    ["PATCH", "/v1/members/{userId}", `/v1/members/${b.memberId}`, { role: "viewer" }],
    ["DELETE", "/v1/members/{userId}", `/v1/members/${b.memberId}`],
    ["DELETE", "/v1/invitations/{id}", `/v1/invitations/${b.invitationId}`],
    ["GET", "/v1/webhooks/{id}", `/v1/webhooks/${b.webhookId}`],
    ["PATCH", "/v1/webhooks/{id}", `/v1/webhooks/${b.webhookId}`, { description: "taken over" }],
    ["DELETE", "/v1/webhooks/{id}", `/v1/webhooks/${b.webhookId}`],
    ["POST", "/v1/webhooks/{id}/rotate-secret", `/v1/webhooks/${b.webhookId}/rotate-secret`],
    ["GET", "/v1/webhooks/{id}/deliveries", `/v1/webhooks/${b.webhookId}/deliveries`],
    ["POST", "/v1/webhooks/{id}/test", `/v1/webhooks/${b.webhookId}/test`],
    ["POST", "/v1/webhooks/deliveries/{id}/redeliver", `/v1/webhooks/deliveries/${b.deliveryId}/redeliver`],
  ];
  return calls.map(([method, route, url, payload]) => ({
    route: `${method} ${route}`,
    request: {
      method: method as InjectOptions["method"],
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
    },
  }));
}

/** Calls that name B's ids inside a body or a filter: refused 404, or answered with nothing of B's. */
function referencingCalls(a: TenantWorld, b: TenantWorld): Array<{ name: string; request: InjectOptions }> {
  return [
    {
      name: "a key in B's app",
      request: { method: "POST", url: "/v1/keys", payload: { name: "x", appId: b.appId } },
    },
    {
      name: "an app on B's api",
      request: {
        method: "POST",
        url: "/v1/apps",
        payload: { title: "x", description: "", environment: "development", apiIds: [b.apiId] },
      },
    },
    {
      name: "A's app moved onto B's api",
      request: { method: "PATCH", url: `/v1/apps/${a.appId}`, payload: { apiIds: [b.apiId] } },
    },
  ];
}

/** Lists A may read, each filtered (or not) in a way that would show B's rows if it leaked. */
function listCalls(b: TenantWorld): string[] {
  return [
    "/v1/keys?limit=100",
    `/v1/keys?search=${encodeURIComponent(b.key)}`,
    `/v1/keys?search=${b.keyId}`,
    `/v1/keys?appId=${b.appId}`,
    `/v1/keys?externalId=${b.identityExternalId}`,
    "/v1/apps?limit=100",
    "/v1/apis?limit=100",
    "/v1/identities?limit=100",
    `/v1/identities?search=${b.identityExternalId}`,
    "/v1/audit-events?limit=100",
    `/v1/audit-events?targetId=${b.keyId}`,
    `/v1/audit-events?actorId=${b.rootKeyId}`,
    "/v1/root-keys",
    "/v1/members",
    "/v1/invitations",
    "/v1/webhooks",
    "/v1/reports/keys",
  ];
}

describe.each(backends)("tenant isolation on $name", (backend) => {
  let service: TestService;
  let operator: SeededOperator;
  let a: TenantWorld;
  let b: TenantWorld;

  async function seedWorld(name: string): Promise<TenantWorld> {
    const tenant = await seedTenant(service, operator.rootKey, {
      name,
      externalId: `iso_${name}`,
      plan: "enterprise",
    });
    const as = async (method: InjectOptions["method"], url: string, payload?: object) => {
      const res = await service.app.inject({
        method,
        url,
        headers: bearer(tenant.rootKey),
        ...(payload ? { payload } : {}),
      });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return json<Record<string, unknown> & { id: string }>(res);
    };
    await as("PATCH", "/v1/workspace", { recoverableKeys: true });
    const api = await as("POST", "/v1/apis", {
      name: `${name} orders`,
      description: "",
      scopes: ["orders:read"],
    });
    const app = await as("POST", "/v1/apps", {
      title: `${name} app`,
      description: "",
      environment: "production",
      apiIds: [api.id],
    });
    const identityExternalId = `user_of_${name}`;
    const identity = await as("POST", "/v1/identities", { externalId: identityExternalId });
    const key = await as("POST", "/v1/keys", {
      name: `${name} key`,
      appId: app.id,
      scopes: ["orders:read"],
      externalId: identityExternalId,
    });
    const owner = await signInAs(service, tenant.id, "owner");
    const member = await signInAs(service, tenant.id, "developer");
    const invitation = await as("POST", "/v1/invitations", { email: `invitee@${name}.test`, role: "viewer" });
    const webhook = await as("POST", "/v1/webhooks", {
      url: `https://hooks.${name}.example.com/keygate`,
      events: ["key.created"],
    });
    const delivery = await as("POST", `/v1/webhooks/${webhook.id}/test`);
    const rootKeys = await as("GET", "/v1/root-keys");
    const rootKeyId = (rootKeys.data as Array<{ id: string }>)[0]?.id;
    if (!rootKeyId) throw new Error("the tenant has no root key");
    const portal = await openPortal(service, operator.rootKey, {
      workspace: tenant.id,
      role: "admin",
      features: ["keys", "apps", "usage", "audit"],
    });
    // Its key verified once, so it has usage, a last use and a cached verification record.
    expect(await verify(service, tenant.rootKey, { key: key.key as string })).toMatchObject({ valid: true });
    return {
      id: tenant.id,
      rootKey: tenant.rootKey,
      rootKeyId,
      headers: owner.headers,
      portalHeaders: portal.headers,
      ownerId: owner.userId,
      memberId: member.userId,
      apiId: api.id,
      appId: app.id,
      keyId: key.id,
      key: key.key as string,
      identityId: identity.id,
      identityExternalId,
      invitationId: (invitation.invitation as { id: string } | undefined)?.id ?? invitation.id,
      webhookId: webhook.id,
      deliveryId: delivery.id,
    };
  }

  beforeAll(async () => {
    service = await createTestService({ backend });
    operator = await seedOperator(service);
    a = await seedWorld("alpha");
    b = await seedWorld("bravo");
    await service.ctx.usage.flush();
  });
  afterAll(async () => service.close());

  /**
   * Who calls as A. A portal session is refused some endpoints outright (root keys, members,
   * invitations: 403), so for it a refusal may be 403 as well as 404; never anything else.
   */
  const callers = [
    { name: "A's * root key", headers: () => bearer(a.rootKey), refusals: [404] },
    { name: "A's owner, signed in", headers: () => a.headers, refusals: [404] },
    { name: "A's portal admin", headers: () => a.portalHeaders, refusals: [403, 404] },
  ];

  it("lists every endpoint with an id in its path that a tenant may call", async () => {
    const doc = json<{ paths: Record<string, Record<string, unknown>> }>(
      await service.app.inject({ method: "GET", url: "/openapi.json" }),
    );
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.includes("{") && !NOT_ID_SCOPED.some((pattern) => pattern.test(path)))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
    const listed = new Set(idScopedCalls(b).map((call) => call.route));
    expect(documented.filter((route) => !listed.has(route))).toEqual([]);
    expect([...listed].filter((route) => !documented.includes(route))).toEqual([]);
  });

  describe.each(callers)("called by $name", (caller) => {
    /** `refused` for 404 NOT_FOUND (or, where the caller allows it, 403 FORBIDDEN); else what it answered. */
    const outcome = (status: number, body: string) => {
      const code = (JSON.parse(body) as { error?: { code: string } }).error?.code;
      const refused =
        (status === 404 && code === "NOT_FOUND") ||
        (caller.refusals.includes(403) && status === 403 && code === "FORBIDDEN");
      return refused ? "refused" : `${status} ${code ?? body.slice(0, 200)}`;
    };

    it("refuses every one of B's ids: 404 NOT_FOUND", async () => {
      for (const { route, request } of idScopedCalls(b)) {
        const res = await service.app.inject({ ...request, headers: caller.headers() });
        expect(outcome(res.statusCode, res.body), route).toBe("refused");
      }
    });

    it("refuses (404) a create or change that names B's rows", async () => {
      for (const { name, request } of referencingCalls(a, b)) {
        const res = await service.app.inject({ ...request, headers: caller.headers() });
        expect(outcome(res.statusCode, res.body), name).toBe("refused");
      }
    });

    it("imports nothing of B's: B's key hash and app are refused in the report, and B's key is unchanged", async () => {
      const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
      const res = await service.app.inject({
        method: "POST",
        url: "/v1/keys/import",
        headers: caller.headers(),
        payload: {
          keys: [
            { hash: sha256(b.key), name: "taken over" },
            { hash: sha256(`${b.key}-other`), name: "in B's app", appId: b.appId },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(json(res)).toEqual({
        imported: [],
        skipped: [],
        refused: [
          { index: 0, code: "CONFLICT", message: "hash: this key cannot be imported" },
          { index: 1, code: "NOT_FOUND", message: "app not found" },
        ],
      });
      expect(await verify(service, b.rootKey, { key: b.key })).toMatchObject({ valid: true, keyId: b.keyId });
    });

    it("never shows B's rows in a list", async () => {
      const bIds = [
        b.id,
        b.keyId,
        b.appId,
        b.apiId,
        b.identityId,
        b.rootKeyId,
        b.ownerId,
        b.memberId,
        b.invitationId,
        b.webhookId,
        b.deliveryId,
      ];
      let read = 0;
      for (const url of listCalls(b)) {
        const res = await service.app.inject({ method: "GET", url, headers: caller.headers() });
        if (res.statusCode === 403 && caller.refusals.includes(403)) continue;
        expect(res.statusCode, url).toBe(200);
        read += 1;
        for (const id of bIds) expect(res.body, `${url} shows ${id}`).not.toContain(id);
        expect(res.body).not.toContain(b.identityExternalId);
      }
      // Refusing everything would prove nothing: most lists are the caller's to read.
      // (A portal session is refused root keys, members, invitations, webhooks and reports.)
      expect(read).toBeGreaterThanOrEqual(listCalls(b).length - 5);
    });
  });

  it("still finds A's own rows through the same lists (the lists above are not simply empty)", async () => {
    const keys = await service.app.inject({
      method: "GET",
      url: "/v1/keys?limit=100",
      headers: bearer(a.rootKey),
    });
    expect(keys.body).toContain(a.keyId);
    const events = await service.app.inject({
      method: "GET",
      url: "/v1/audit-events?limit=100",
      headers: bearer(a.rootKey),
    });
    expect(events.body).toContain(a.keyId);
    const identities = await service.app.inject({
      method: "GET",
      url: "/v1/identities",
      headers: bearer(a.rootKey),
    });
    expect(identities.body).toContain(a.identityId);
  });

  it("refuses (404) A's owner switching the session into B's workspace", async () => {
    expectError(
      await service.app.inject({
        method: "POST",
        url: "/v1/auth/workspace",
        headers: a.headers,
        payload: { workspaceId: b.id },
      }),
      404,
      "NOT_FOUND",
    );
  });

  it("verifies B's key as NOT_FOUND to A, and only A's key as VALID", async () => {
    expect(await verify(service, a.rootKey, { key: b.key })).toEqual({ valid: false, code: "NOT_FOUND" });
    expect(await verify(service, a.rootKey, { key: a.key })).toMatchObject({
      valid: true,
      keyId: a.keyId,
      workspaceId: a.id,
    });
  });

  it("never carries B's events on A's event stream, and ignores A's usage reports of B's keys", async () => {
    await service.app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}`;
    const stream = await openStream(base, bearer(a.rootKey));
    try {
      await stream.next(eventOf("ready"));
      const bKey = json<{ id: string }>(
        await service.app.inject({
          method: "POST",
          url: "/v1/keys",
          headers: bearer(b.rootKey),
          payload: { name: "bravo watched" },
        }),
      );
      const aKey = json<{ id: string }>(
        await service.app.inject({
          method: "POST",
          url: "/v1/keys",
          headers: bearer(a.rootKey),
          payload: { name: "alpha watched" },
        }),
      );
      expect(dataOf(await stream.next(eventOf("key")))).toEqual({ workspaceId: a.id, keyIds: [aKey.id] });
      for (const frame of stream.frames) {
        for (const id of [b.id, bKey.id, b.keyId]) expect(frame.data ?? "").not.toContain(id);
      }
    } finally {
      stream.close();
    }
    const report = await service.app.inject({
      method: "POST",
      url: "/v1/keys/usage-reports",
      headers: bearer(a.rootKey),
      payload: {
        reports: [
          {
            keyId: b.keyId,
            outcome: "VALID",
            count: 5,
            lastUsedAt: service.clock.now().toISOString(),
            lastUsedIp: null,
          },
        ],
      },
    });
    expect(report.statusCode).toBe(202);
    expect(json(report)).toEqual({ accepted: 0, ignored: 1 });
  });

  it("refuses A's root key, owner and portal admin on the operator's /v1/workspaces endpoints (403)", async () => {
    for (const headers of [bearer(a.rootKey), a.headers, a.portalHeaders]) {
      for (const request of [
        { method: "GET", url: "/v1/workspaces" },
        { method: "POST", url: "/v1/workspaces", payload: { name: "x", externalId: "iso_x", plan: "pro" } },
        { method: "GET", url: `/v1/workspaces/${b.id}` },
        { method: "PATCH", url: `/v1/workspaces/${b.id}`, payload: { suspended: true } },
        { method: "DELETE", url: `/v1/workspaces/${b.id}` },
        {
          method: "POST",
          url: `/v1/workspaces/${b.id}/root-keys`,
          payload: { name: "x", permissions: ["*"] },
        },
        { method: "GET", url: `/v1/workspaces/${a.id}` },
      ] as InjectOptions[]) {
        expectError(await service.app.inject({ ...request, headers }), 403, "FORBIDDEN");
      }
    }
  });

  it("left every one of B's rows as it was", async () => {
    const asB = (url: string) => service.app.inject({ method: "GET", url, headers: bearer(b.rootKey) });
    expect(json(await asB(`/v1/keys/${b.keyId}`))).toMatchObject({
      id: b.keyId,
      name: "bravo key",
      status: "active",
    });
    expect(json(await asB(`/v1/apps/${b.appId}`))).toMatchObject({ id: b.appId, title: "bravo app" });
    expect(json(await asB(`/v1/apis/${b.apiId}`))).toMatchObject({ id: b.apiId, name: "bravo orders" });
    expect(json(await asB(`/v1/identities/${b.identityId}`))).toMatchObject({ id: b.identityId, meta: {} });
    expect((await asB("/v1/root-keys")).body).toContain(b.rootKeyId);
    expect((await asB("/v1/members")).body).toContain(b.memberId);
    expect((await asB("/v1/invitations")).body).toContain(b.invitationId);
    expect(await verify(service, b.rootKey, { key: b.key })).toMatchObject({ valid: true, keyId: b.keyId });
    const bTrail = await service.store.db
      .selectFrom("audit_events")
      .select("action")
      .where("workspace_id", "=", b.id)
      .where((eb) => eb.or([eb("actor_id", "=", a.rootKeyId), eb("actor_id", "=", a.ownerId)]))
      .execute();
    expect(bTrail).toEqual([]);
  });
});
