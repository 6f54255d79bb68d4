/**
 * The events verification itself causes: a quota running low and running out (written by a
 * trigger on the quota's spend, in its statement) and a key refused by its rate limit (written by the usage flush, at most
 * once per key and hour).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestService, seedWorkspace, type TestService } from "../../test/harness.js";
import { insertKey } from "../../test/key-fixtures.js";
import { verify } from "../../test/verify-helpers.js";
import { insertEndpoint, outboxEvents } from "../../test/webhook-fixtures.js";

let service: TestService;

beforeAll(async () => {
  service = await createTestService();
});

afterAll(async () => {
  await service?.close();
});

const eventsOf = async (workspaceId: string) =>
  (await outboxEvents(service, workspaceId)).map((event) => ({
    type: event.type,
    keyId: (event.data.key as { id: string }).id,
    quota: event.data.quota,
    refused: event.data.refused,
    at: event.occurred_at.toISOString(),
  }));

describe("usage events", () => {
  it("fire key.quota_low when 10 % is left and key.quota_exhausted at zero, once each", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    await insertEndpoint(service, workspace.id, {
      url: "https://hooks.example.com/k",
      events: ["key.quota_low", "key.quota_exhausted"],
    });
    const key = await insertKey(service, workspace.id, { quota: { remaining: 20 } });
    const codes: string[] = [];
    for (let i = 0; i < 17; i++) codes.push(String((await verify(service, rootKey, key.credential)).code));
    expect(await eventsOf(workspace.id)).toEqual([]);
    // The 18th leaves 2 of 20: 10 %.
    await verify(service, rootKey, key.credential);
    expect((await eventsOf(workspace.id)).map(({ at: _, ...event }) => event)).toEqual([
      { type: "key.quota_low", keyId: key.id, quota: { remaining: 2, limit: 20 }, refused: undefined },
    ]);
    await verify(service, rootKey, key.credential);
    await verify(service, rootKey, { ...key.credential });
    // Refused from here on: no more events.
    expect((await verify(service, rootKey, key.credential)).code).toBe("USAGE_EXCEEDED");
    expect(codes.every((code) => code === "VALID")).toBe(true);
    expect((await eventsOf(workspace.id)).map((e) => [e.type, e.quota])).toEqual([
      ["key.quota_low", { remaining: 2, limit: 20 }],
      ["key.quota_exhausted", { remaining: 0, limit: 20 }],
    ]);
  });

  it("fire key.quota_low again after a refill, counted from the refill's amount", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    await insertEndpoint(service, workspace.id, {
      url: "https://hooks.example.com/k",
      events: ["key.quota_low"],
    });
    const key = await insertKey(service, workspace.id, {
      quota: { remaining: 1, refill: { amount: 10, interval: "day" } },
    });
    // Started at 1 of 10 (the refill's amount): the first use leaves 0, which is not "low" but out.
    await verify(service, rootKey, key.credential);
    service.clock.advance(86_400_000);
    for (let i = 0; i < 9; i++) await verify(service, rootKey, key.credential);
    expect((await eventsOf(workspace.id)).map((e) => [e.type, e.quota])).toEqual([
      ["key.quota_low", { remaining: 1, limit: 10 }],
    ]);
  });

  it("fire key.rate_limited from the usage flush at most once per key and hour", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    await insertEndpoint(service, workspace.id, {
      url: "https://hooks.example.com/k",
      events: ["key.rate_limited"],
    });
    const key = await insertKey(service, workspace.id, { rateLimit: { limit: 2, windowMs: 60_000 } });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await verify(service, rootKey, key.credential)).code);
    expect(codes).toEqual(["VALID", "VALID", "RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
    await service.ctx.usage.flush();
    const first = service.clock.now().toISOString();
    expect(await eventsOf(workspace.id)).toEqual([
      { type: "key.rate_limited", keyId: key.id, quota: undefined, refused: 3, at: first },
    ]);
    // Refused again 30 minutes later: within the hour, nothing more.
    service.clock.advance(30 * 60_000);
    for (let i = 0; i < 3; i++) await verify(service, rootKey, key.credential);
    await service.ctx.usage.flush();
    expect(await eventsOf(workspace.id)).toHaveLength(1);
    // An hour after the first: one more.
    service.clock.advance(30 * 60_000);
    for (let i = 0; i < 3; i++) await verify(service, rootKey, key.credential);
    await service.ctx.usage.flush();
    expect((await eventsOf(workspace.id)).map((e) => [e.type, e.refused, e.at])).toEqual([
      ["key.rate_limited", 3, first],
      ["key.rate_limited", 1, service.clock.now().toISOString()],
    ]);
  });
});
