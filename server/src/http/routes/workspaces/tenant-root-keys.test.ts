import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  bearer,
  createTestService,
  expectError,
  expectSecured,
  json,
  seedRootKey,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import { type SeededOperator, seedOperator, seedTenant } from "../../../../test/tenant-fixtures.js";

describe.each(backends)("POST /v1/workspaces/{id}/root-keys on $name", (backend) => {
  let service: TestService;
  let operator: SeededOperator;

  beforeAll(async () => {
    service = await createTestService({ backend });
    operator = await seedOperator(service);
  });
  afterAll(async () => service.close());

  const mint = (tenantId: string, key: string, payload: unknown) =>
    service.app.inject({
      method: "POST",
      url: `/v1/workspaces/${tenantId}/root-keys`,
      headers: bearer(key),
      payload: payload as object,
    });
  const rootKeysOf = (workspaceId: string) =>
    service.store.db.selectFrom("root_keys").select("id").where("workspace_id", "=", workspaceId).execute();

  it("mints a root key of the tenant, shown once, that works in the tenant only", async () => {
    const tenant = await seedTenant(service, operator.rootKey, { externalId: "rk_acme" });
    service.clock.advance(1000);
    const res = await mint(tenant.id, operator.rootKey, {
      name: "deploy",
      permissions: ["keys:read", "keys:write"],
    });
    expect(res.statusCode).toBe(201);
    const created = json<{ id: string; key: string; start: string }>(res);
    expect(created).toEqual({
      id: expect.stringMatching(/^key_/),
      key: expect.stringMatching(/^kg_root_/),
      name: "deploy",
      start: created.key.slice(0, created.start.length),
      permissions: ["keys:read", "keys:write"],
      createdAt: service.clock.now().toISOString(),
      createdBy: expect.stringMatching(/^key_/),
      lastUsedAt: null,
    });
    const keys = await service.app.inject({ method: "GET", url: "/v1/keys", headers: bearer(created.key) });
    expect(keys.statusCode).toBe(200);
    expectError(
      await service.app.inject({ method: "GET", url: "/v1/workspace", headers: bearer(created.key) }),
      403,
      "FORBIDDEN",
      "this needs the workspace:read permission",
    );
    // It is the tenant's: listed there, not in the operator's workspace.
    const listed = await service.app.inject({
      method: "GET",
      url: "/v1/root-keys",
      headers: bearer(tenant.rootKey),
    });
    expect(json<{ data: { id: string }[] }>(listed).data.map((k) => k.id)).toContain(created.id);
    expect((await rootKeysOf(operator.workspace.id)).map((k) => k.id)).not.toContain(created.id);

    const details = { name: "deploy", permissions: ["keys:read", "keys:write"], start: created.start };
    const inTenant = await service.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("workspace_id", "=", tenant.id)
      .where("target_id", "=", created.id)
      .execute();
    expect(inTenant).toMatchObject([{ action: "root_key.created", actor_type: "root_key", details }]);
    const inOperator = await service.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("workspace_id", "=", operator.workspace.id)
      .where("target_id", "=", created.id)
      .execute();
    expect(inOperator).toMatchObject([
      {
        action: "root_key.created",
        details: { ...details, tenant: { id: tenant.id, externalId: "rk_acme" } },
      },
    ]);
    expect(JSON.stringify([...inTenant, ...inOperator])).not.toContain(created.key);
  });

  it("gives a * key of the tenant every permission but the operator's", async () => {
    const tenant = await seedTenant(service, operator.rootKey);
    const res = await mint(tenant.id, operator.rootKey, { name: "all", permissions: ["*"] });
    const { key } = json<{ key: string }>(res);
    expect(
      (await service.app.inject({ method: "GET", url: "/v1/workspace", headers: bearer(key) })).statusCode,
    ).toBe(200);
    expectError(
      await service.app.inject({ method: "GET", url: "/v1/workspaces", headers: bearer(key) }),
      403,
      "FORBIDDEN",
      "this needs the workspaces:read permission",
    );
  });

  it("refuses operator permissions (400), grants the caller lacks (403), and a missing tenant (404)", async () => {
    const tenant = await seedTenant(service, operator.rootKey);
    const before = (await rootKeysOf(tenant.id)).length;
    expectError(
      await mint(tenant.id, operator.rootKey, { name: "x", permissions: ["keys:read", "keys:verify:any"] }),
      400,
      "VALIDATION_FAILED",
      "permissions.1: keys:verify:any is an operator permission: only the operator's workspace can hold it",
    );
    const writer = await seedRootKey(service, operator.workspace.id, ["workspaces:write"]);
    expectError(
      await mint(tenant.id, writer, { name: "x", permissions: ["*"] }),
      403,
      "FORBIDDEN",
      "you cannot grant *: you do not hold every permission yourself",
    );
    expectError(
      await mint(tenant.id, writer, { name: "x", permissions: ["keys:read"] }),
      403,
      "FORBIDDEN",
      "you cannot grant the keys:read permission: you do not hold it yourself",
    );
    expectError(
      await mint(tenant.id, operator.rootKey, { name: "x", permissions: [] }),
      400,
      "VALIDATION_FAILED",
    );
    for (const id of [operator.workspace.id, "ws_01JD0000000000000000000000"]) {
      expectError(
        await mint(id, operator.rootKey, { name: "x", permissions: ["keys:read"] }),
        404,
        "NOT_FOUND",
      );
    }
    const deleted = await seedTenant(service, operator.rootKey);
    await service.app.inject({
      method: "DELETE",
      url: `/v1/workspaces/${deleted.id}`,
      headers: bearer(operator.rootKey),
    });
    expectError(
      await mint(deleted.id, operator.rootKey, { name: "x", permissions: ["keys:read"] }),
      404,
      "NOT_FOUND",
    );
    expect(await rootKeysOf(deleted.id)).toHaveLength(1);
    expect(await rootKeysOf(tenant.id)).toHaveLength(before);
  });

  it("is the operator's only: a tenant's * key and the operator's admin by session are judged by workspaces:write", async () => {
    const tenant = await seedTenant(service, operator.rootKey);
    await expectSecured(
      service,
      operator.workspace.id,
      {
        method: "POST",
        url: `/v1/workspaces/${tenant.id}/root-keys`,
        payload: { name: "x", permissions: ["keys:read"] },
      },
      "workspaces:write",
    );
    expectError(
      await mint(tenant.id, tenant.rootKey, { name: "x", permissions: ["keys:read"] }),
      403,
      "FORBIDDEN",
      "this needs the workspaces:write permission",
    );
    const tenantOwner = await signInAs(service, tenant.id, "owner");
    const admin = await signInAs(service, operator.workspace.id, "admin");
    const post = (headers: Record<string, string>, permissions: string[]) =>
      service.app.inject({
        method: "POST",
        url: `/v1/workspaces/${tenant.id}/root-keys`,
        headers,
        payload: { name: "x", permissions },
      });
    expectError(await post(tenantOwner.headers, ["keys:read"]), 403, "FORBIDDEN");
    expect((await post(admin.headers, ["keys:read"])).statusCode).toBe(201);
    // An admin does not hold workspace:write, so cannot hand out * even inside a tenant.
    expectError(
      await post(admin.headers, ["*"]),
      403,
      "FORBIDDEN",
      "you cannot grant *: you do not hold every permission yourself",
    );
  });
});
