/**
 * What the platform's billing relies on: a plan change or a suspension made through
 * PATCH /v1/workspaces/{id} holds from the very next request, even for a key whose verification
 * is cached. A tenant on a plan without API Access keeps verifying its keys and cannot create new
 * ones; a suspended or deleted tenant's keys verify as WORKSPACE_SUSPENDED.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import { bearer, createTestService, expectError, json, type TestService } from "../../../../test/harness.js";
import { type SeededOperator, seedOperator, seedTenant } from "../../../../test/tenant-fixtures.js";
import { verify } from "../../../../test/verify-helpers.js";

describe.each(backends)("a tenant's plan and suspension on $name", (backend) => {
  let service: TestService;
  let operator: SeededOperator;

  beforeAll(async () => {
    service = await createTestService({ backend });
    operator = await seedOperator(service);
  });
  afterAll(async () => service.close());

  const patchTenant = async (id: string, payload: object) => {
    const res = await service.app.inject({
      method: "PATCH",
      url: `/v1/workspaces/${id}`,
      headers: bearer(operator.rootKey),
      payload,
    });
    expect(res.statusCode).toBe(200);
  };
  const createKey = (rootKey: string, name: string) =>
    service.app.inject({ method: "POST", url: "/v1/keys", headers: bearer(rootKey), payload: { name } });
  const newKey = async (rootKey: string) => {
    const res = await createKey(rootKey, "billing test");
    expect(res.statusCode).toBe(201);
    return json<{ id: string; key: string }>(res);
  };

  it("downgraded to free, keeps verifying its keys and is refused new ones (PLAN_REQUIRED) on the next request", async () => {
    const tenant = await seedTenant(service, operator.rootKey, { plan: "pro" });
    const key = await newKey(tenant.rootKey);
    expect(await verify(service, tenant.rootKey, { key: key.key })).toMatchObject({
      valid: true,
      code: "VALID",
    });

    await patchTenant(tenant.id, { plan: "free" });
    expect(await verify(service, tenant.rootKey, { key: key.key })).toMatchObject({
      valid: true,
      code: "VALID",
      keyId: key.id,
    });
    expectError(
      await createKey(tenant.rootKey, "after the downgrade"),
      402,
      "PLAN_REQUIRED",
      "the free plan does not include API Access; upgrade required",
    );

    await patchTenant(tenant.id, { plan: "pro" });
    expect((await createKey(tenant.rootKey, "after the upgrade")).statusCode).toBe(201);
  });

  it("suspended, its keys verify as WORKSPACE_SUSPENDED on the next request, and VALID again once resumed", async () => {
    const tenant = await seedTenant(service, operator.rootKey);
    const key = await newKey(tenant.rootKey);
    expect(await verify(service, tenant.rootKey, { key: key.key })).toMatchObject({ valid: true });
    expect(await verify(service, operator.rootKey, { key: key.key })).toMatchObject({ valid: true });

    await patchTenant(tenant.id, { suspended: true });
    const refused = { valid: false, code: "WORKSPACE_SUSPENDED", keyId: key.id };
    expect(await verify(service, tenant.rootKey, { key: key.key })).toEqual(refused);
    expect(await verify(service, operator.rootKey, { key: key.key })).toEqual(refused);

    await patchTenant(tenant.id, { suspended: false });
    expect(await verify(service, tenant.rootKey, { key: key.key })).toMatchObject({
      valid: true,
      code: "VALID",
    });
  });

  it("deleted, its keys verify as WORKSPACE_SUSPENDED to the operator at once", async () => {
    const tenant = await seedTenant(service, operator.rootKey);
    const key = await newKey(tenant.rootKey);
    expect(await verify(service, operator.rootKey, { key: key.key })).toMatchObject({ valid: true });
    const removed = await service.app.inject({
      method: "DELETE",
      url: `/v1/workspaces/${tenant.id}`,
      headers: bearer(operator.rootKey),
    });
    expect(removed.statusCode).toBe(204);
    expect(await verify(service, operator.rootKey, { key: key.key })).toEqual({
      valid: false,
      code: "WORKSPACE_SUSPENDED",
      keyId: key.id,
    });
  });
});
