/**
 * Platform mode through the SDK: the operator manages a tenant, verifies its keys with
 * `keys:verify:any` through the cache, and a tenant's suspension reaches the cache as a workspace
 * event (its entries dropped; WORKSPACE_SUSPENDED judged locally as the server judges it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOperator } from "../../server/test/tenant-fixtures.js";
import { Keygate } from "../src/index.js";
import { type CountingProxy, startCountingProxy } from "./counting-proxy.js";
import { createToken } from "./create-token.js";
import { type LiveKeygate, startLiveKeygate } from "./live-keygate.js";
import { waitUntil } from "./wait-until.js";

const VERIFY = "/v1/keys/verify";

let live: LiveKeygate;
let proxy: CountingProxy;
let operator: Keygate;
let verifier: Keygate;
let direct: Keygate;

beforeAll(async () => {
  live = await startLiveKeygate();
  proxy = await startCountingProxy(live.url);
  const { rootKey } = await seedOperator(live.service);
  operator = new Keygate({ baseUrl: live.url, rootKey, cache: false });
  const { key: verifyAny } = await operator.rootKeys.create({
    name: "verify any",
    permissions: ["keys:verify:any"],
  });
  verifier = new Keygate({ baseUrl: proxy.url, rootKey: verifyAny });
  direct = new Keygate({ baseUrl: live.url, rootKey: verifyAny, cache: false });
});
afterAll(async () => {
  await verifier.close();
  await proxy.close();
  await live.close();
});

describe("platform mode through the SDK", () => {
  it("caches a tenant's key for keys:verify:any and drops it when the tenant is suspended", async () => {
    const tenant = await operator.workspaces.create({ name: "Customer 7", externalId: "cus_7", plan: "pro" });
    expect(await operator.workspaces.get(tenant.id)).toMatchObject({ externalId: "cus_7", plan: "pro" });
    const minted = await operator.workspaces.createRootKey(tenant.id, {
      name: "automation",
      permissions: ["*"],
    });
    const tenantClient = new Keygate({ baseUrl: live.url, rootKey: minted.key, cache: false });
    const { id, key } = await createToken(tenantClient, { name: "tenant key" });
    const tenants: string[] = [];
    for await (const each of operator.workspaces.listAll({ limit: 1 })) tenants.push(each.id);
    expect(tenants).toContain(tenant.id);

    await verifier.keys.verify({ key });
    await waitUntil(() => verifier.cacheMetrics().live, 5_000, "the stream going live");
    const valid = await verifier.keys.verify({ key });
    expect(valid).toMatchObject({
      valid: true,
      keyId: id,
      workspace: { id: tenant.id, externalId: "cus_7", plan: "pro" },
    });
    let requests = proxy.count(VERIFY);
    expect(await verifier.keys.verify({ key })).toEqual(valid);
    expect(proxy.count(VERIFY)).toBe(requests);

    const before = verifier.cacheMetrics().invalidations;
    await operator.workspaces.update(tenant.id, { suspended: true });
    await waitUntil(() => verifier.cacheMetrics().invalidations > before, 2_000, "the workspace event");
    const suspended = { valid: false, code: "WORKSPACE_SUSPENDED", keyId: id };
    expect(await verifier.keys.verify({ key })).toEqual(suspended);
    requests = proxy.count(VERIFY);
    expect(await verifier.keys.verify({ key })).toEqual(suspended);
    expect(proxy.count(VERIFY), "the suspended record is judged locally").toBe(requests);
    expect(await direct.keys.verify({ key })).toEqual(suspended);
  });
});
