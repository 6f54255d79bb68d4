import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  createTestService,
  expectError,
  expectSecured,
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
  post,
  secretsOf,
} from "../../../../test/key-lifecycle.js";
import { hashSecret, parseKey } from "../../../domain/key-format.js";

describe.each(backends)("POST /v1/keys on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("creates a token with defaults, shows the secret once and stores only its hash", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const response = await post(service, rootKey, "/v1/keys", { name: "crm-integration" });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    const secret: string = created.key;
    expect(parseKey(secret)).toEqual({ prefix: "acme" });
    expect(created).toEqual({
      id: expect.stringMatching(/^key_/),
      kind: "token",
      name: "crm-integration",
      appId: null,
      environment: "production",
      prefix: "acme",
      start: secret.slice(0, 9),
      sharedKey: null,
      status: "active",
      enabled: true,
      scopes: [],
      meta: {},
      expiresAt: null,
      ipAllowlist: [],
      rateLimit: null,
      rateLimits: [],
      quota: null,
      usageCount: 0,
      lastUsedAt: null,
      lastUsedIp: null,
      createdAt: "2026-06-01T12:00:00.000Z",
      updatedAt: "2026-06-01T12:00:00.000Z",
      createdBy: expect.stringMatching(/^key_/),
      revokedAt: null,
      revokedReason: null,
      rotatedAt: null,
      externalId: null,
      identityId: null,
      source: "keygate",
      recoverable: false,
      attention: ["no_expiry"],
      leak: null,
      key: secret,
    });
    const secrets = await secretsOf(service, created.id);
    expect(secrets).toEqual([
      {
        secret_hash: hashSecret(secret),
        key_id: created.id,
        workspace_id: workspace.id,
        expires_at: null,
        created_at: new Date("2026-06-01T12:00:00.000Z"),
      },
    ]);
    const events = await auditOf(service, created.id);
    expect(events.map((event) => [event.action, event.actor_type, event.ip])).toEqual([
      ["key.created", "root_key", "127.0.0.1"],
    ]);
    expect(events[0]?.details).toMatchObject({
      name: "crm-integration",
      kind: "token",
      start: created.start,
    });
    expectNoSecret(events, [secret]);

    const fetched = await service.app.inject({
      method: "GET",
      url: `/v1/keys/${created.id}`,
      headers: { authorization: `Bearer ${rootKey}` },
    });
    expect(fetched.json()).toEqual({ ...created, key: undefined });
    expectNoSecret(fetched.body, [secret]);
  });

  it("creates a pair: a public Shared Key and a Secret Key shown once", async () => {
    const { rootKey } = await seedWorkspace(service);
    const created = await createKey(service, rootKey, { kind: "pair", prefix: "shop_live" });
    expect(created.kind).toBe("pair");
    expect(created.prefix).toBe("shop_live");
    expect(parseKey(created.sharedKey ?? "")).toEqual({ prefix: "shop_live_pk" });
    expect(parseKey(created.secretKey ?? "")).toEqual({ prefix: "shop_live" });
    expect(created.key).toBeUndefined();
    expect(created.start).toBe(created.secretKey?.slice(0, 14));
    const secrets = await secretsOf(service, created.id);
    expect(secrets.map((s) => s.secret_hash)).toEqual([hashSecret(created.secretKey ?? "")]);
    const listed = await service.app.inject({
      method: "GET",
      url: "/v1/keys",
      headers: { authorization: `Bearer ${rootKey}` },
    });
    expect(listed.json().data[0].sharedKey).toBe(created.sharedKey);
    expectNoSecret(listed.body, [created.secretKey ?? ""]);
    expectNoSecret(await auditOf(service, created.id), [created.secretKey ?? ""]);
  });

  it("keeps every setting, with CIDRs normalised", async () => {
    const { rootKey } = await seedWorkspace(service);
    const created = await createKey(service, rootKey, {
      name: "  limited  ",
      scopes: ["orders:read", "orders:*"],
      meta: { customer: "c_42", tier: { level: 2 } },
      expiresAt: "2027-01-01T00:00:00+01:00",
      ipAllowlist: ["203.0.113.7/24", "10.0.0.1", "2001:DB8::1/64", "2001:db8::5", "10.0.0.1/32"],
      rateLimit: { limit: 100, windowMs: 60000 },
      quota: { remaining: 10000, refill: { amount: 10000, interval: "month" } },
      environment: "staging",
    });
    expect(created).toMatchObject({
      name: "limited",
      environment: "staging",
      scopes: ["orders:read", "orders:*"],
      meta: { customer: "c_42", tier: { level: 2 } },
      expiresAt: "2026-12-31T23:00:00.000Z",
      ipAllowlist: ["203.0.113.0/24", "10.0.0.1/32", "2001:db8::/64", "2001:db8::5/128"],
      rateLimit: { limit: 100, windowMs: 60000 },
      rateLimits: [{ name: "default", limit: 100, windowMs: 60000 }],
      quota: { remaining: 10000, refill: { amount: 10000, interval: "month" } },
    });
    const row = await service.store.db
      .selectFrom("keys")
      .select(["quota_refilled_at", "quota_remaining"])
      .where("id", "=", created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ quota_refilled_at: new Date("2026-06-01T12:00:00.000Z"), quota_remaining: 10000 });
    const noRefill = await createKey(service, rootKey, { quota: { remaining: 5 } });
    expect(noRefill.quota).toEqual({ remaining: 5, refill: null });
  });

  it("gives a key of an app the app's environment and only the app's scopes", async () => {
    const { rootKey } = await seedWorkspace(service);
    const orders = await createApi(service, rootKey, { scopes: ["orders:read", "orders:write"] });
    const billing = await createApi(service, rootKey, { name: "Billing", scopes: ["billing:read"] });
    const app = await createApp(service, rootKey, {
      environment: "staging",
      apiIds: [orders.id, billing.id],
    });
    const key = await createKey(service, rootKey, { appId: app.id, scopes: ["orders:read", "billing:read"] });
    expect(key).toMatchObject({
      appId: app.id,
      environment: "staging",
      scopes: ["orders:read", "billing:read"],
    });
    await createKey(service, rootKey, { appId: app.id, environment: "staging" });
    expectError(
      await post(service, rootKey, "/v1/keys", { name: "k", appId: app.id, scopes: ["orders:delete"] }),
      400,
      "VALIDATION_FAILED",
      "scopes: orders:delete is not offered by the app's connected APIs",
    );
    expectError(
      await post(service, rootKey, "/v1/keys", { name: "k", appId: app.id, environment: "production" }),
      400,
      "VALIDATION_FAILED",
      "environment: a key of this app takes the app's environment (staging)",
    );
    const unconnected = await createApp(service, rootKey, { title: "Bare" });
    expectError(
      await post(service, rootKey, "/v1/keys", { name: "k", appId: unconnected.id, scopes: ["orders:read"] }),
      400,
      "VALIDATION_FAILED",
      "scopes: orders:read is not offered by the app's connected APIs",
    );
    const withoutApp = await createKey(service, rootKey, { scopes: ["anything:goes"] });
    expect(withoutApp.scopes).toEqual(["anything:goes"]);
  });

  it("answers 404 for an app of another workspace or no app", async () => {
    const mine = await seedWorkspace(service);
    const theirs = await seedWorkspace(service);
    const theirApp = await createApp(service, theirs.rootKey);
    expectError(
      await post(service, mine.rootKey, "/v1/keys", { name: "k", appId: theirApp.id }),
      404,
      "NOT_FOUND",
      "app not found",
    );
    expectError(
      await post(service, mine.rootKey, "/v1/keys", { name: "k", appId: "app_nothing" }),
      404,
      "NOT_FOUND",
      "app not found",
    );
  });

  it("lets developers create keys outside production only, and viewers none", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const developer = await signInAs(service, workspace.id, "developer");
    const viewer = await signInAs(service, workspace.id, "viewer");
    const admin = await signInAs(service, workspace.id, "admin");
    const prodApp = await createApp(service, rootKey, { environment: "production" });
    const devApp = await createApp(service, rootKey, { title: "Dev", environment: "development" });

    const refusal = "developers may create keys only outside production; ask an admin for a production key";
    expectError(await post(service, developer.headers, "/v1/keys", { name: "k" }), 403, "FORBIDDEN", refusal);
    expectError(
      await post(service, developer.headers, "/v1/keys", { name: "k", appId: prodApp.id }),
      403,
      "FORBIDDEN",
      refusal,
    );
    const devKey = await createKey(service, developer.headers, { appId: devApp.id });
    expect(devKey).toMatchObject({ environment: "development", createdBy: developer.userId });
    await createKey(service, developer.headers, { environment: "staging" });
    expect((await auditOf(service, devKey.id))[0]).toMatchObject({
      actor_type: "user",
      actor_id: developer.userId,
    });

    expectError(
      await post(service, viewer.headers, "/v1/keys", { name: "k" }),
      403,
      "FORBIDDEN",
      "this needs the keys:write permission",
    );
    await createKey(service, admin.headers, { appId: prodApp.id });
    const { "x-csrf-token": _, ...noCsrf } = admin.headers;
    expectError(await post(service, noCsrf, "/v1/keys", { name: "k" }), 403, "CSRF_FAILED");
  });

  it("is secured: no credential, a bad key or a root key without keys:write", async () => {
    const { workspace } = await seedWorkspace(service);
    await expectSecured(
      service,
      workspace.id,
      { method: "POST", url: "/v1/keys", payload: { name: "k" } },
      "keys:write",
    );
  });
});
