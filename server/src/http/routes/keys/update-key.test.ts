import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  createTestService,
  expectError,
  expectSecured,
  json,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import {
  auditOf,
  createApi,
  createApp,
  createKey,
  expectNoSecret,
  patch,
  post,
} from "../../../../test/key-lifecycle.js";
import type { PublicKey } from "../../../domain/keys/key-object.js";

describe.each(backends)("PATCH /v1/keys/{id} on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("changes every editable field and audits each change with its old and new value", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { name: "before", scopes: ["a:read"], meta: { v: 1 } });
    service.clock.advance(5000);
    const response = await patch(service, rootKey, `/v1/keys/${key.id}`, {
      name: "after",
      scopes: ["a:read", "a:write"],
      meta: { v: 2 },
      expiresAt: "2027-01-01T00:00:00Z",
      ipAllowlist: ["198.51.100.9/24"],
      rateLimit: { limit: 10, windowMs: 1000 },
      quota: { remaining: 50, refill: { amount: 50, interval: "day" } },
    });
    expect(response.statusCode).toBe(200);
    const updated = json<PublicKey>(response);
    expect(updated).toEqual({
      ...key,
      key: undefined,
      attention: [],
      name: "after",
      scopes: ["a:read", "a:write"],
      meta: { v: 2 },
      expiresAt: "2027-01-01T00:00:00.000Z",
      ipAllowlist: ["198.51.100.0/24"],
      rateLimit: { limit: 10, windowMs: 1000 },
      rateLimits: [{ name: "default", limit: 10, windowMs: 1000 }],
      quota: { remaining: 50, refill: { amount: 50, interval: "day" } },
      updatedAt: "2026-06-01T12:00:05.000Z",
    });
    const events = await auditOf(service, key.id);
    expect(events.map((event) => event.action)).toEqual(["key.created", "key.updated"]);
    expect(events[1]?.details).toEqual({
      name: "after",
      fields: ["name", "scopes", "meta", "expiresAt", "ipAllowlist", "rateLimits", "quota"],
      changes: {
        name: { from: "before", to: "after" },
        scopes: { from: ["a:read"], to: ["a:read", "a:write"] },
        meta: { from: { v: 1 }, to: { v: 2 } },
        expiresAt: { from: null, to: "2027-01-01T00:00:00.000Z" },
        ipAllowlist: { from: [], to: ["198.51.100.0/24"] },
        rateLimits: { from: [], to: [{ name: "default", limit: 10, windowMs: 1000 }] },
        quota: { from: null, to: { remaining: 50, refill: { amount: 50, interval: "day" } } },
      },
    });
    expectNoSecret(events, [key.key ?? ""]);
    const row = await service.store.db
      .selectFrom("keys")
      .select("quota_refilled_at")
      .where("id", "=", key.id)
      .executeTakeFirstOrThrow();
    expect(row.quota_refilled_at).toEqual(new Date("2026-06-01T12:00:05.000Z"));

    const cleared = json<PublicKey>(
      await patch(service, rootKey, `/v1/keys/${key.id}`, {
        expiresAt: null,
        ipAllowlist: [],
        rateLimit: null,
        quota: null,
      }),
    );
    expect(cleared).toMatchObject({
      expiresAt: null,
      ipAllowlist: [],
      rateLimit: null,
      rateLimits: [],
      quota: null,
    });
  });

  it("writes key.disabled / key.enabled when only the flag changes, and nothing when nothing changes", async () => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { name: "switch" });
    const disabled = json<PublicKey>(await patch(service, rootKey, `/v1/keys/${key.id}`, { enabled: false }));
    expect(disabled).toMatchObject({ enabled: false, status: "disabled" });
    const enabled = json<PublicKey>(await patch(service, rootKey, `/v1/keys/${key.id}`, { enabled: true }));
    expect(enabled).toMatchObject({ enabled: true, status: "active" });
    const same = await patch(service, rootKey, `/v1/keys/${key.id}`, { name: "switch", enabled: true });
    expect(same.statusCode).toBe(200);
    const both = json<PublicKey>(
      await patch(service, rootKey, `/v1/keys/${key.id}`, { name: "renamed", enabled: false }),
    );
    expect(both).toMatchObject({ name: "renamed", enabled: false });
    const events = await auditOf(service, key.id);
    expect(events.map((event) => event.action)).toEqual([
      "key.created",
      "key.disabled",
      "key.enabled",
      "key.updated",
    ]);
    expect(events[1]?.details).toEqual({ name: "switch" });
    expect(events[3]?.details).toMatchObject({ fields: ["name", "enabled"] });
  });

  it("applies the workspace policy and the clock to a new expiry", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { expiresAt: "2026-07-01T00:00:00Z" });
    expectError(
      await patch(service, rootKey, `/v1/keys/${key.id}`, { expiresAt: "2026-06-01T11:00:00Z" }),
      400,
      "VALIDATION_FAILED",
      "expiresAt: must be in the future",
    );
    await service.store.db
      .updateTable("workspaces")
      .set({ expiry_required: true, max_key_lifetime_seconds: 86_400 })
      .where("id", "=", workspace.id)
      .execute();
    expectError(
      await patch(service, rootKey, `/v1/keys/${key.id}`, { expiresAt: null }),
      400,
      "VALIDATION_FAILED",
      "expiresAt: required by the workspace policy",
    );
    expectError(
      await patch(service, rootKey, `/v1/keys/${key.id}`, { expiresAt: "2026-06-03T00:00:00Z" }),
      400,
      "VALIDATION_FAILED",
      "expiresAt: the workspace policy allows keys to live at most 1 day",
    );
    const ok = await patch(service, rootKey, `/v1/keys/${key.id}`, { expiresAt: "2026-06-02T12:00:00Z" });
    expect(json<PublicKey>(ok).expiresAt).toBe("2026-06-02T12:00:00.000Z");
    // Other edits of a key leave its expiry alone.
    expect((await patch(service, rootKey, `/v1/keys/${key.id}`, { name: "still fine" })).statusCode).toBe(
      200,
    );
  });

  it("keeps a key of an app to the app's scopes", async () => {
    const { rootKey } = await seedWorkspace(service);
    const api = await createApi(service, rootKey, { scopes: ["orders:read", "orders:write"] });
    const app = await createApp(service, rootKey, { apiIds: [api.id] });
    const key = await createKey(service, rootKey, { appId: app.id, scopes: ["orders:read"] });
    expectError(
      await patch(service, rootKey, `/v1/keys/${key.id}`, { scopes: ["orders:read", "orders:delete"] }),
      400,
      "VALIDATION_FAILED",
      "scopes: orders:delete is not offered by the app's connected APIs",
    );
    const ok = await patch(service, rootKey, `/v1/keys/${key.id}`, { scopes: ["orders:write"] });
    expect(json<PublicKey>(ok).scopes).toEqual(["orders:write"]);
  });

  it("refuses limits the plan no longer includes (402) and changes nothing", async () => {
    const { workspace, rootKey } = await seedWorkspace(service, { plan: "pro" });
    const key = await createKey(service, rootKey, { name: "downgraded", ipAllowlist: ["10.0.0.0/8"] });
    await service.store.db
      .updateTable("workspaces")
      .set({ plan: "free" })
      .where("id", "=", workspace.id)
      .execute();
    expectError(
      await patch(service, rootKey, `/v1/keys/${key.id}`, {
        name: "x",
        ipAllowlist: ["10.0.0.0/8", "192.168.0.0/16"],
      }),
      402,
      "PLAN_REQUIRED",
      "the free plan does not include IP allowlists; upgrade required",
    );
    expectError(
      await patch(service, rootKey, `/v1/keys/${key.id}`, { rateLimit: { limit: 1, windowMs: 1000 } }),
      402,
      "PLAN_REQUIRED",
      "the free plan does not include rate limits and quotas; upgrade required",
    );
    expectError(
      await patch(service, rootKey, `/v1/keys/${key.id}`, { quota: { remaining: 1 } }),
      402,
      "PLAN_REQUIRED",
    );
    // The whole form sent back unchanged still renames; removing a limit stays possible.
    const renamed = await patch(service, rootKey, `/v1/keys/${key.id}`, {
      name: "renamed",
      ipAllowlist: ["10.0.0.0/8"],
      rateLimit: null,
    });
    expect(json<PublicKey>(renamed)).toMatchObject({ name: "renamed", ipAllowlist: ["10.0.0.0/8"] });
    const cleared = await patch(service, rootKey, `/v1/keys/${key.id}`, { ipAllowlist: [] });
    expect(json<PublicKey>(cleared).ipAllowlist).toEqual([]);
    expect((await auditOf(service, key.id)).map((event) => event.action)).toEqual([
      "key.created",
      "key.updated",
      "key.updated",
    ]);
  });

  it.each(
    (
      [
        [{}, "body: send at least one field to change"],
        [{ name: "" }, "name: must not be empty"],
        [{ name: "x".repeat(201) }, "name: must be at most 200 characters"],
        [{ kind: "pair" }, "kind: unknown field"],
        [{ appId: "app_x" }, "appId: unknown field"],
        [{ enabled: "yes" }, /^enabled: /],
        [{ scopes: ["BAD"] }, /^scopes\.0: /],
        [{ meta: { big: "x".repeat(16 * 1024) } }, "meta: must be at most 16 KB as JSON"],
        [{ ipAllowlist: ["10.0.0.0/40"] }, /^ipAllowlist\.0: /],
        [{ rateLimit: { limit: -1, windowMs: 1000 } }, "rateLimit.limit: must be at least 1"],
        [{ quota: { remaining: -1 } }, "quota.remaining: must not be negative"],
        [{ expiresAt: 12 }, /^expiresAt: /],
      ] as [Record<string, unknown>, string | RegExp][]
    ).map(([body, message]) => [JSON.stringify(body).slice(0, 70), body, message] as const),
  )("refuses bad input %s with 400 with 400 and changes nothing", async (_label, body, message) => {
    const { rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { name: "untouched" });
    expectError(await patch(service, rootKey, `/v1/keys/${key.id}`, body), 400, "VALIDATION_FAILED", message);
    expect((await auditOf(service, key.id)).map((event) => event.action)).toEqual(["key.created"]);
  });

  it("refuses editing a revoked key (409), and another workspace's or a deleted key (404)", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const key = await createKey(service, mine.rootKey);
    await post(service, mine.rootKey, `/v1/keys/${key.id}/revoke`);
    expectError(
      await patch(service, mine.rootKey, `/v1/keys/${key.id}`, { name: "x" }),
      409,
      "CONFLICT",
      "the key is revoked for good; it cannot be edited",
    );
    expectError(
      await patch(service, mine.rootKey, `/v1/keys/${key.id}`, { enabled: true }),
      409,
      "CONFLICT",
      "the key is revoked for good; it cannot be enabled",
    );
    const other = await createKey(service, theirs.rootKey);
    expectError(
      await patch(service, mine.rootKey, `/v1/keys/${other.id}`, { name: "mine now" }),
      404,
      "NOT_FOUND",
      "key not found",
    );
    const gone = await createKey(service, mine.rootKey);
    await service.app.inject({
      method: "DELETE",
      url: `/v1/keys/${gone.id}`,
      headers: { authorization: `Bearer ${mine.rootKey}` },
    });
    expectError(await patch(service, mine.rootKey, `/v1/keys/${gone.id}`, { name: "x" }), 404, "NOT_FOUND");
  });

  it("lets admins edit; refuses developers (any environment) and viewers", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey, { environment: "development" });
    const developer = await signInAs(service, workspace.id, "developer");
    const viewer = await signInAs(service, workspace.id, "viewer");
    const admin = await signInAs(service, workspace.id, "admin");
    expectError(
      await patch(service, developer.headers, `/v1/keys/${key.id}`, { name: "x" }),
      403,
      "FORBIDDEN",
      "developers may not edit keys; ask an admin",
    );
    expectError(
      await patch(service, viewer.headers, `/v1/keys/${key.id}`, { name: "x" }),
      403,
      "FORBIDDEN",
      "this needs the keys:write permission",
    );
    const ok = await patch(service, admin.headers, `/v1/keys/${key.id}`, { name: "by admin" });
    expect(ok.statusCode).toBe(200);
    expect((await auditOf(service, key.id))[1]).toMatchObject({
      action: "key.updated",
      actor_type: "user",
      actor_id: admin.userId,
      ip: "127.0.0.1",
    });
  });

  it("is secured", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const key = await createKey(service, rootKey);
    await expectSecured(
      service,
      workspace.id,
      { method: "PATCH", url: `/v1/keys/${key.id}`, payload: { name: "x" } },
      "keys:write",
    );
  });
});
