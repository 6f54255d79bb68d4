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
import type { AppDetail, PublicApp } from "../../domain/apps/app-object.js";
import type { PublicKey } from "../../domain/keys/key-object.js";

describe.each(backends)("/v1/apps on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("creates an app connected to Apis, lists it, and shows it with its keys and Apis", async () => {
    const { rootKey } = await seedWorkspace(service);
    const orders = await createApi(service, rootKey, { scopes: ["orders:read"] });
    const billing = await createApi(service, rootKey, { name: "Billing", scopes: ["billing:read"] });
    const response = await post(service, rootKey, "/v1/apps", {
      title: "CRM",
      description: "Our CRM integration",
      environment: "staging",
      apiIds: [billing.id, orders.id],
    });
    expect(response.statusCode).toBe(201);
    const app = json<PublicApp>(response);
    expect(app).toEqual({
      id: expect.stringMatching(/^app_/),
      title: "CRM",
      description: "Our CRM integration",
      environment: "staging",
      apiIds: [orders.id, billing.id],
      createdAt: "2026-06-01T12:00:00.000Z",
      updatedAt: "2026-06-01T12:00:00.000Z",
    });
    const other = await createApp(service, rootKey, { title: "Other" });
    expect(other).toMatchObject({ description: "", apiIds: [], environment: "production" });

    const first = json<{ data: PublicApp[]; nextCursor: string | null }>(
      await get(service, rootKey, "/v1/apps?limit=1"),
    );
    expect(first).toEqual({ data: [{ ...other, keyCount: 0 }], nextCursor: other.id });
    const second = json(await get(service, rootKey, `/v1/apps?limit=1&cursor=${other.id}`));
    expect(second).toEqual({ data: [{ ...app, keyCount: 0 }], nextCursor: null });

    const older = await createKey(service, rootKey, {
      name: "older",
      appId: app.id,
      scopes: ["orders:read"],
    });
    const pair = await createKey(service, rootKey, { name: "pair", appId: app.id, kind: "pair" });
    const gone = await createKey(service, rootKey, { name: "gone", appId: app.id });
    await del(service, rootKey, `/v1/keys/${gone.id}`);
    await createKey(service, rootKey, { name: "elsewhere", appId: other.id });

    // The list counts each app's keys that are not deleted (the deleted one is not counted).
    const listed = json<{ data: Array<PublicApp & { keyCount: number }> }>(
      await get(service, rootKey, "/v1/apps"),
    );
    expect(listed.data.map((item) => [item.title, item.keyCount])).toEqual([
      ["Other", 1],
      ["CRM", 2],
    ]);

    const detail = json<AppDetail>(await get(service, rootKey, `/v1/apps/${app.id}`));
    expect(detail).toEqual({
      ...app,
      keys: [
        { ...pair, secretKey: undefined },
        { ...older, key: undefined },
      ],
      apis: [orders, billing],
    });
    const events = await auditOf(service, app.id);
    expect(events.map((event) => [event.action, event.details])).toEqual([
      [
        "app.created",
        {
          title: "CRM",
          description: "Our CRM integration",
          environment: "staging",
          apiIds: [orders.id, billing.id],
        },
      ],
    ]);
  });

  it.each([
    ["no title", { environment: "production" }, "title: required"],
    ["an empty title", { title: "", environment: "production" }, "title: must not be empty"],
    [
      "a long title",
      { title: "x".repeat(201), environment: "production" },
      "title: must be at most 200 characters",
    ],
    ["no environment", { title: "a" }, /^environment: /],
    ["a bad environment", { title: "a", environment: "live" }, /^environment: /],
    [
      "repeated Apis",
      { title: "a", environment: "staging", apiIds: ["api_1", "api_1"] },
      "apiIds: must not repeat an API",
    ],
    ["an unknown field", { title: "a", environment: "staging", keys: [] }, "keys: unknown field"],
  ])("refuses %s with 400", async (_label, body, message) => {
    const { rootKey } = await seedWorkspace(service);
    expectError(await post(service, rootKey, "/v1/apps", body), 400, "VALIDATION_FAILED", message);
  });

  it("refuses unknown Apis and other workspaces' Apis with 404, creating nothing", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const mineApi = await createApi(service, mine.rootKey);
    const theirApi = await createApi(service, theirs.rootKey);
    expectError(
      await post(service, mine.rootKey, "/v1/apps", {
        title: "a",
        environment: "staging",
        apiIds: [mineApi.id, theirApi.id],
      }),
      404,
      "NOT_FOUND",
      `api ${theirApi.id} not found`,
    );
    expect(json(await get(service, mine.rootKey, "/v1/apps"))).toEqual({ data: [], nextCursor: null });
  });

  it("edits title, description, environment (moving its keys) and Apis", async () => {
    const { rootKey } = await seedWorkspace(service);
    const orders = await createApi(service, rootKey, { scopes: ["orders:read", "orders:write"] });
    const billing = await createApi(service, rootKey, { name: "Billing", scopes: ["billing:read"] });
    const app = await createApp(service, rootKey, {
      title: "Shop",
      environment: "development",
      apiIds: [orders.id],
    });
    const key = await createKey(service, rootKey, {
      name: "writer",
      appId: app.id,
      scopes: ["orders:write"],
    });

    service.clock.advance(1000);
    const response = await patch(service, rootKey, `/v1/apps/${app.id}`, {
      title: "Shop v2",
      description: "now live",
      environment: "production",
      apiIds: [orders.id, billing.id],
    });
    expect(response.statusCode).toBe(200);
    const edited = json<PublicApp>(response);
    expect(edited).toEqual({
      ...app,
      title: "Shop v2",
      description: "now live",
      environment: "production",
      apiIds: [orders.id, billing.id].sort(),
      updatedAt: new Date(service.clock.nowMs()).toISOString(),
    });
    expect(json<PublicKey>(await get(service, rootKey, `/v1/keys/${key.id}`)).environment).toBe("production");
    const events = await auditOf(service, app.id);
    expect(events[1]?.action).toBe("app.updated");
    expect(events[1]?.details).toMatchObject({
      fields: ["title", "description", "environment", "apiIds"],
      changes: { environment: { from: "development", to: "production" } },
      keysMoved: 1,
    });

    expectError(
      await patch(service, rootKey, `/v1/apps/${app.id}`, { apiIds: [billing.id] }),
      409,
      "CONFLICT",
      `scopes: key "writer" (${key.id}) of app "Shop v2" still holds orders:write, which the change would no longer offer; remove the scope from the key first`,
    );
    await patch(service, rootKey, `/v1/keys/${key.id}`, { scopes: [] });
    const disconnected = await patch(service, rootKey, `/v1/apps/${app.id}`, { apiIds: [billing.id] });
    expect(json<PublicApp>(disconnected).apiIds).toEqual([billing.id]);
    const same = await patch(service, rootKey, `/v1/apps/${app.id}`, { title: "Shop v2" });
    expect(same.statusCode).toBe(200);
    expect((await auditOf(service, app.id)).map((event) => event.action)).toEqual([
      "app.created",
      "app.updated",
      "app.updated",
    ]);
    expectError(
      await patch(service, rootKey, `/v1/apps/${app.id}`, { apiIds: ["api_missing"] }),
      404,
      "NOT_FOUND",
      "api api_missing not found",
    );
    expectError(
      await patch(service, rootKey, `/v1/apps/${app.id}`, {}),
      400,
      "VALIDATION_FAILED",
      "body: send at least one field to change",
    );
  });

  it("deletes an app and its keys, each key with its own audit event", async () => {
    const { rootKey } = await seedWorkspace(service);
    const app = await createApp(service, rootKey, { title: "Doomed" });
    const one = await createKey(service, rootKey, { name: "one", appId: app.id });
    const two = await createKey(service, rootKey, { name: "two", appId: app.id, kind: "pair" });
    const other = await createKey(service, rootKey, { name: "not of the app" });
    const response = await del(service, rootKey, `/v1/apps/${app.id}`);
    expect(response.statusCode).toBe(204);
    expectError(await get(service, rootKey, `/v1/apps/${app.id}`), 404, "NOT_FOUND", "app not found");
    for (const key of [one, two]) {
      expectError(await get(service, rootKey, `/v1/keys/${key.id}`), 404, "NOT_FOUND");
      expect((await auditOf(service, key.id)).map((event) => [event.action, event.details])).toEqual([
        ["key.created", expect.anything()],
        ["key.deleted", { name: key.name, start: key.start, appId: app.id, reason: "app deleted" }],
      ]);
    }
    const listed = json<{ data: PublicKey[] }>(await get(service, rootKey, "/v1/keys"));
    expect(listed.data.map((key) => key.id)).toEqual([other.id]);
    expect((await auditOf(service, app.id)).map((event) => [event.action, event.details])).toEqual([
      ["app.created", expect.anything()],
      ["app.deleted", { title: "Doomed", environment: "production", keysDeleted: 2 }],
    ]);
    expectError(await del(service, rootKey, `/v1/apps/${app.id}`), 404, "NOT_FOUND");
  });

  it("keeps workspaces apart: another workspace's app is 404 everywhere", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const app = await createApp(service, theirs.rootKey);
    expect(json(await get(service, mine.rootKey, "/v1/apps"))).toEqual({ data: [], nextCursor: null });
    expectError(await get(service, mine.rootKey, `/v1/apps/${app.id}`), 404, "NOT_FOUND", "app not found");
    expectError(await patch(service, mine.rootKey, `/v1/apps/${app.id}`, { title: "x" }), 404, "NOT_FOUND");
    expectError(await del(service, mine.rootKey, `/v1/apps/${app.id}`), 404, "NOT_FOUND");
    expect(json<AppDetail>(await get(service, theirs.rootKey, `/v1/apps/${app.id}`)).id).toBe(app.id);
  });

  it("lets developers and viewers read, and only admins and owners change", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const app = await createApp(service, rootKey);
    for (const role of ["developer", "viewer"] as const) {
      const user = await signInAs(service, workspace.id, role);
      expect((await get(service, user.headers, `/v1/apps/${app.id}`)).statusCode).toBe(200);
      expectError(
        await patch(service, user.headers, `/v1/apps/${app.id}`, { title: "x" }),
        403,
        "FORBIDDEN",
        "this needs the apps:write permission",
      );
    }
    const owner = await signInAs(service, workspace.id, "owner");
    expect(
      (await patch(service, owner.headers, `/v1/apps/${app.id}`, { title: "by owner" })).statusCode,
    ).toBe(200);
  });

  it("is secured on every endpoint", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const app = await createApp(service, rootKey);
    const ws = workspace.id;
    await expectSecured(
      service,
      ws,
      { method: "POST", url: "/v1/apps", payload: { title: "x", environment: "staging" } },
      "apps:write",
    );
    await expectSecured(service, ws, { method: "GET", url: "/v1/apps" }, "apps:read");
    await expectSecured(service, ws, { method: "GET", url: `/v1/apps/${app.id}` }, "apps:read");
    await expectSecured(
      service,
      ws,
      { method: "PATCH", url: `/v1/apps/${app.id}`, payload: { title: "x" } },
      "apps:write",
    );
    await expectSecured(service, ws, { method: "DELETE", url: `/v1/apps/${app.id}` }, "apps:write");
  });
});
