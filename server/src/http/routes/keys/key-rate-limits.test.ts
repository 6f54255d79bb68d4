/**
 * A key's named rate limits through the key routes: `rateLimits` (the whole list, at most 5, each
 * name once) and the compatible `rateLimit` (the limit named default), on create, edit and import,
 * with their audit, plan gating and invalidation.
 */
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import {
  createTestService,
  json,
  type SeededWorkspace,
  seedWorkspace,
  type TestService,
} from "../../../../test/harness.js";
import { auditOf, createKey, get, patch, post } from "../../../../test/key-lifecycle.js";
import type { ImportReport } from "../../../domain/keys/import-inputs.js";
import type { PublicKey } from "../../../domain/keys/key-object.js";
import type { InvalidationMessage } from "../../../verifier/invalidation.js";

const REQUESTS = { name: "requests", limit: 100, windowMs: 60_000 };
const BURST = { name: "burst", limit: 10, windowMs: 1000 };

/** `count` distinct limits named l0, l1, ... */
const limits = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ name: `l${index}`, limit: 1, windowMs: 1000 }));

describe.each(backends)("a key's named rate limits on $name", (backend) => {
  let service: TestService;
  let seed: SeededWorkspace;
  beforeAll(async () => {
    service = await createTestService({ backend });
    seed = await seedWorkspace(service);
  });
  afterAll(async () => service.close());

  const read = async (id: string) => json<PublicKey>(await get(service, seed.rootKey, `/v1/keys/${id}`));
  const edit = (id: string, body: unknown) => patch(service, seed.rootKey, `/v1/keys/${id}`, body);
  /** The error body of a refusal, its request id matched. */
  const refusal = (code: string, message: string, details: { path: string; message: string }[]) => ({
    error: { code, message, requestId: expect.stringMatching(/^req_/), details },
  });

  it("creates a key with two named limits: the answer, the key and the audit event list them", async () => {
    const created = await createKey(service, seed.rootKey, {
      name: "two limits",
      rateLimits: [REQUESTS, BURST],
    });
    expect(created).toMatchObject({ rateLimit: null, rateLimits: [REQUESTS, BURST] });
    expect(await read(created.id)).toMatchObject({ rateLimit: null, rateLimits: [REQUESTS, BURST] });
    const [event] = await auditOf(service, created.id);
    expect(event?.action).toBe("key.created");
    expect(event?.details).toMatchObject({ rateLimits: [REQUESTS, BURST] });
  });

  it("reads rateLimit as the limit named default, and creates it from rateLimit", async () => {
    const created = await createKey(service, seed.rootKey, { rateLimit: { limit: 5, windowMs: 2000 } });
    expect(created).toMatchObject({
      rateLimit: { limit: 5, windowMs: 2000 },
      rateLimits: [{ name: "default", limit: 5, windowMs: 2000 }],
    });
    const named = await createKey(service, seed.rootKey, {
      rateLimits: [BURST, { name: "default", limit: 7, windowMs: 3000 }],
    });
    expect(named.rateLimit).toEqual({ limit: 7, windowMs: 3000 });
    const none = await createKey(service, seed.rootKey, { rateLimit: null });
    expect(none).toMatchObject({ rateLimit: null, rateLimits: [] });
  });

  it("edits the default limit with rateLimit and keeps the others; null removes only the default", async () => {
    const key = await createKey(service, seed.rootKey, { rateLimits: [BURST] });
    const heard: InvalidationMessage[] = [];
    service.ctx.invalidation.subscribe((message) => heard.push(message));

    const added = await edit(key.id, { rateLimit: { limit: 100, windowMs: 60_000 } });
    expect(added.statusCode, added.body).toBe(200);
    const withDefault = [{ name: "default", limit: 100, windowMs: 60_000 }, BURST];
    expect(json<PublicKey>(added)).toMatchObject({
      rateLimit: { limit: 100, windowMs: 60_000 },
      rateLimits: withDefault,
    });
    // The change reached the caches before the call answered.
    expect(heard.filter((message) => message.kind === "key" && message.keyIds.includes(key.id))).toHaveLength(
      1,
    );

    const changed = json<PublicKey>(await edit(key.id, { rateLimit: { limit: 50, windowMs: 60_000 } }));
    expect(changed.rateLimits).toEqual([{ name: "default", limit: 50, windowMs: 60_000 }, BURST]);

    const removed = json<PublicKey>(await edit(key.id, { rateLimit: null }));
    expect(removed).toMatchObject({ rateLimit: null, rateLimits: [BURST] });
    expect(await read(key.id)).toMatchObject({ rateLimit: null, rateLimits: [BURST] });

    const events = await auditOf(service, key.id);
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ["key.created", expect.objectContaining({ rateLimits: [BURST] })],
      [
        "key.updated",
        {
          name: "test key",
          fields: ["rateLimits"],
          changes: { rateLimits: { from: [BURST], to: withDefault } },
        },
      ],
      [
        "key.updated",
        {
          name: "test key",
          fields: ["rateLimits"],
          changes: {
            rateLimits: {
              from: withDefault,
              to: [{ name: "default", limit: 50, windowMs: 60_000 }, BURST],
            },
          },
        },
      ],
      [
        "key.updated",
        {
          name: "test key",
          fields: ["rateLimits"],
          changes: {
            rateLimits: { from: [{ name: "default", limit: 50, windowMs: 60_000 }, BURST], to: [BURST] },
          },
        },
      ],
    ]);
    expect(heard.filter((message) => message.kind === "key" && message.keyIds.includes(key.id))).toHaveLength(
      3,
    );
  });

  it("replaces the whole list with rateLimits; [] removes every limit; the same list changes nothing", async () => {
    const key = await createKey(service, seed.rootKey, { rateLimit: { limit: 1, windowMs: 1000 } });
    const replaced = json<PublicKey>(await edit(key.id, { rateLimits: [REQUESTS, BURST] }));
    expect(replaced).toMatchObject({ rateLimit: null, rateLimits: [REQUESTS, BURST] });
    const same = await edit(key.id, { rateLimits: [REQUESTS, BURST] });
    expect(same.statusCode).toBe(200);
    expect(json<PublicKey>(same).updatedAt).toBe(replaced.updatedAt);
    const cleared = json<PublicKey>(await edit(key.id, { rateLimits: [] }));
    expect(cleared).toMatchObject({ rateLimit: null, rateLimits: [] });
    expect((await auditOf(service, key.id)).map((event) => event.action)).toEqual([
      "key.created",
      "key.updated",
      "key.updated",
    ]);
  });

  it("refuses rateLimit and rateLimits in one request (400) and changes nothing", async () => {
    const both = { rateLimit: { limit: 1, windowMs: 1000 }, rateLimits: [BURST] };
    const message = "send rateLimit (the limit named default) or rateLimits (the whole list), not both";
    const created = await post(service, seed.rootKey, "/v1/keys", { name: "both", ...both });
    expect(created.statusCode).toBe(400);
    expect(created.json()).toEqual(
      refusal("VALIDATION_FAILED", `rateLimits: ${message}`, [{ path: "rateLimits", message }]),
    );
    const key = await createKey(service, seed.rootKey, { rateLimits: [REQUESTS] });
    const edited = await edit(key.id, both);
    expect(edited.statusCode).toBe(400);
    expect(edited.json()).toEqual(
      refusal("VALIDATION_FAILED", `rateLimits: ${message}`, [{ path: "rateLimits", message }]),
    );
    expect((await read(key.id)).rateLimits).toEqual([REQUESTS]);
  });

  it("refuses a sixth limit, a repeated name and a bad name or bound (400)", async () => {
    const six = await post(service, seed.rootKey, "/v1/keys", { name: "six", rateLimits: limits(6) });
    expect(six.statusCode).toBe(400);
    expect(six.json()).toEqual(
      refusal("VALIDATION_FAILED", "rateLimits: must hold at most 5 rate limits", [
        { path: "rateLimits", message: "must hold at most 5 rate limits" },
      ]),
    );
    expect((await createKey(service, seed.rootKey, { rateLimits: limits(5) })).rateLimits).toEqual(limits(5));

    const key = await createKey(service, seed.rootKey, { rateLimits: [BURST] });
    const repeated = await edit(key.id, { rateLimits: [BURST, REQUESTS, { ...BURST, limit: 20 }] });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json()).toEqual(
      refusal("VALIDATION_FAILED", "rateLimits.2.name: must not repeat burst", [
        { path: "rateLimits.2.name", message: "must not repeat burst" },
      ]),
    );

    for (const [limit, message] of [
      [{ ...BURST, name: "Burst" }, "rateLimits.0.name: must be 1-32 lowercase letters, digits, _ or -"],
      [{ ...BURST, name: "" }, "rateLimits.0.name: must be 1-32 lowercase letters, digits, _ or -"],
      [
        { ...BURST, name: "x".repeat(33) },
        "rateLimits.0.name: must be 1-32 lowercase letters, digits, _ or -",
      ],
      [{ ...BURST, limit: 0 }, "rateLimits.0.limit: must be at least 1"],
      [{ ...BURST, limit: 1_000_000_001 }, "rateLimits.0.limit: must be at most 1000000000"],
      [{ ...BURST, windowMs: 999 }, "rateLimits.0.windowMs: must be at least 1000 (1 second)"],
      [{ ...BURST, windowMs: 86_400_001 }, "rateLimits.0.windowMs: must be at most 86400000 (1 day)"],
      [{ limit: 1, windowMs: 1000 }, "rateLimits.0.name: required"],
      [{ ...BURST, burst: 2 }, "rateLimits.0.burst: unknown field"],
    ] as const) {
      const refused = await edit(key.id, { rateLimits: [limit] });
      expect(refused.statusCode, JSON.stringify(limit)).toBe(400);
      expect(refused.json().error).toMatchObject({ code: "VALIDATION_FAILED", message });
    }
    expect((await read(key.id)).rateLimits).toEqual([BURST]);
  });

  it("refuses a default limit by rateLimit on a key that holds 5 others (400)", async () => {
    const key = await createKey(service, seed.rootKey, { rateLimits: limits(5) });
    const refused = await edit(key.id, { rateLimit: { limit: 1, windowMs: 1000 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message:
          "rateLimit: the key already has 5 rate limits, the most it may hold; remove one with rateLimits",
        requestId: expect.stringMatching(/^req_/),
      },
    });
    expect((await read(key.id)).rateLimits).toEqual(limits(5));
  });

  it("needs a plan with usage limits to add or change a limit, never to remove one (402)", async () => {
    // Every plan that creates keys includes usage limits: the refusal comes after a downgrade.
    const pro = await seedWorkspace(service, { plan: "pro" });
    const key = await createKey(service, pro.rootKey, { rateLimits: [REQUESTS, BURST] });
    await service.store.db
      .updateTable("workspaces")
      .set({ plan: "free" })
      .where("id", "=", pro.workspace.id)
      .execute();
    const change = (body: unknown) => patch(service, pro.rootKey, `/v1/keys/${key.id}`, body);
    for (const body of [
      { rateLimits: [REQUESTS, { ...BURST, limit: 11 }] },
      { rateLimits: [REQUESTS, BURST, { name: "daily", limit: 1000, windowMs: 86_400_000 }] },
      { rateLimit: { limit: 1, windowMs: 1000 } },
    ]) {
      const answer = await change(body);
      expect(answer.statusCode, JSON.stringify(body)).toBe(402);
      expect(answer.json().error).toMatchObject({
        code: "PLAN_REQUIRED",
        message: "the free plan does not include rate limits and quotas; upgrade required",
      });
    }
    const unchanged = json<PublicKey>(await get(service, pro.rootKey, `/v1/keys/${key.id}`));
    expect(unchanged.rateLimits).toEqual([REQUESTS, BURST]);
    // The list sent back as it is renames; removing a limit stays possible.
    const renamed = await change({ name: "renamed", rateLimits: [REQUESTS, BURST] });
    expect(json<PublicKey>(renamed)).toMatchObject({ name: "renamed", rateLimits: [REQUESTS, BURST] });
    const fewer = await change({ rateLimits: [BURST] });
    expect(json<PublicKey>(fewer).rateLimits).toEqual([BURST]);
  });

  it("imports keys with rateLimits or rateLimit, and refuses a row with both", async () => {
    const hash = () => createHash("sha256").update(randomBytes(32)).digest("hex");
    const res = await post(service, seed.rootKey, "/v1/keys/import", {
      keys: [
        { hash: hash(), name: "named", rateLimits: [REQUESTS, BURST] },
        { hash: hash(), name: "single", rateLimit: { limit: 3, windowMs: 1000 } },
        { hash: hash(), name: "both", rateLimit: { limit: 3, windowMs: 1000 }, rateLimits: [BURST] },
        { hash: hash(), name: "six", rateLimits: limits(6) },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const answer = json<ImportReport>(res);
    expect(answer.refused).toEqual([
      {
        index: 2,
        code: "VALIDATION_FAILED",
        message:
          "rateLimits: send rateLimit (the limit named default) or rateLimits (the whole list), not both",
      },
      { index: 3, code: "VALIDATION_FAILED", message: "rateLimits: must hold at most 5 rate limits" },
    ]);
    const [named, single] = answer.imported;
    expect(await read(named?.id ?? "")).toMatchObject({ rateLimit: null, rateLimits: [REQUESTS, BURST] });
    expect(await read(single?.id ?? "")).toMatchObject({
      rateLimit: { limit: 3, windowMs: 1000 },
      rateLimits: [{ name: "default", limit: 3, windowMs: 1000 }],
    });
  });
});
