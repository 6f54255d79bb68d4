/** The management client against a live Keygate: typed calls, paging, and the server's errors as KeygateError. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Keygate, KeygateError } from "../src/index.js";
import { type LiveKeygate, startLiveKeygate } from "./live-keygate.js";

let live: LiveKeygate;
let keygate: Keygate;

beforeAll(async () => {
  live = await startLiveKeygate();
  keygate = new Keygate({ baseUrl: live.url, rootKey: await live.rootKey(["*"]), cache: false });
});
afterAll(async () => {
  await keygate.close();
  await live.close();
});

async function refusal(call: Promise<unknown>): Promise<KeygateError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof KeygateError)) throw new Error(`expected a KeygateError, got ${String(error)}`);
  return error;
}

describe("the management client", () => {
  it("creates, reads, changes, disables, enables, rotates, revokes and deletes a key", async () => {
    const created = await keygate.keys.create({ name: "crm", scopes: [], meta: { customer: "c_42" } });
    expect(created.key).toMatch(/^acme_/);
    expect(created).toMatchObject({ name: "crm", status: "active", meta: { customer: "c_42" } });

    expect(await keygate.keys.get(created.id)).toMatchObject({ id: created.id, name: "crm" });
    expect(await keygate.keys.update(created.id, { name: "crm-2" })).toMatchObject({ name: "crm-2" });
    expect(await keygate.keys.disable(created.id)).toMatchObject({ status: "disabled", enabled: false });
    expect(await keygate.keys.enable(created.id)).toMatchObject({ status: "active", enabled: true });
    const rotated = await keygate.keys.rotate(created.id, { gracePeriodSeconds: 0 });
    expect(rotated.id).toBe(created.id);
    expect(rotated.key).not.toBe(created.key);
    expect(await keygate.keys.revoke(created.id, { reason: "leaked" })).toMatchObject({
      status: "revoked",
      revokedReason: "leaked",
    });
    expect(await keygate.keys.delete(created.id)).toBeUndefined();
    const gone = await refusal(keygate.keys.get(created.id));
    expect(gone).toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(gone.requestId).toMatch(/^req_/);
  });

  it("walks every page of a list with listAll", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) ids.add((await keygate.keys.create({ name: `paged-${i}` })).id);
    const first = await keygate.keys.list({ search: "paged-", limit: 2 });
    expect(first.data).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const seen: string[] = [];
    for await (const key of keygate.keys.listAll({ search: "paged-", limit: 2 })) seen.push(key.id);
    expect(new Set(seen)).toEqual(ids);
    expect(seen).toHaveLength(5);
  });

  it("manages apis, apps, identities, root keys and reads the workspace, plans and audit trail", async () => {
    const api = await keygate.apis.create({ name: "Orders", description: "", scopes: ["orders:read"] });
    const app = await keygate.apps.create({
      title: "CRM",
      description: "",
      environment: "production",
      apiIds: [api.id],
    });
    expect((await keygate.apps.get(app.id)).apis).toEqual([expect.objectContaining({ id: api.id })]);
    const identity = await keygate.identities.create({ externalId: "customer-7" });
    expect(await keygate.identities.get("customer-7")).toMatchObject({ id: identity.id });
    const root = await keygate.rootKeys.create({ name: "ci", permissions: ["keys:read"] });
    expect(root.key).toMatch(/^kg_root_/);
    expect((await keygate.rootKeys.list()).data.map((key) => key.id)).toContain(root.id);
    expect(await keygate.rootKeys.delete(root.id)).toBeUndefined();
    expect((await keygate.workspace.get()).id).toBe(live.workspaceId);
    expect((await keygate.plans.list()).data.map((plan) => plan.id)).toContain("enterprise");
    const actions: string[] = [];
    for await (const event of keygate.auditEvents.listAll({ targetId: app.id })) actions.push(event.action);
    expect(actions).toEqual(["app.created"]);
    expect(await keygate.apps.delete(app.id)).toBeUndefined();
    expect(await keygate.apis.delete(api.id)).toBeUndefined();
  });

  it("throws the server's validation error with its details", async () => {
    const error = await refusal(keygate.keys.create({ name: "" }));
    expect(error).toMatchObject({ name: "KeygateError", code: "VALIDATION_FAILED", status: 400 });
    expect(error.details).toEqual([expect.objectContaining({ path: "name" })]);
  });

  it("throws FORBIDDEN for a call the root key may not make", async () => {
    const reader = new Keygate({
      baseUrl: live.url,
      rootKey: await live.rootKey(["keys:read"]),
      cache: false,
    });
    const error = await refusal(reader.apps.list());
    expect(error).toMatchObject({ code: "FORBIDDEN", status: 403 });
    await reader.close();
  });

  it("throws UNAUTHENTICATED for a root key Keygate does not know", async () => {
    const stranger = new Keygate({ baseUrl: live.url, rootKey: "kg_root_unknown", cache: false });
    expect(await refusal(stranger.keys.list())).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
    await stranger.close();
  });
});
