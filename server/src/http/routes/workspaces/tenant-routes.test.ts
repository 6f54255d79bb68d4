import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  expectSecured,
  json,
  seedRootKey,
  seedWorkspace,
  signInAs,
  TEST_PASSWORD,
  type TestService,
} from "../../../../test/harness.js";
import { type SeededOperator, seedOperator, seedTenant } from "../../../../test/tenant-fixtures.js";
import type { InvalidationMessage } from "../../../verifier/invalidation.js";

interface Tenant {
  id: string;
  name: string;
  externalId: string | null;
  plan: string;
  keyPrefix: string;
  suspended: boolean;
  suspendedAt: string | null;
  branding: { productName: string | null; logoUrl: string | null; accentColor: string | null };
  keyCount: number;
  lastVerifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const PRO_ENTITLEMENTS = {
  apiAccess: true,
  ipAllowlists: true,
  usageLimits: true,
  auditExport: true,
  maxMembers: 25,
  maxKeys: 10000,
};
const NO_BRANDING = { productName: null, logoUrl: null, accentColor: null };

describe.each(backends)("the tenant API on $name", (backend) => {
  let service: TestService;
  let operator: SeededOperator;
  const published: InvalidationMessage[] = [];

  beforeAll(async () => {
    service = await createTestService({ backend });
    service.ctx.invalidation.subscribe((message) => published.push(message));
    operator = await seedOperator(service);
  });
  afterAll(async () => service.close());

  const call = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, key: string, payload?: unknown) =>
    service.app.inject({
      method,
      url,
      headers: bearer(key),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const events = (workspaceId: string, action: string) =>
    service.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("workspace_id", "=", workspaceId)
      .where("action", "=", action)
      .orderBy("id")
      .execute();

  describe("POST /v1/workspaces", () => {
    it("creates a tenant with the operator's key prefix, audited in both trails", async () => {
      service.clock.advance(1000);
      const res = await call("POST", "/v1/workspaces", operator.rootKey, {
        name: "  Acme  ",
        externalId: "cus_acme",
        plan: "pro",
      });
      expect(res.statusCode).toBe(201);
      const at = service.clock.now().toISOString();
      const tenant = json<Tenant>(res);
      expect(tenant).toEqual({
        id: expect.stringMatching(/^ws_/),
        name: "Acme",
        externalId: "cus_acme",
        plan: "pro",
        keyPrefix: "plat",
        suspended: false,
        suspendedAt: null,
        branding: NO_BRANDING,
        keyCount: 0,
        lastVerifiedAt: null,
        entitlements: PRO_ENTITLEMENTS,
        createdAt: at,
        updatedAt: at,
      });
      const row = await service.store.db
        .selectFrom("workspaces")
        .select(["kind", "external_id"])
        .where("id", "=", tenant.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ kind: "tenant", external_id: "cus_acme" });

      const details = { name: "Acme", externalId: "cus_acme", plan: "pro", keyPrefix: "plat" };
      expect(await events(tenant.id, "workspace.created")).toMatchObject([
        { actor_type: "root_key", target_type: "workspace", target_id: tenant.id, details },
      ]);
      expect(await events(operator.workspace.id, "workspace.created")).toMatchObject([
        {
          actor_type: "root_key",
          target_id: tenant.id,
          details: { ...details, tenant: { id: tenant.id, name: "Acme", externalId: "cus_acme" } },
        },
      ]);
    });

    it("takes a key prefix, and lets the operator's owner create one from the dashboard", async () => {
      const owner = await signInAs(service, operator.workspace.id, "owner");
      const res = await service.app.inject({
        method: "POST",
        url: "/v1/workspaces",
        headers: owner.headers,
        payload: { name: "Globex", externalId: "org:globex@eu-1", plan: "free", keyPrefix: "globex" },
      });
      expect(res.statusCode).toBe(201);
      expect(json(res)).toMatchObject({ externalId: "org:globex@eu-1", plan: "free", keyPrefix: "globex" });
      const [event] = await events(json<Tenant>(res).id, "workspace.created");
      expect(event).toMatchObject({ actor_type: "user", actor_id: owner.userId });
    });

    it("refuses a taken externalId with 409 and creates nothing", async () => {
      await seedTenant(service, operator.rootKey, { externalId: "cus_taken" });
      const before = await service.store.db.selectFrom("workspaces").select("id").execute();
      expectError(
        await call("POST", "/v1/workspaces", operator.rootKey, {
          name: "Again",
          externalId: "cus_taken",
          plan: "pro",
        }),
        409,
        "CONFLICT",
        'a workspace with the externalId "cus_taken" already exists',
      );
      expect(await service.store.db.selectFrom("workspaces").select("id").execute()).toHaveLength(
        before.length,
      );
    });

    it("refuses bad input with 400 naming the field", async () => {
      const post = (payload: unknown) => call("POST", "/v1/workspaces", operator.rootKey, payload);
      expectError(
        await post({ name: "A", externalId: "has space", plan: "pro" }),
        400,
        "VALIDATION_FAILED",
        "externalId: must be 1-200 letters, digits or . _ : @ -",
      );
      expectError(
        await post({ name: "A", externalId: "x".repeat(201), plan: "pro" }),
        400,
        "VALIDATION_FAILED",
        /^externalId: /,
      );
      expectError(
        await post({ name: "A", externalId: "cus_x", plan: "gold" }),
        400,
        "VALIDATION_FAILED",
        /^plan: /,
      );
      expectError(await post({ name: "A", plan: "pro" }), 400, "VALIDATION_FAILED", /^externalId: /);
      expectError(
        await post({ name: "A", externalId: "cus_x", plan: "pro", keyPrefix: "Bad-Prefix" }),
        400,
        "VALIDATION_FAILED",
        /^keyPrefix: /,
      );
      expectError(
        await post({ name: "A", externalId: "cus_x", plan: "pro", kind: "operator" }),
        400,
        "VALIDATION_FAILED",
        "kind: unknown field",
      );
    });

    it("is the operator's only: a tenant's * root key, its owner and the operator's developer are refused", async () => {
      const request = {
        method: "POST" as const,
        url: "/v1/workspaces",
        payload: { name: "Nope", externalId: "cus_nope", plan: "pro" },
      };
      await expectSecured(service, operator.workspace.id, request, "workspaces:write");
      const tenant = await seedTenant(service, operator.rootKey);
      const tenantOwner = await signInAs(service, tenant.id, "owner");
      const developer = await signInAs(service, operator.workspace.id, "developer");
      const plain = await seedWorkspace(service);
      for (const headers of [
        bearer(tenant.rootKey),
        bearer(plain.rootKey),
        tenantOwner.headers,
        developer.headers,
      ]) {
        expectError(
          await service.app.inject({ ...request, headers }),
          403,
          "FORBIDDEN",
          "this needs the workspaces:write permission",
        );
      }
      const readOnly = await seedRootKey(service, operator.workspace.id, ["workspaces:read"]);
      expectError(await call("POST", "/v1/workspaces", readOnly, request.payload), 403, "FORBIDDEN");
      expect((await call("GET", "/v1/workspaces?externalId=cus_nope", operator.rootKey)).json()).toEqual({
        data: [],
        nextCursor: null,
      });
    });
  });

  describe("GET /v1/workspaces", () => {
    it("lists live tenants newest first, filters them and pages through them, never the operator", async () => {
      const a = await seedTenant(service, operator.rootKey, {
        name: "Initech Ltd",
        externalId: "list_initech",
      });
      const b = await seedTenant(service, operator.rootKey, {
        name: "Hooli",
        externalId: "list_HOOLI",
        plan: "enterprise",
      });
      const c = await seedTenant(service, operator.rootKey, {
        name: "Vandelay",
        externalId: "list_vandelay",
      });
      expect(
        (await call("PATCH", `/v1/workspaces/${c.id}`, operator.rootKey, { suspended: true })).statusCode,
      ).toBe(200);
      const list = async (query: string) => {
        const res = await call("GET", `/v1/workspaces?${query}`, operator.rootKey);
        expect(res.statusCode).toBe(200);
        return json<{ data: Tenant[]; nextCursor: string | null }>(res);
      };
      const ids = async (query: string) => (await list(query)).data.map((t) => t.id);

      const all = await list("limit=100");
      expect(all.data.map((t) => t.id)).not.toContain(operator.workspace.id);
      expect(all.data.slice(0, 3).map((t) => t.id)).toEqual([c.id, b.id, a.id]);
      expect(all.nextCursor).toBeNull();

      expect(await ids("externalId=list_initech")).toEqual([a.id]);
      expect(await ids("externalId=list_hooli")).toEqual([]);
      expect(await ids("search=hoo")).toEqual([b.id]);
      expect(await ids("search=LIST_")).toEqual([c.id, b.id, a.id]);
      expect(await ids("search=initech%20l")).toEqual([a.id]);
      expect(await ids("search=%25")).toEqual([]);
      expect(await ids("search=list_&plan=enterprise")).toEqual([b.id]);
      expect(await ids("search=list_&suspended=true")).toEqual([c.id]);
      expect(await ids("search=list_&suspended=false")).toEqual([b.id, a.id]);

      const first = await list("search=list_&limit=2");
      expect(first.data.map((t) => t.id)).toEqual([c.id, b.id]);
      expect(first.nextCursor).toBe(b.id);
      const second = await list(`search=list_&limit=2&cursor=${first.nextCursor}`);
      expect(second).toEqual({ data: [expect.objectContaining({ id: a.id })], nextCursor: null });

      expectError(await call("GET", "/v1/workspaces?plan=gold", operator.rootKey), 400, "VALIDATION_FAILED");
      expectError(
        await call("GET", "/v1/workspaces?suspended=maybe", operator.rootKey),
        400,
        "VALIDATION_FAILED",
      );
      expectError(await call("GET", "/v1/workspaces?limit=0", operator.rootKey), 400, "VALIDATION_FAILED");
    });

    it("is the operator's only", async () => {
      await expectSecured(
        service,
        operator.workspace.id,
        { method: "GET", url: "/v1/workspaces" },
        "workspaces:read",
      );
      const tenant = await seedTenant(service, operator.rootKey);
      expectError(await call("GET", "/v1/workspaces", tenant.rootKey), 403, "FORBIDDEN");
      const admin = await signInAs(service, operator.workspace.id, "admin");
      const viewer = await signInAs(service, operator.workspace.id, "viewer");
      expect(
        (await service.app.inject({ method: "GET", url: "/v1/workspaces", headers: admin.headers }))
          .statusCode,
      ).toBe(200);
      expectError(
        await service.app.inject({ method: "GET", url: "/v1/workspaces", headers: viewer.headers }),
        403,
        "FORBIDDEN",
      );
    });
  });

  describe("GET /v1/workspaces/{id}", () => {
    it("answers the tenant, and 404 for the operator's own id, an unknown id or a plain workspace of no kind", async () => {
      const tenant = await seedTenant(service, operator.rootKey, { name: "One", externalId: "get_one" });
      const res = await call("GET", `/v1/workspaces/${tenant.id}`, operator.rootKey);
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({ id: tenant.id, name: "One", externalId: "get_one", keyCount: 0 });
      for (const id of [operator.workspace.id, "ws_01JD0000000000000000000000"]) {
        expectError(
          await call("GET", `/v1/workspaces/${id}`, operator.rootKey),
          404,
          "NOT_FOUND",
          "workspace not found",
        );
      }
      expectError(await call("GET", "/v1/workspaces/key_123", operator.rootKey), 400, "VALIDATION_FAILED");
    });

    it("answers when one of the tenant's keys was last verified", async () => {
      const tenant = await seedTenant(service, operator.rootKey);
      const created = await call("POST", "/v1/keys", tenant.rootKey, { name: "verified" });
      const { key } = json<{ key: string }>(created);
      expect(json(await call("GET", `/v1/workspaces/${tenant.id}`, operator.rootKey))).toMatchObject({
        lastVerifiedAt: null,
      });
      service.clock.advance(60_000);
      const verifiedAt = service.clock.now().toISOString();
      expect(json(await call("POST", "/v1/keys/verify", tenant.rootKey, { key }))).toMatchObject({
        valid: true,
      });
      await service.ctx.usage.flush();
      expect(json(await call("GET", `/v1/workspaces/${tenant.id}`, operator.rootKey))).toMatchObject({
        lastVerifiedAt: verifiedAt,
      });
    });

    it("counts the tenant's live keys", async () => {
      const tenant = await seedTenant(service, operator.rootKey);
      const made = [];
      for (const name of ["one", "two"]) {
        const res = await call("POST", "/v1/keys", tenant.rootKey, { name });
        expect(res.statusCode).toBe(201);
        made.push(json<{ id: string }>(res).id);
      }
      expect(json(await call("GET", `/v1/workspaces/${tenant.id}`, operator.rootKey))).toMatchObject({
        keyCount: 2,
      });
      expect((await call("DELETE", `/v1/keys/${made[0]}`, tenant.rootKey)).statusCode).toBe(204);
      expect(json(await call("GET", `/v1/workspaces/${tenant.id}`, operator.rootKey))).toMatchObject({
        keyCount: 1,
      });
      const listed = json<{ data: Tenant[] }>(
        await call("GET", `/v1/workspaces?externalId=${tenant.externalId}`, operator.rootKey),
      );
      expect(listed.data).toMatchObject([{ id: tenant.id, keyCount: 1 }]);
    });

    it("is the operator's only", async () => {
      const tenant = await seedTenant(service, operator.rootKey);
      await expectSecured(
        service,
        operator.workspace.id,
        { method: "GET", url: `/v1/workspaces/${tenant.id}` },
        "workspaces:read",
      );
      expectError(await call("GET", `/v1/workspaces/${tenant.id}`, tenant.rootKey), 403, "FORBIDDEN");
    });
  });

  describe("PATCH /v1/workspaces/{id}", () => {
    it("changes name, customer id and branding as workspace.updated in both trails", async () => {
      const tenant = await seedTenant(service, operator.rootKey, { name: "Old", externalId: "patch_old" });
      service.clock.advance(1000);
      const res = await call("PATCH", `/v1/workspaces/${tenant.id}`, operator.rootKey, {
        name: "New",
        externalId: "patch_new",
        branding: { productName: "Acme Cloud", accentColor: "#FF0000" },
      });
      expect(res.statusCode).toBe(200);
      expect(json(res)).toMatchObject({
        name: "New",
        externalId: "patch_new",
        branding: { productName: "Acme Cloud", logoUrl: null, accentColor: "#ff0000" },
        updatedAt: service.clock.now().toISOString(),
      });
      const details = {
        fields: ["name", "externalId", "branding.productName", "branding.accentColor"],
        before: {
          name: "Old",
          externalId: "patch_old",
          "branding.productName": null,
          "branding.accentColor": null,
        },
        after: {
          name: "New",
          externalId: "patch_new",
          "branding.productName": "Acme Cloud",
          "branding.accentColor": "#ff0000",
        },
      };
      expect(await events(tenant.id, "workspace.updated")).toMatchObject([{ details }]);
      expect(await events(operator.workspace.id, "workspace.updated")).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            target_id: tenant.id,
            details: { ...details, tenant: { id: tenant.id, name: "New", externalId: "patch_new" } },
          }),
        ]),
      );
      // null clears a field; the same values again change nothing and record nothing.
      const cleared = await call("PATCH", `/v1/workspaces/${tenant.id}`, operator.rootKey, {
        branding: { productName: null },
      });
      expect(json(cleared)).toMatchObject({ branding: { productName: null, accentColor: "#ff0000" } });
      const same = await call("PATCH", `/v1/workspaces/${tenant.id}`, operator.rootKey, {
        name: "New",
        externalId: "patch_new",
        branding: { productName: null },
      });
      expect(same.statusCode).toBe(200);
      expect(await events(tenant.id, "workspace.updated")).toHaveLength(2);
      // The tenant sees its override in its own workspace.
      expect(json(await call("GET", "/v1/workspace", tenant.rootKey))).toMatchObject({
        kind: "tenant",
        externalId: "patch_new",
        suspended: false,
        branding: { productName: null, logoUrl: null, accentColor: "#ff0000" },
      });
    });

    it("changes the plan, audited with from/to and source api, and publishes it", async () => {
      const tenant = await seedTenant(service, operator.rootKey, { externalId: "patch_plan", plan: "pro" });
      const snapshots = service.ctx.keyCreation.workspaces;
      await snapshots.get(tenant.id);
      expect(await snapshots.get(tenant.id)).toMatchObject({ fresh: false, row: { plan: "pro" } });
      published.length = 0;
      const res = await call("PATCH", `/v1/workspaces/${tenant.id}`, operator.rootKey, {
        plan: "enterprise",
      });
      // Key creation forgot what it remembered: its next read is the new plan.
      expect(await snapshots.get(tenant.id)).toMatchObject({ fresh: true, row: { plan: "enterprise" } });
      expect(json(res)).toMatchObject({ plan: "enterprise", entitlements: { maxKeys: null } });
      expect(published).toEqual([
        {
          kind: "workspace",
          workspace: { id: tenant.id, externalId: "patch_plan", plan: "enterprise", suspended: false },
        },
      ]);
      const details = { from: "pro", to: "enterprise", source: "api" };
      expect(await events(tenant.id, "workspace.plan_changed")).toMatchObject([
        { actor_type: "root_key", details },
      ]);
      expect(await events(operator.workspace.id, "workspace.plan_changed")).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ target_id: tenant.id, details: expect.objectContaining(details) }),
        ]),
      );
      published.length = 0;
      await call("PATCH", `/v1/workspaces/${tenant.id}`, operator.rootKey, { plan: "enterprise" });
      expect(published).toEqual([]);
      expect(await events(tenant.id, "workspace.plan_changed")).toHaveLength(1);
    });

    it("suspends and resumes, audited as workspace.suspended and workspace.resumed", async () => {
      const tenant = await seedTenant(service, operator.rootKey, { externalId: "patch_suspend" });
      service.clock.advance(1000);
      published.length = 0;
      const suspended = await call("PATCH", `/v1/workspaces/${tenant.id}`, operator.rootKey, {
        suspended: true,
      });
      const at = service.clock.now().toISOString();
      expect(json(suspended)).toMatchObject({ suspended: true, suspendedAt: at, updatedAt: at });
      expect(published).toEqual([
        {
          kind: "workspace",
          workspace: { id: tenant.id, externalId: "patch_suspend", plan: "pro", suspended: true },
        },
      ]);
      expect(json(await call("GET", "/v1/workspace", tenant.rootKey))).toMatchObject({ suspended: true });
      const resumed = await call("PATCH", `/v1/workspaces/${tenant.id}`, operator.rootKey, {
        suspended: false,
      });
      expect(json(resumed)).toMatchObject({ suspended: false, suspendedAt: null });
      expect((await events(tenant.id, "workspace.suspended")).length).toBe(1);
      expect((await events(tenant.id, "workspace.resumed")).length).toBe(1);
      expect((await events(operator.workspace.id, "workspace.suspended")).map((e) => e.target_id)).toContain(
        tenant.id,
      );
    });

    it("refuses a taken customer id (409), bad branding (400), and the operator's own or an unknown id (404)", async () => {
      const tenant = await seedTenant(service, operator.rootKey, { externalId: "patch_mine" });
      await seedTenant(service, operator.rootKey, { externalId: "patch_theirs" });
      const patch = (payload: unknown, id = tenant.id) =>
        call("PATCH", `/v1/workspaces/${id}`, operator.rootKey, payload);
      expectError(
        await patch({ externalId: "patch_theirs" }),
        409,
        "CONFLICT",
        'a workspace with the externalId "patch_theirs" already exists',
      );
      expectError(
        await patch({ branding: { accentColor: "red" } }),
        400,
        "VALIDATION_FAILED",
        /^branding\.accentColor: /,
      );
      expectError(
        await patch({ branding: { logoUrl: "javascript:alert(1)" } }),
        400,
        "VALIDATION_FAILED",
        /^branding\.logoUrl: /,
      );
      expectError(
        await patch({ branding: { productName: "x".repeat(61) } }),
        400,
        "VALIDATION_FAILED",
        /^branding\.productName: /,
      );
      expectError(await patch({ keyPrefix: "other" }), 400, "VALIDATION_FAILED", "keyPrefix: unknown field");
      expectError(await patch({ suspended: true }, operator.workspace.id), 404, "NOT_FOUND");
      expect(json(await call("GET", "/v1/workspace", operator.rootKey))).toMatchObject({ suspended: false });
      expect(json(await call("GET", `/v1/workspaces/${tenant.id}`, operator.rootKey))).toMatchObject({
        externalId: "patch_mine",
      });
    });

    it("is the operator's only", async () => {
      const tenant = await seedTenant(service, operator.rootKey);
      await expectSecured(
        service,
        operator.workspace.id,
        { method: "PATCH", url: `/v1/workspaces/${tenant.id}`, payload: { suspended: true } },
        "workspaces:write",
      );
      expectError(
        await call("PATCH", `/v1/workspaces/${tenant.id}`, tenant.rootKey, { plan: "enterprise" }),
        403,
        "FORBIDDEN",
      );
      const reader = await seedRootKey(service, operator.workspace.id, ["workspaces:read"]);
      expectError(
        await call("PATCH", `/v1/workspaces/${tenant.id}`, reader, { plan: "free" }),
        403,
        "FORBIDDEN",
      );
      expect(json(await call("GET", `/v1/workspaces/${tenant.id}`, operator.rootKey))).toMatchObject({
        plan: "pro",
        suspended: false,
      });
    });
  });

  describe("DELETE /v1/workspaces/{id}", () => {
    it("deletes softly: gone from reads and lists, its root keys and sessions stop at once, its customer id is free", async () => {
      const tenant = await seedTenant(service, operator.rootKey, { externalId: "delete_me" });
      const member = await signInAs(service, tenant.id, "owner");
      const invited = await call("POST", "/v1/invitations", tenant.rootKey, {
        email: "new@delete.test",
        role: "viewer",
      });
      expect(invited.statusCode).toBe(201);
      const token = new URL(json<{ url: string }>(invited).url).searchParams.get("token") ?? "";
      const lookup = () =>
        service.app.inject({
          method: "GET",
          url: `/v1/invitations/lookup?token=${encodeURIComponent(token)}`,
        });
      expect((await lookup()).statusCode).toBe(200);
      expect((await call("GET", "/v1/workspace", tenant.rootKey)).statusCode).toBe(200);
      published.length = 0;
      const res = await call("DELETE", `/v1/workspaces/${tenant.id}`, operator.rootKey);
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe("");

      expectError(await call("GET", `/v1/workspaces/${tenant.id}`, operator.rootKey), 404, "NOT_FOUND");
      expectError(
        await call("PATCH", `/v1/workspaces/${tenant.id}`, operator.rootKey, { name: "x" }),
        404,
        "NOT_FOUND",
      );
      expectError(await call("DELETE", `/v1/workspaces/${tenant.id}`, operator.rootKey), 404, "NOT_FOUND");
      expect((await call("GET", "/v1/workspaces?search=delete_me", operator.rootKey)).json()).toEqual({
        data: [],
        nextCursor: null,
      });
      expectError(
        await call("GET", "/v1/workspace", tenant.rootKey),
        401,
        "UNAUTHENTICATED",
        "the root key is not valid",
      );
      expectError(
        await service.app.inject({ method: "GET", url: "/v1/workspace", headers: member.headers }),
        401,
        "UNAUTHENTICATED",
      );
      expect(
        await service.store.db
          .selectFrom("sessions")
          .select("user_id")
          .where("workspace_id", "=", tenant.id)
          .execute(),
      ).toEqual([]);
      expect(published).toEqual([
        {
          kind: "workspace",
          workspace: { id: tenant.id, externalId: "delete_me", plan: "pro", suspended: true },
        },
        { kind: "root_key", hashes: [expect.any(String)] },
      ]);
      expect(await events(tenant.id, "workspace.deleted")).toMatchObject([
        {
          details: {
            name: expect.any(String),
            externalId: "delete_me",
            plan: "pro",
            endedSessions: 1,
            removedMembers: 1,
            revokedInvitations: 1,
          },
        },
      ]);
      expect((await events(operator.workspace.id, "workspace.deleted")).map((e) => e.target_id)).toContain(
        tenant.id,
      );

      // Its member cannot sign in there again, and its invitation cannot be accepted.
      expectError(
        await service.app.inject({
          method: "POST",
          url: "/v1/auth/login",
          payload: { email: member.email, password: TEST_PASSWORD },
        }),
        403,
        "FORBIDDEN",
        "this account is not a member of any workspace",
      );
      expectError(await lookup(), 404, "NOT_FOUND");

      const again = await call("POST", "/v1/workspaces", operator.rootKey, {
        name: "Back",
        externalId: "delete_me",
        plan: "pro",
      });
      expect(again.statusCode).toBe(201);
      expect(json<Tenant>(again).id).not.toBe(tenant.id);
    });

    it("refuses the operator's own workspace (404) and is the operator's only", async () => {
      expectError(
        await call("DELETE", `/v1/workspaces/${operator.workspace.id}`, operator.rootKey),
        404,
        "NOT_FOUND",
      );
      const tenant = await seedTenant(service, operator.rootKey);
      await expectSecured(
        service,
        operator.workspace.id,
        { method: "DELETE", url: `/v1/workspaces/${tenant.id}` },
        "workspaces:write",
      );
      expectError(await call("DELETE", `/v1/workspaces/${tenant.id}`, tenant.rootKey), 403, "FORBIDDEN");
      expect((await call("GET", `/v1/workspaces/${tenant.id}`, operator.rootKey)).statusCode).toBe(200);
    });
  });
});
