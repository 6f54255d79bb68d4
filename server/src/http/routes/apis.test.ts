import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import {
  createTestService,
  expectError,
  expectSecured,
  json,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import {
  auditOf,
  createApi,
  createApp,
  createKey,
  del,
  get,
  patch,
  post,
} from "../../../test/key-lifecycle.js";
import type { PublicApi } from "../../domain/apis/api-object.js";

describe.each(backends)("/v1/apis on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("creates, lists newest first, gets, edits and deletes an Api, each change audited", async () => {
    const { rootKey } = await seedWorkspace(service);
    const response = await post(service, rootKey, "/v1/apis", {
      name: "Orders",
      description: "The order book",
      scopes: ["orders:read", "orders:write"],
    });
    expect(response.statusCode).toBe(201);
    const orders = json<PublicApi>(response);
    expect(orders).toEqual({
      id: expect.stringMatching(/^api_/),
      name: "Orders",
      description: "The order book",
      scopes: ["orders:read", "orders:write"],
      createdAt: "2026-06-01T12:00:00.000Z",
      updatedAt: "2026-06-01T12:00:00.000Z",
    });
    const billing = await createApi(service, rootKey, { name: "Billing" });
    expect(billing).toMatchObject({ description: "", scopes: [] });

    const page = json<{ data: PublicApi[]; nextCursor: string | null }>(
      await get(service, rootKey, "/v1/apis?limit=1"),
    );
    expect(page).toEqual({ data: [billing], nextCursor: billing.id });
    const rest = json<{ data: PublicApi[] }>(
      await get(service, rootKey, `/v1/apis?cursor=${page.nextCursor}`),
    );
    expect(rest).toEqual({ data: [orders], nextCursor: null });
    expect(json(await get(service, rootKey, `/v1/apis/${orders.id}`))).toEqual(orders);

    service.clock.advance(1000);
    const edited = json<PublicApi>(
      await patch(service, rootKey, `/v1/apis/${orders.id}`, { name: "Orders v2", scopes: ["orders:read"] }),
    );
    expect(edited).toEqual({
      ...orders,
      name: "Orders v2",
      scopes: ["orders:read"],
      updatedAt: new Date(service.clock.nowMs()).toISOString(),
    });
    const unchanged = await patch(service, rootKey, `/v1/apis/${orders.id}`, { name: "Orders v2" });
    expect(json(unchanged)).toEqual(edited);

    const deleted = await del(service, rootKey, `/v1/apis/${orders.id}`);
    expect(deleted.statusCode).toBe(204);
    expectError(await get(service, rootKey, `/v1/apis/${orders.id}`), 404, "NOT_FOUND", "api not found");
    const events = await auditOf(service, orders.id);
    expect(events.map((event) => [event.action, event.details])).toEqual([
      [
        "api.created",
        { name: "Orders", description: "The order book", scopes: ["orders:read", "orders:write"] },
      ],
      [
        "api.updated",
        {
          name: "Orders v2",
          fields: ["name", "scopes"],
          changes: {
            name: { from: "Orders", to: "Orders v2" },
            scopes: { from: ["orders:read", "orders:write"], to: ["orders:read"] },
          },
        },
      ],
      ["api.deleted", { name: "Orders v2" }],
    ]);
  });

  it.each([
    ["no name", {}, "name: required"],
    ["an empty name", { name: " " }, "name: must not be empty"],
    ["a long name", { name: "x".repeat(201) }, "name: must be at most 200 characters"],
    ["a long description", { name: "a", description: "x".repeat(2001) }, /^description: /],
    ["a bad scope", { name: "a", scopes: ["Orders Read"] }, /^scopes\.0: must look like orders:read/],
    ["a repeated scope", { name: "a", scopes: ["a:b", "a:b"] }, "scopes: must not repeat a:b"],
    ["an unknown field", { name: "a", owner: "me" }, "owner: unknown field"],
    ["a wrong type", { name: "a", scopes: "a:b" }, /^scopes: /],
  ])("refuses %s with 400", async (_label, body, message) => {
    const { workspace, rootKey } = await seedWorkspace(service);
    expectError(await post(service, rootKey, "/v1/apis", body), 400, "VALIDATION_FAILED", message);
    const rows = await service.store.db
      .selectFrom("apis")
      .select("id")
      .where("workspace_id", "=", workspace.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it("refuses an empty edit", async () => {
    const { rootKey } = await seedWorkspace(service);
    const api = await createApi(service, rootKey);
    expectError(
      await patch(service, rootKey, `/v1/apis/${api.id}`, {}),
      400,
      "VALIDATION_FAILED",
      "body: send at least one field to change",
    );
  });

  it("refuses to take away a scope a live key of a connected app holds", async () => {
    const { rootKey } = await seedWorkspace(service);
    const orders = await createApi(service, rootKey, { scopes: ["orders:read", "orders:write"] });
    const legacy = await createApi(service, rootKey, { name: "Legacy", scopes: ["orders:read"] });
    const app = await createApp(service, rootKey, { title: "Shop", apiIds: [orders.id, legacy.id] });
    const key = await createKey(service, rootKey, {
      name: "writer",
      appId: app.id,
      scopes: ["orders:write"],
    });
    await createKey(service, rootKey, { name: "reader", appId: app.id, scopes: ["orders:read"] });

    expectError(
      await patch(service, rootKey, `/v1/apis/${orders.id}`, { scopes: ["orders:read"] }),
      409,
      "CONFLICT",
      `scopes: key "writer" (${key.id}) of app "Shop" still holds orders:write, which the change would no longer offer; remove the scope from the key first`,
    );
    // orders:read is still offered by Legacy, so Orders may drop it.
    const ok = await patch(service, rootKey, `/v1/apis/${orders.id}`, { scopes: ["orders:write"] });
    expect(json<PublicApi>(ok).scopes).toEqual(["orders:write"]);
    // A revoked key does not hold a scope back.
    await post(service, rootKey, `/v1/keys/${key.id}/revoke`);
    expect((await patch(service, rootKey, `/v1/apis/${orders.id}`, { scopes: [] })).statusCode).toBe(200);
  });

  it("refuses to delete an Api an app is connected to", async () => {
    const { rootKey } = await seedWorkspace(service);
    const api = await createApi(service, rootKey);
    const app = await createApp(service, rootKey, { title: "Shop", apiIds: [api.id] });
    expectError(
      await del(service, rootKey, `/v1/apis/${api.id}`),
      409,
      "CONFLICT",
      `the API is still connected to app "Shop" (${app.id}); disconnect it first`,
    );
    await patch(service, rootKey, `/v1/apps/${app.id}`, { apiIds: [] });
    expect((await del(service, rootKey, `/v1/apis/${api.id}`)).statusCode).toBe(204);
  });

  it("keeps workspaces apart: another workspace's Api is 404 everywhere", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const api = await createApi(service, theirs.rootKey);
    expect(json(await get(service, mine.rootKey, "/v1/apis"))).toEqual({ data: [], nextCursor: null });
    expectError(await get(service, mine.rootKey, `/v1/apis/${api.id}`), 404, "NOT_FOUND", "api not found");
    expectError(await patch(service, mine.rootKey, `/v1/apis/${api.id}`, { name: "x" }), 404, "NOT_FOUND");
    expectError(await del(service, mine.rootKey, `/v1/apis/${api.id}`), 404, "NOT_FOUND");
    expect(json(await get(service, theirs.rootKey, `/v1/apis/${api.id}`))).toEqual(api);
  });

  it("lets developers and viewers read, and only admins and owners change", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const api = await createApi(service, rootKey);
    for (const role of ["developer", "viewer"] as const) {
      const user = await signInAs(service, workspace.id, role);
      expect((await get(service, user.headers, `/v1/apis/${api.id}`)).statusCode).toBe(200);
      expectError(
        await post(service, user.headers, "/v1/apis", { name: "x" }),
        403,
        "FORBIDDEN",
        "this needs the apis:write permission",
      );
    }
    const admin = await signInAs(service, workspace.id, "admin");
    expect((await patch(service, admin.headers, `/v1/apis/${api.id}`, { name: "by admin" })).statusCode).toBe(
      200,
    );
  });

  it("is secured on every endpoint", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const api = await createApi(service, rootKey);
    const ws = workspace.id;
    await expectSecured(
      service,
      ws,
      { method: "POST", url: "/v1/apis", payload: { name: "x" } },
      "apis:write",
    );
    await expectSecured(service, ws, { method: "GET", url: "/v1/apis" }, "apis:read");
    await expectSecured(service, ws, { method: "GET", url: `/v1/apis/${api.id}` }, "apis:read");
    await expectSecured(
      service,
      ws,
      { method: "PATCH", url: `/v1/apis/${api.id}`, payload: { name: "x" } },
      "apis:write",
    );
    await expectSecured(service, ws, { method: "DELETE", url: `/v1/apis/${api.id}` }, "apis:write");
  });
});
