import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret, parseKey } from "../../../domain/key-format.js";
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

  it.each(
    (
      [
        [{}, "name: required"],
        [{ name: "" }, "name: must not be empty"],
        [{ name: "   " }, "name: must not be empty"],
        [{ name: "x".repeat(201) }, "name: must be at most 200 characters"],
        [{ name: 42 }, /^name: /],
        [{ name: "k", extra: true }, "extra: unknown field"],
        [{ name: "k", kind: "root" }, /^kind: /],
        [{ name: "k", prefix: "Acme" }, /^prefix: must be 2-16 lowercase/],
        [{ name: "k", prefix: "a_b_c" }, /^prefix: /],
        [{ name: "k", scopes: "orders:read" }, /^scopes: /],
        [{ name: "k", scopes: ["Orders:Read"] }, /^scopes\.0: must look like orders:read/],
        [{ name: "k", scopes: ["a", "a"] }, "scopes: must not repeat a"],
        [{ name: "k", scopes: ["x".repeat(101)] }, "scopes.0: must be at most 100 characters"],
        [
          { name: "k", scopes: Array.from({ length: 101 }, (_, i) => `s${i}`) },
          /^scopes: must hold at most 100/,
        ],
        [{ name: "k", meta: [] }, /^meta: /],
        [{ name: "k", meta: { big: "x".repeat(16 * 1024) } }, "meta: must be at most 16 KB as JSON"],
        [{ name: "k", expiresAt: "tomorrow" }, /^expiresAt: /],
        [{ name: "k", expiresAt: "2026-06-01T11:59:59Z" }, "expiresAt: must be in the future"],
        [{ name: "k", expiresAt: "2026-06-01T12:00:00Z" }, "expiresAt: must be in the future"],
        [
          { name: "k", ipAllowlist: ["300.1.1.1"] },
          "ipAllowlist.0: 300.1.1.1 is not an IPv4 or IPv6 address or CIDR (such as 203.0.113.0/24)",
        ],
        [{ name: "k", ipAllowlist: ["10.0.0.0/33"] }, /^ipAllowlist\.0: 10\.0\.0\.0\/33 is not/],
        [{ name: "k", ipAllowlist: ["2001:db8::/129"] }, /^ipAllowlist\.0: /],
        [{ name: "k", ipAllowlist: ["127.1"] }, /^ipAllowlist\.0: /],
        [{ name: "k", ipAllowlist: ["fe80::1%eth0"] }, /^ipAllowlist\.0: /],
        [{ name: "k", ipAllowlist: ["10.0.0.0/8/8"] }, /^ipAllowlist\.0: /],
        [{ name: "k", ipAllowlist: "10.0.0.0/8" }, /^ipAllowlist: /],
        [
          { name: "k", ipAllowlist: Array.from({ length: 101 }, (_, i) => `10.0.0.${i}`) },
          "ipAllowlist: must hold at most 100 entries",
        ],
        [{ name: "k", rateLimit: { limit: -1, windowMs: 60000 } }, "rateLimit.limit: must be at least 1"],
        [{ name: "k", rateLimit: { limit: 0, windowMs: 60000 } }, "rateLimit.limit: must be at least 1"],
        [{ name: "k", rateLimit: { limit: 1.5, windowMs: 60000 } }, /^rateLimit\.limit: /],
        [
          { name: "k", rateLimit: { limit: 1, windowMs: 999 } },
          "rateLimit.windowMs: must be at least 1000 (1 second)",
        ],
        [
          { name: "k", rateLimit: { limit: 1, windowMs: 86_400_001 } },
          /^rateLimit\.windowMs: must be at most/,
        ],
        [{ name: "k", rateLimit: { limit: 1 } }, "rateLimit.windowMs: required"],
        [{ name: "k", rateLimit: { limit: 1, windowMs: 1000, burst: 2 } }, "rateLimit.burst: unknown field"],
        [{ name: "k", quota: { remaining: -5 } }, "quota.remaining: must not be negative"],
        [
          { name: "k", quota: { remaining: 5, refill: { amount: 0, interval: "day" } } },
          /^quota\.refill\.amount: /,
        ],
        [
          { name: "k", quota: { remaining: 5, refill: { amount: 5, interval: "year" } } },
          /^quota\.refill\.interval: /,
        ],
        [{ name: "k", environment: "prod" }, /^environment: /],
      ] as [Record<string, unknown>, string | RegExp][]
    ).map(([body, message]) => [JSON.stringify(body).slice(0, 70), body, message] as const),
  )("refuses bad input %s with 400 with 400 and creates nothing", async (_label, body, message) => {
    const { workspace, rootKey } = await seedWorkspace(service);
    expectError(await post(service, rootKey, "/v1/keys", body), 400, "VALIDATION_FAILED", message);
    const rows = await service.store.db
      .selectFrom("keys")
      .select("id")
      .where("workspace_id", "=", workspace.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it("refuses a body that is not JSON or not an object", async () => {
    const { rootKey } = await seedWorkspace(service);
    const headers = { authorization: `Bearer ${rootKey}`, "content-type": "application/json" };
    expectError(
      await service.app.inject({ method: "POST", url: "/v1/keys", headers, payload: "{" }),
      400,
      "VALIDATION_FAILED",
    );
    expectError(
      await service.app.inject({ method: "POST", url: "/v1/keys", headers, payload: "[]" }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("applies the workspace policy: expiry required and maximum lifetime", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    await service.store.db
      .updateTable("workspaces")
      .set({ expiry_required: true })
      .where("id", "=", workspace.id)
      .execute();
    expectError(
      await post(service, rootKey, "/v1/keys", { name: "k" }),
      400,
      "VALIDATION_FAILED",
      "expiresAt: required by the workspace policy",
    );
    expectError(
      await post(service, rootKey, "/v1/keys", { name: "k", expiresAt: null }),
      400,
      "VALIDATION_FAILED",
      "expiresAt: required by the workspace policy",
    );
    await createKey(service, rootKey, { expiresAt: "2030-01-01T00:00:00Z" });

    await service.store.db
      .updateTable("workspaces")
      .set({ expiry_required: false, max_key_lifetime_seconds: 90 * 86400 })
      .where("id", "=", workspace.id)
      .execute();
    const tooLong = "expiresAt: the workspace policy allows keys to live at most 90 days";
    expectError(await post(service, rootKey, "/v1/keys", { name: "k" }), 400, "VALIDATION_FAILED", tooLong);
    expectError(
      await post(service, rootKey, "/v1/keys", { name: "k", expiresAt: "2026-08-30T12:00:01Z" }),
      400,
      "VALIDATION_FAILED",
      tooLong,
    );
    const ok = await createKey(service, rootKey, { expiresAt: "2026-08-30T12:00:00Z" });
    expect(ok.expiresAt).toBe("2026-08-30T12:00:00.000Z");

    await service.store.db
      .updateTable("workspaces")
      .set({ max_key_lifetime_seconds: 3600 })
      .where("id", "=", workspace.id)
      .execute();
    expectError(
      await post(service, rootKey, "/v1/keys", { name: "k", expiresAt: "2026-06-01T13:00:01Z" }),
      400,
      "VALIDATION_FAILED",
      "expiresAt: the workspace policy allows keys to live at most 3600 seconds",
    );
  });

  it("refuses key creation on a plan without API Access, and past the plan's key limit", async () => {
    const free = await seedWorkspace(service, { plan: "free" });
    expectError(
      await post(service, free.rootKey, "/v1/keys", { name: "k" }),
      402,
      "PLAN_REQUIRED",
      "the free plan does not include API Access; upgrade required",
    );

    const pro = await seedWorkspace(service, { plan: "pro" });
    await sql`
      insert into keys (id, workspace_id, kind, name, environment, prefix, start, scopes, meta, ip_allowlist,
                        created_at, updated_at)
      select 'key_bulk_' || n, ${pro.workspace.id}, 'token', 'bulk', 'production', 'acme', 'acme_bulk',
             '[]', '{}', '[]', now(), now()
      from generate_series(1, 9999) n`.execute(service.store.db);
    await createKey(service, pro.rootKey, { name: "the 10000th" });
    expectError(
      await post(service, pro.rootKey, "/v1/keys", { name: "k" }),
      402,
      "PLAN_REQUIRED",
      /^the pro plan allows 10000 keys/,
    );
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
    const { ["x-csrf-token"]: _, ...noCsrf } = admin.headers;
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
