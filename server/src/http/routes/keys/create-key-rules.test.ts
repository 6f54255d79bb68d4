import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import { createTestService, expectError, seedWorkspace, type TestService } from "../../../../test/harness.js";
import { createKey, post } from "../../../../test/key-lifecycle.js";

describe.each(backends)("POST /v1/keys: input, policy and plan on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

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
});
