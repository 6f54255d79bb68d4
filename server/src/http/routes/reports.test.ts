/**
 * Key hygiene over HTTP: the attention badges of the key object, the `attention` filter of the
 * key list, the hygiene report (JSON and CSV) and the hygiene policy of PATCH /v1/workspace.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bearer,
  createTestService,
  expectError,
  expectSecured,
  json,
  type SeededWorkspace,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import { verify } from "../../../test/verify-helpers.js";

const DAY = 86_400_000;

describe("key hygiene", () => {
  let service: TestService;
  let seed: SeededWorkspace;
  /** Key ids by name. */
  const ids: Record<string, string> = {};
  let start: Date;
  let now: Date;

  const get = (url: string, key = seed.rootKey) =>
    service.app.inject({ method: "GET", url, headers: bearer(key) });
  const send = (method: "POST" | "PATCH", url: string, payload: unknown) =>
    service.app.inject({ method, url, headers: bearer(seed.rootKey), payload: payload as object });

  async function createKey(name: string, extra: Record<string, unknown> = {}) {
    const response = await send("POST", "/v1/keys", { name, ...extra });
    expect(response.statusCode).toBe(201);
    const body = json<{ id: string; key: string }>(response);
    ids[name] = body.id;
    return body;
  }

  beforeAll(async () => {
    service = await createTestService();
    seed = await seedWorkspace(service);
    start = service.clock.now();
    await createKey("old");
    service.clock.advance(100 * DAY);
    now = service.clock.now();
    await createKey("expiring", { expiresAt: new Date(now.getTime() + 3 * DAY).toISOString() });
    const fresh = await createKey("fresh", { expiresAt: new Date(now.getTime() + 60 * DAY).toISOString() });
    await createKey('leaked, "public"');
    await createKey("disabled");
    await createKey("revoked");
    expect((await send("POST", `/v1/keys/${ids.disabled}/disable`, {})).statusCode).toBe(200);
    expect((await send("POST", `/v1/keys/${ids.revoked}/revoke`, {})).statusCode).toBe(200);
    await service.store.db
      .updateTable("keys")
      .set({ leaked_at: now, leaked_url: "https://github.com/acme/app/blob/main/.env" })
      .where("id", "in", [ids['leaked, "public"'] ?? "", ids.revoked ?? ""])
      .execute();
    expect(await verify(service, seed.rootKey, { key: fresh.key, ip: "203.0.113.9" })).toMatchObject({
      valid: true,
    });
    await service.ctx.usage.flush();
  });
  afterAll(async () => {
    await service.close();
  });

  const attentionByName = (keys: { name: string; attention: string[] }[]) =>
    Object.fromEntries(keys.map((key) => [key.name, key.attention]));

  it("badges every key of the list and the detail by its age, use, expiry and leak", async () => {
    const list = json<{ data: { name: string; attention: string[] }[] }>(await get("/v1/keys"));
    expect(attentionByName(list.data)).toEqual({
      revoked: ["leaked"],
      disabled: ["no_expiry"],
      'leaked, "public"': ["no_expiry", "leaked"],
      fresh: [],
      expiring: ["expiring_soon"],
      old: ["rotation_due", "unused", "no_expiry"],
    });
    const leaked = json(await get(`/v1/keys/${ids['leaked, "public"']}`));
    expect([leaked.attention, leaked.leak]).toEqual([
      ["no_expiry", "leaked"],
      { reportedAt: now.toISOString(), url: "https://github.com/acme/app/blob/main/.env" },
    ]);
    const old = json(await get(`/v1/keys/${ids.old}`));
    expect([old.attention, old.leak]).toEqual([["rotation_due", "unused", "no_expiry"], null]);
  });

  it("lists only the keys with a badge, or with one badge, page by page", async () => {
    const names = async (query: string) =>
      json<{ data: { name: string }[]; nextCursor: string | null }>(await get(`/v1/keys?${query}`));
    expect((await names("attention=true")).data.map((key) => key.name)).toEqual([
      "revoked",
      "disabled",
      'leaked, "public"',
      "expiring",
      "old",
    ]);
    const first = await names("attention=true&limit=2");
    expect(first.data.map((key) => key.name)).toEqual(["revoked", "disabled"]);
    const second = await names(`attention=true&limit=2&cursor=${first.nextCursor}`);
    expect(second.data.map((key) => key.name)).toEqual(['leaked, "public"', "expiring"]);
    const expected: Record<string, string[]> = {
      rotation_due: ["old"],
      unused: ["old"],
      no_expiry: ["disabled", 'leaked, "public"', "old"],
      expiring_soon: ["expiring"],
      leaked: ["revoked", 'leaked, "public"'],
    };
    for (const [badge, keys] of Object.entries(expected))
      expect((await names(`attention=${badge}`)).data.map((key) => key.name)).toEqual(keys);
    expect((await names("attention=unused&status=active")).data.map((key) => key.name)).toEqual(["old"]);
    expectError(
      await get("/v1/keys?attention=stale"),
      400,
      "VALIDATION_FAILED",
      'querystring.attention: must be one of "true", "rotation_due", "unused", "no_expiry", "expiring_soon", "leaked"',
    );
  });

  it("reports every active and disabled key with the policies it breaks, as JSON and as CSV", async () => {
    const policy = await send("PATCH", "/v1/workspace", {
      policy: { maxKeyLifetimeSeconds: 30 * 86_400, expiryRequired: true },
    });
    expect(policy.statusCode).toBe(200);
    const fresh = json(await get(`/v1/keys/${ids.fresh}`));
    const common = { appId: null, environment: "production", lastRotatedAt: null };
    const rows = [
      {
        id: ids.old,
        name: "old",
        status: "active",
        createdAt: start.toISOString(),
        ageDays: 100,
        lastUsedAt: null,
        lastUsedIp: null,
        expiresAt: null,
        breaches: ["rotation_overdue", "unused", "no_expiry_required", "lifetime_exceeded"],
        attention: ["rotation_due", "unused", "no_expiry"],
      },
      {
        id: ids.expiring,
        name: "expiring",
        status: "active",
        createdAt: now.toISOString(),
        ageDays: 0,
        lastUsedAt: null,
        lastUsedIp: null,
        expiresAt: new Date(now.getTime() + 3 * DAY).toISOString(),
        breaches: [],
        attention: ["expiring_soon"],
      },
      {
        id: ids.fresh,
        name: "fresh",
        status: "active",
        createdAt: now.toISOString(),
        ageDays: 0,
        lastUsedAt: now.toISOString(),
        lastUsedIp: fresh.lastUsedIp,
        expiresAt: new Date(now.getTime() + 60 * DAY).toISOString(),
        breaches: ["lifetime_exceeded"],
        attention: [],
      },
      {
        id: ids['leaked, "public"'],
        name: 'leaked, "public"',
        status: "active",
        createdAt: now.toISOString(),
        ageDays: 0,
        lastUsedAt: null,
        lastUsedIp: null,
        expiresAt: null,
        breaches: ["no_expiry_required", "lifetime_exceeded", "leaked"],
        attention: ["no_expiry", "leaked"],
      },
      {
        id: ids.disabled,
        name: "disabled",
        status: "disabled",
        createdAt: now.toISOString(),
        ageDays: 0,
        lastUsedAt: null,
        lastUsedIp: null,
        expiresAt: null,
        breaches: ["no_expiry_required", "lifetime_exceeded"],
        attention: ["no_expiry"],
      },
    ];
    expect(fresh.lastUsedIp).toBe("203.0.113.9");

    const report = await get("/v1/reports/keys");
    expect(report.statusCode).toBe(200);
    expect(report.headers["content-type"]).toBe("application/json; charset=utf-8");
    const body = json<{ keys: Record<string, unknown>[] }>(report);
    expect(body).toEqual({
      generatedAt: now.toISOString(),
      policy: {
        maxKeyLifetimeSeconds: 2_592_000,
        expiryRequired: true,
        rotationReminderDays: 90,
        unusedKeyDays: 30,
        autoDisableUnusedDays: null,
        leakResponse: "revoke",
      },
      keys: rows.map(({ id, name, ...rest }) => ({
        id,
        name,
        start: expect.stringMatching(/^acme_/),
        ...common,
        ...rest,
      })),
    });

    const csv = await get("/v1/reports/keys?format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers["content-disposition"]).toBe(
      `attachment; filename="keygate-key-report-${now.toISOString().slice(0, 10)}.csv"`,
    );
    const starts = body.keys.map((key) => key.start);
    expect(csv.body.split("\n")).toEqual([
      "id,name,start,appId,environment,status,createdAt,ageDays,lastRotatedAt,lastUsedAt,lastUsedIp,expiresAt,breaches,attention",
      `${ids.old},old,${starts[0]},,production,active,${start.toISOString()},100,,,,,rotation_overdue;unused;no_expiry_required;lifetime_exceeded,rotation_due;unused;no_expiry`,
      `${ids.expiring},expiring,${starts[1]},,production,active,${now.toISOString()},0,,,,${rows[1]?.expiresAt},,expiring_soon`,
      `${ids.fresh},fresh,${starts[2]},,production,active,${now.toISOString()},0,,${now.toISOString()},203.0.113.9,${rows[2]?.expiresAt},lifetime_exceeded,`,
      `${ids['leaked, "public"']},"leaked, ""public""",${starts[3]},,production,active,${now.toISOString()},0,,,,,no_expiry_required;lifetime_exceeded;leaked,no_expiry;leaked`,
      `${ids.disabled},disabled,${starts[4]},,production,disabled,${now.toISOString()},0,,,,,no_expiry_required;lifetime_exceeded,no_expiry`,
      "",
    ]);
  });

  it("answers the report with reports:read only, and only the caller's workspace's keys", async () => {
    await expectSecured(
      service,
      seed.workspace.id,
      { method: "GET", url: "/v1/reports/keys" },
      "reports:read",
    );
    const other = await seedWorkspace(service);
    const report = json<{ keys: unknown[] }>(await get("/v1/reports/keys", other.rootKey));
    expect(report.keys).toEqual([]);
    expectError(
      await get("/v1/reports/keys?format=xml"),
      400,
      "VALIDATION_FAILED",
      'querystring.format: must be one of "json", "csv"',
    );
  });

  it("sets the hygiene policy with PATCH /v1/workspace, audited, and refuses bad values exactly", async () => {
    const patch = (policy: unknown, headers: Record<string, string> = bearer(seed.rootKey)) =>
      service.app.inject({ method: "PATCH", url: "/v1/workspace", headers, payload: { policy } as object });
    const cases: [unknown, string][] = [
      [{ rotationReminderDays: 0 }, "policy.rotationReminderDays: must be at least 1"],
      [{ rotationReminderDays: 3651 }, "policy.rotationReminderDays: must be at most 3650"],
      [{ unusedKeyDays: 1.5 }, "policy.unusedKeyDays: must be a whole number"],
      [{ unusedKeyDays: null }, "policy.unusedKeyDays: Invalid input: expected number, received null"],
      [{ autoDisableUnusedDays: -1 }, "policy.autoDisableUnusedDays: must be at least 1"],
      [{ leakResponse: "ignore" }, 'policy.leakResponse: must be one of "revoke", "disable", "notify"'],
    ];
    for (const [policy, message] of cases)
      expectError(await patch(policy), 400, "VALIDATION_FAILED", message);
    const admin = await signInAs(service, seed.workspace.id, "admin");
    expectError(
      await patch({ leakResponse: "notify" }, admin.headers),
      403,
      "FORBIDDEN",
      "this needs the workspace:write permission",
    );

    const response = await patch({
      rotationReminderDays: null,
      unusedKeyDays: 7,
      autoDisableUnusedDays: 60,
      leakResponse: "disable",
    });
    expect(response.statusCode).toBe(200);
    expect(json(response).policy).toEqual({
      maxKeyLifetimeSeconds: 2_592_000,
      expiryRequired: true,
      rotationReminderDays: null,
      unusedKeyDays: 7,
      autoDisableUnusedDays: 60,
      leakResponse: "disable",
    });
    expect(json(await get("/v1/workspace")).policy).toEqual(json(response).policy);
    const event = await service.store.db
      .selectFrom("audit_events")
      .select(["action", "details"])
      .where("workspace_id", "=", seed.workspace.id)
      .where("action", "=", "workspace.updated")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(event).toEqual({
      action: "workspace.updated",
      details: {
        fields: [
          "policy.rotationReminderDays",
          "policy.unusedKeyDays",
          "policy.autoDisableUnusedDays",
          "policy.leakResponse",
        ],
        before: {
          "policy.rotationReminderDays": 90,
          "policy.unusedKeyDays": 30,
          "policy.autoDisableUnusedDays": null,
          "policy.leakResponse": "revoke",
        },
        after: {
          "policy.rotationReminderDays": null,
          "policy.unusedKeyDays": 7,
          "policy.autoDisableUnusedDays": 60,
          "policy.leakResponse": "disable",
        },
      },
    });
    // The badges follow the policy: no rotation reminder; unused after 7 days.
    service.clock.advance(8 * DAY);
    const list = json<{ data: { name: string; attention: string[] }[] }>(
      await get("/v1/keys?attention=unused"),
    );
    expect(list.data.map((key) => key.name)).toEqual(["disabled", 'leaked, "public"', "fresh", "old"]);
  });
});
