/**
 * GET /v1/events/invalidations on a listening Keygate: the stream's headers and opening frames,
 * a `key` event for every kind of key change made through the API, `workspace` events, reach
 * (own workspace vs keys:verify:any), heartbeats, resuming with Last-Event-ID, the per-root-key
 * cap, the end of a deleted root key's streams, the security path, and the time from a revoke's
 * answer to its event.
 */
import { type AddressInfo, connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import { dataOf, eventOf, type OpenedStream, openStream } from "../../../../test/event-stream-client.js";
import {
  bearer,
  createTestService,
  expectError,
  expectSecured,
  json,
  seedRootKey,
  signInAs,
  type TestService,
} from "../../../../test/harness.js";
import { insertKey, insertKeys } from "../../../../test/key-fixtures.js";
import {
  type SeededOperator,
  type SeededTenant,
  seedOperator,
  seedTenant,
} from "../../../../test/tenant-fixtures.js";

const HEARTBEAT_MS = 100;

describe.each(backends)("GET /v1/events/invalidations on $name", (backend) => {
  let service: TestService;
  let base: string;
  let operator: SeededOperator;
  let anyVerifier: string;
  let tenantA: SeededTenant;
  let tenantB: SeededTenant;
  /** keys:verify only, of tenant A. */
  let verifierA: string;
  const opened: OpenedStream[] = [];

  beforeAll(async () => {
    service = await createTestService({
      backend,
      env: { KEYGATE_EVENTS_HEARTBEAT_MS: String(HEARTBEAT_MS) },
    });
    operator = await seedOperator(service);
    anyVerifier = await seedRootKey(service, operator.workspace.id, ["keys:verify:any"]);
    tenantA = await seedTenant(service, operator.rootKey, { plan: "enterprise" });
    tenantB = await seedTenant(service, operator.rootKey, { plan: "enterprise" });
    verifierA = await seedRootKey(service, tenantA.id, ["keys:verify"]);
    await service.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const stream of opened) stream.close();
    await service.close();
  });

  async function stream(rootKey: string, headers: Record<string, string> = {}, path?: string) {
    const opening = await openStream(base, { ...bearer(rootKey), ...headers }, path);
    opened.push(opening);
    return opening;
  }

  /** A stream that has read its opening frames; answers the ready event's data and id. */
  async function ready(rootKey: string, headers: Record<string, string> = {}, path?: string) {
    const opening = await stream(rootKey, headers, path);
    expect(opening.status, opening.body).toBe(200);
    const frame = await opening.next(eventOf("ready"));
    return { stream: opening, id: frame.id, data: dataOf<{ resumed: boolean; heartbeatMs: number }>(frame) };
  }

  const call = async (
    rootKey: string,
    method: "POST" | "PATCH" | "DELETE",
    url: string,
    payload?: object,
  ) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { ...bearer(rootKey), ...(payload ? { "content-type": "application/json" } : {}) },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
    });
    expect(res.status, `${method} ${url}`).toBeLessThan(300);
    return res;
  };

  it("answers the event-stream headers, retry, then a ready event that has not resumed", async () => {
    const opening = await stream(verifierA);
    expect(opening.status).toBe(200);
    expect(opening.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(opening.headers["cache-control"]).toBe("no-store");
    expect(opening.headers["x-accel-buffering"]).toBe("no");
    expect(opening.headers["x-request-id"]).toMatch(/^req_/);
    const first = await opening.next(() => true);
    expect(first).toMatchObject({ retry: "1000" });
    const frame = await opening.next(() => true);
    expect(frame.event).toBe("ready");
    expect(frame.id).toMatch(/^[A-Za-z0-9_-]+\.\d+$/);
    expect(dataOf(frame)).toEqual({ resumed: false, heartbeatMs: HEARTBEAT_MS });
    opening.close();
  });

  it("sends a key event, never a hash, for each change of a key made through the API", async () => {
    const { stream: events } = await ready(verifierA);
    await call(tenantA.rootKey, "POST", "/v1/identities", { externalId: "user_watched" });
    const key = json<{ id: string; key: string }>(
      await service.app.inject({
        method: "POST",
        url: "/v1/keys",
        headers: bearer(tenantA.rootKey),
        payload: { name: "watched", externalId: "user_watched" },
      }),
    );
    expect(dataOf(await events.next(eventOf("key"))), "create").toEqual({
      workspaceId: tenantA.id,
      keyIds: [key.id],
    });
    const changes: Array<[string, "POST" | "PATCH" | "DELETE", string, object?]> = [
      ["update", "PATCH", `/v1/keys/${key.id}`, { name: "renamed" }],
      ["disable", "POST", `/v1/keys/${key.id}/disable`],
      ["enable", "POST", `/v1/keys/${key.id}/enable`],
      ["rotate", "POST", `/v1/keys/${key.id}/rotate`, { gracePeriodSeconds: 60 }],
      ["identity revoke-keys", "POST", "/v1/identities/user_watched/revoke-keys", { reason: "left" }],
      ["delete", "DELETE", `/v1/keys/${key.id}`],
    ];
    for (const [name, method, url, payload] of changes) {
      await call(tenantA.rootKey, method, url, payload);
      const frame = await events.next(eventOf("key"));
      expect(dataOf(frame), name).toEqual({ workspaceId: tenantA.id, keyIds: [key.id] });
      expect(frame.data, name).not.toContain(key.key);
    }
    events.close();
  });

  it("carries only the caller's workspace's events to a keys:verify stream, and every one to keys:verify:any", async () => {
    const { stream: own } = await ready(verifierA);
    const { stream: any } = await ready(anyVerifier);
    const keyB = await insertKey(service, tenantB.id);
    const keyA = await insertKey(service, tenantA.id);
    await call(tenantB.rootKey, "POST", `/v1/keys/${keyB.id}/revoke`, { reason: "x" });
    await call(tenantA.rootKey, "POST", `/v1/keys/${keyA.id}/revoke`, { reason: "x" });
    expect(dataOf(await own.next(eventOf("key")))).toEqual({ workspaceId: tenantA.id, keyIds: [keyA.id] });
    expect(dataOf(await any.next(eventOf("key")))).toEqual({ workspaceId: tenantB.id, keyIds: [keyB.id] });
    expect(dataOf(await any.next(eventOf("key")))).toEqual({ workspaceId: tenantA.id, keyIds: [keyA.id] });
    expect(own.frames.some((frame) => frame.data?.includes(tenantB.id))).toBe(false);
    own.close();
    any.close();
  });

  it("sends a workspace event for a suspension and a plan change, to the tenant's own stream too", async () => {
    const tenant = await seedTenant(service, operator.rootKey, { plan: "pro" });
    const { stream: own } = await ready(await seedRootKey(service, tenant.id, ["keys:verify"]));
    const { stream: any } = await ready(anyVerifier);
    await call(operator.rootKey, "PATCH", `/v1/workspaces/${tenant.id}`, { plan: "enterprise" });
    await call(operator.rootKey, "PATCH", `/v1/workspaces/${tenant.id}`, { suspended: true });
    for (const events of [own, any]) {
      const changes = [await events.next(eventOf("workspace")), await events.next(eventOf("workspace"))];
      expect(changes.map((frame) => dataOf(frame))).toEqual([
        { workspaceId: tenant.id, plan: "enterprise", suspended: false },
        { workspaceId: tenant.id, plan: "enterprise", suspended: true },
      ]);
    }
    own.close();
    any.close();
  });

  it("writes a heartbeat comment every heartbeatMs", async () => {
    const { stream: events } = await ready(verifierA);
    const started = performance.now();
    await events.next((frame) => frame.comment === "heartbeat", 2000);
    await events.next((frame) => frame.comment === "heartbeat", 2000);
    expect(performance.now() - started).toBeGreaterThanOrEqual(HEARTBEAT_MS * 1.5);
    events.close();
  });

  it("resumes from Last-Event-ID with what the caller missed and may see, and from ?lastEventId= too", async () => {
    const { stream: first, id } = await ready(verifierA);
    first.close();
    await first.ended;
    const missedA = await insertKey(service, tenantA.id);
    const missedB = await insertKey(service, tenantB.id);
    await call(tenantA.rootKey, "POST", `/v1/keys/${missedA.id}/disable`);
    await call(tenantB.rootKey, "POST", `/v1/keys/${missedB.id}/disable`);
    for (const resume of [
      () => ready(verifierA, { "last-event-id": id ?? "" }),
      () => ready(verifierA, {}, `/v1/events/invalidations?lastEventId=${encodeURIComponent(id ?? "")}`),
    ]) {
      const resumed = await resume();
      expect(resumed.data).toEqual({ resumed: true, heartbeatMs: HEARTBEAT_MS });
      expect(resumed.id).toBe(id);
      const replayed = await resumed.stream.next(eventOf("key"));
      expect(dataOf(replayed)).toEqual({ workspaceId: tenantA.id, keyIds: [missedA.id] });
      expect(resumed.stream.frames.some((frame) => frame.data?.includes(missedB.id))).toBe(false);
      resumed.stream.close();
    }
  });

  it("answers resumed:false for an id of another boot, a malformed one or one from the future", async () => {
    const { id } = await ready(verifierA);
    const [boot] = (id ?? "").split(".");
    for (const lastEventId of ["otherboot.1", "garbage", `${boot}.99999999`]) {
      const resumed = await ready(verifierA, { "last-event-id": lastEventId });
      expect(resumed.data, lastEventId).toEqual({ resumed: false, heartbeatMs: HEARTBEAT_MS });
      resumed.stream.close();
    }
  });

  it("answers resumed:false once the ring of 10,000 events no longer reaches back to the id", async () => {
    const { stream: first, id } = await ready(verifierA);
    first.close();
    await first.ended;
    for (let i = 0; i < 10_001; i++) {
      await service.ctx.invalidation.publish({
        kind: "key",
        workspaceId: tenantB.id,
        keyIds: ["key_x"],
        hashes: [],
      });
    }
    const late = await ready(verifierA, { "last-event-id": id ?? "" });
    expect(late.data).toEqual({ resumed: false, heartbeatMs: HEARTBEAT_MS });
    late.stream.close();
  });

  it("admits 10 streams per root key, answers the 11th 429 RATE_LIMITED with retry-after, and frees a closed one's place", async () => {
    const capped = await seedRootKey(service, tenantA.id, ["keys:verify"]);
    const streams = await Promise.all(Array.from({ length: 10 }, () => ready(capped)));
    const refused = await stream(capped);
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("5");
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: "RATE_LIMITED" } });
    // Another root key of the same workspace is not affected.
    const other = await ready(verifierA);
    other.stream.close();
    const [closing] = streams;
    closing?.stream.close();
    await closing?.stream.ended;
    await expect
      .poll(async () => {
        const again = await stream(capped);
        again.close();
        return again.status;
      })
      .toBe(200);
    for (const { stream: open } of streams) open.close();
  });

  it("keeps no stream of a client that went away while its root key was being read", async () => {
    const fresh = await seedRootKey(service, tenantA.id, ["keys:verify"]);
    const { port } = service.app.server.address() as AddressInfo;
    for (let i = 0; i < 10; i++) {
      const socket = connect(port, "127.0.0.1");
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.end(
        `GET /v1/events/invalidations HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${fresh}\r\n\r\n`,
      );
      socket.destroy();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    // All ten places are free: a gone client holds none.
    const streams = await Promise.all(Array.from({ length: 10 }, () => ready(fresh)));
    for (const { stream: open } of streams) open.close();
  });

  it("ends the streams of a root key when it is deleted", async () => {
    const created = json<{ id: string; key: string }>(
      await service.app.inject({
        method: "POST",
        url: "/v1/root-keys",
        headers: bearer(tenantA.rootKey),
        payload: { name: "sdk", permissions: ["keys:verify"] },
      }),
    );
    const { stream: events } = await ready(created.key);
    const { stream: survivor } = await ready(verifierA);
    await call(tenantA.rootKey, "DELETE", `/v1/root-keys/${created.id}`);
    await events.ended;
    const key = await insertKey(service, tenantA.id);
    await call(tenantA.rootKey, "POST", `/v1/keys/${key.id}/disable`);
    expect(dataOf(await survivor.next(eventOf("key")))).toEqual({
      workspaceId: tenantA.id,
      keyIds: [key.id],
    });
    const refused = await stream(created.key);
    expect(refused.status).toBe(401);
    survivor.close();
  });

  it("drops a consumer that stops reading instead of buffering for it", async () => {
    const slowKey = await seedRootKey(service, tenantA.id, ["keys:verify"]);
    const slow = await ready(slowKey);
    // The client stops reading: the kernel's buffers fill, then the server's.
    slow.stream.pause();
    const keyIds = Array.from({ length: 300 }, (_, index) => `key_01FLOOD${String(index).padStart(18, "0")}`);
    for (let i = 0; i < 1500; i++) {
      await service.ctx.invalidation.publish({ kind: "key", workspaceId: tenantA.id, keyIds, hashes: [] });
    }
    // About 13 MB: more than the kernel takes; what waits beyond the byte cap, or stays undrained
    // for two heartbeats, drops the stream.
    await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_MS * 3));
    // Ten more streams fit only if the slow one was dropped (else the tenth is refused).
    const streams = await Promise.all(Array.from({ length: 9 }, () => ready(slowKey)));
    const tenth = await stream(slowKey);
    expect(tenth.status).toBe(200);
    tenth.close();
    for (const { stream: open } of streams) open.close();
  });

  it("needs a credential (401), keys:verify (403) and a root key (403 for a signed-in user)", async () => {
    const request = { method: "GET" as const, url: "/v1/events/invalidations" };
    await expectSecured(service, tenantA.id, request, "keys:verify");
    const reader = await seedRootKey(service, tenantA.id, ["keys:read"]);
    expectError(
      await service.app.inject({ ...request, headers: bearer(reader) }),
      403,
      "FORBIDDEN",
      "this needs the keys:verify permission",
    );
    const owner = await signInAs(service, tenantA.id, "owner");
    expectError(await service.app.inject({ ...request, headers: owner.headers }), 403, "FORBIDDEN");
    expectError(
      await service.app.inject({ ...request, url: `${request.url}?unknown=1`, headers: bearer(verifierA) }),
      400,
      "VALIDATION_FAILED",
    );
  });

  it("delivers a revoke's event within milliseconds of the revoke's answer (200 revokes)", async () => {
    const { stream: events } = await ready(verifierA);
    const keys = await insertKeys(service, tenantA.id, 200);
    const lags: number[] = [];
    for (const key of keys) {
      const response = await call(tenantA.rootKey, "POST", `/v1/keys/${key.id}/revoke`, {
        reason: "measured",
      });
      await response.arrayBuffer();
      const answeredAt = performance.now();
      const frame = await events.next(eventOf("key"));
      expect(dataOf(frame)).toEqual({ workspaceId: tenantA.id, keyIds: [key.id] });
      // The event is published before the revoke answers: it may well arrive first (lag <= 0).
      lags.push(frame.at - answeredAt);
    }
    lags.sort((x, y) => x - y);
    const at = (q: number) => lags[Math.min(lags.length - 1, Math.floor(q * lags.length))] ?? 0;
    console.info(
      `revoke answer -> event arrival over ${lags.length} revokes: p50 ${at(0.5).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms, max ${at(1).toFixed(2)} ms, min ${at(0).toFixed(2)} ms (${lags.filter((lag) => lag <= 0).length} arrived before the answer)`,
    );
    expect(at(0.99)).toBeLessThan(100);
    events.close();
  });
});

describe("closing the app with open event streams", () => {
  it("ends every stream and closes promptly", async () => {
    const service = await createTestService();
    const operator = await seedOperator(service);
    await service.app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}`;
    const streams = await Promise.all([
      openStream(base, bearer(operator.rootKey)),
      openStream(base, bearer(operator.rootKey)),
    ]);
    for (const opened of streams) await opened.next(eventOf("ready"));
    const started = performance.now();
    await service.close();
    expect(performance.now() - started).toBeLessThan(2000);
    await Promise.all(streams.map((opened) => opened.ended));
  });
});
