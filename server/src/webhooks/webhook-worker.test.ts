import pino from "pino";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { backends } from "../../test/backends.js";
import { createTestService, seedWorkspace, type TestService } from "../../test/harness.js";
import { insertKey, insertKeys } from "../../test/key-fixtures.js";
import {
  type FixtureEndpoint,
  fireKeyEvent,
  insertEndpoint,
  outboxEvents,
  type Receiver,
  startReceiver,
} from "../../test/webhook-fixtures.js";
import { ManualClock } from "../clock.js";
import { revokeKeyRows } from "../domain/keys/revoke-key.js";
import { RETRY_DELAYS_MS } from "./retry-schedule.js";
import { EXCERPT_CHARS } from "./webhook-sender.js";
import { WebhookWorker, type WebhookWorkerOptions } from "./webhook-worker.js";

// PostgreSQL when there is one: two workers taking the same queue need real row locks.
const backend = backends.at(-1);
let service: TestService;
let receiver: Receiver;

beforeAll(async () => {
  // Near the real time: receivers (and standardwebhooks) refuse a timestamp minutes away.
  service = await createTestService({ backend, clock: new ManualClock(new Date()) });
  receiver = await startReceiver();
});

// One queue for the file: what an earlier test left pending is not this test's to send.
beforeEach(async () => {
  await service.store.db
    .updateTable("webhook_deliveries")
    .set({ status: "failed" })
    .where("status", "=", "pending")
    .execute();
});

afterAll(async () => {
  await receiver?.close();
  await service?.close();
});

function worker(options: WebhookWorkerOptions & { allowHosts?: string[] } = {}) {
  return new WebhookWorker(
    {
      db: service.store.db,
      clock: service.clock,
      logger: pino({ level: "silent" }),
      secrets: service.ctx.secrets,
      metrics: service.ctx.metrics,
      addressPolicy: { allowHosts: options.allowHosts ?? ["127.0.0.1"] },
    },
    { random: () => 0.5, ...options },
  );
}

async function deliveriesOf(endpoint: FixtureEndpoint) {
  return service.store.db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("endpoint_id", "=", endpoint.id)
    .orderBy("created_at")
    .execute();
}

async function attemptsOf(deliveryId: string) {
  return service.store.db
    .selectFrom("webhook_attempts")
    .selectAll()
    .where("delivery_id", "=", deliveryId)
    .orderBy("attempted_at")
    .execute();
}

/** A workspace with one endpoint on this path, subscribed to key.created, and one event for it. */
async function oneDelivery(path: string, options: { allowHttpHost?: string } = {}) {
  const { workspace } = await seedWorkspace(service);
  const url = options.allowHttpHost ? `http://${options.allowHttpHost}${path}` : receiver.url(path);
  const endpoint = await insertEndpoint(service, workspace.id, { url, events: ["key.created"] });
  const key = await insertKey(service, workspace.id);
  await fireKeyEvent(service, "key.created", key.id);
  const [delivery] = await deliveriesOf(endpoint);
  if (!delivery) throw new Error("no delivery was written");
  return { workspace, endpoint, key, delivery };
}

const receivedOn = (path: string) => receiver.received.filter((r) => r.path === path);

describe("the webhook worker", () => {
  it("sends a key change made through the API, signed as Standard Webhooks says, once", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const endpoint = await insertEndpoint(service, workspace.id, {
      url: receiver.url("/ok"),
      events: ["key.created", "key.revoked"],
    });
    const created = await service.app.inject({
      method: "POST",
      url: "/v1/keys",
      headers: { authorization: `Bearer ${rootKey}` },
      payload: { name: "checkout", meta: { plan: "gold" } },
    });
    expect(created.statusCode).toBe(201);
    const before = receiver.received.length;
    expect(await worker().runOnce()).toBe(1);
    const request = receiver.received.at(-1);
    expect(receiver.received.length).toBe(before + 1);
    if (!request) throw new Error("nothing was received");
    const headers = {
      "webhook-id": String(request.headers["webhook-id"]),
      "webhook-timestamp": String(request.headers["webhook-timestamp"]),
      "webhook-signature": String(request.headers["webhook-signature"]),
    };
    expect(headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(service.clock.nowMs() / 1000)));
    const body = new Webhook(endpoint.secret).verify(request.body, headers);
    const key = created.json();
    expect(body).toEqual({
      id: headers["webhook-id"],
      type: "key.created",
      timestamp: service.clock.now().toISOString(),
      data: {
        key: {
          id: key.id,
          name: "checkout",
          start: key.start,
          kind: "token",
          appId: null,
          environment: "production",
          enabled: true,
          expiresAt: null,
          revokedAt: null,
          deletedAt: null,
          externalId: null,
          meta: { plan: "gold" },
        },
        workspace: { id: workspace.id, externalId: null },
        actor: { type: "root_key", id: expect.stringMatching(/^key_/), label: null },
        details: expect.objectContaining({ name: "checkout", start: key.start }),
      },
    });
    // Never the secret, nor its hash.
    expect(request.body).not.toContain(key.key);
    expect(request.headers["content-type"]).toBe("application/json");
    const [delivery] = await deliveriesOf(endpoint);
    expect(delivery).toMatchObject({
      status: "delivered",
      attempts: 1,
      last_status_code: 204,
      next_attempt_at: null,
    });
    const [attempt] = await attemptsOf(delivery?.id ?? "");
    expect(attempt).toMatchObject({ status_code: 204, error: null, response_excerpt: "" });
    // Nothing is due any more: a second run sends nothing.
    expect(await worker().runOnce()).toBe(0);
    expect(receiver.received.length).toBe(before + 1);
  });

  it("writes the event with its change, and nothing for a change that rolled back", async () => {
    const { workspace } = await seedWorkspace(service);
    const endpoint = await insertEndpoint(service, workspace.id, {
      url: receiver.url("/ok"),
      events: ["key.revoked"],
    });
    const key = await insertKey(service, workspace.id);
    const row = await service.store.db
      .selectFrom("keys")
      .selectAll()
      .where("id", "=", key.id)
      .executeTakeFirstOrThrow();
    const change = {
      actor: { type: "system" as const, id: null, ip: null },
      reason: "test",
      at: service.clock.now(),
    };
    await expect(
      service.store.db.transaction().execute(async (trx) => {
        await revokeKeyRows(trx, [row], change);
        throw new Error("the change fails after its event was written");
      }),
    ).rejects.toThrow("the change fails");
    expect(await outboxEvents(service, workspace.id)).toEqual([]);
    expect(await deliveriesOf(endpoint)).toEqual([]);
    await service.store.db.transaction().execute((trx) => revokeKeyRows(trx, [row], change));
    const events = await outboxEvents(service, workspace.id);
    expect(events.map((event) => [event.type, (event.data.key as { id: string }).id])).toEqual([
      ["key.revoked", key.id],
    ]);
    expect((await deliveriesOf(endpoint)).map((d) => [d.event_id, d.status])).toEqual([
      [events[0]?.id, "pending"],
    ]);
  });

  it("retries a failing receiver with backoff and jitter over a day, then marks the endpoint failing", async () => {
    const { endpoint, delivery } = await oneDelivery("/fail");
    const run = worker();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= RETRY_DELAYS_MS.length + 1; attempt++) {
      expect(await run.runOnce()).toBe(1);
      // Not due again before its time.
      expect(await run.runOnce()).toBe(0);
      const [current] = await deliveriesOf(endpoint);
      if (current?.next_attempt_at) {
        const wait = current.next_attempt_at.getTime() - service.clock.nowMs();
        waits.push(wait);
        service.clock.advance(wait);
      }
    }
    // random() = 0.5 is the middle of the jitter: each wait is the schedule's.
    expect(waits).toEqual(RETRY_DELAYS_MS);
    expect(waits.reduce((a, b) => a + b, 0) / 3_600_000).toBeCloseTo(23.71, 2);
    const [failed] = await deliveriesOf(endpoint);
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 11,
      last_status_code: 500,
      next_attempt_at: null,
    });
    const attempts = await attemptsOf(delivery.id);
    expect(attempts).toHaveLength(11);
    expect(attempts[0]).toMatchObject({ status_code: 500, response_excerpt: "nope", error: "answered 500" });
    const row = await service.store.db
      .selectFrom("webhook_endpoints")
      .select("failing_since")
      .where("id", "=", endpoint.id)
      .executeTakeFirstOrThrow();
    expect(row.failing_since).toEqual(service.clock.now());

    // Jitter stretches and shrinks each wait by at most 20 %.
    const jittered = worker({ random: () => 0.999 });
    const other = await oneDelivery("/fail");
    await jittered.runOnce();
    const [next] = await deliveriesOf(other.endpoint);
    expect((next?.next_attempt_at?.getTime() ?? 0) - service.clock.nowMs()).toBe(Math.round(5_000 * 1.1996));

    // A later success clears the mark.
    await service.store.db
      .updateTable("webhook_endpoints")
      .set({ url: receiver.url("/ok") })
      .where("id", "=", endpoint.id)
      .execute();
    await service.store.db
      .insertInto("webhook_deliveries")
      .values({
        id: "whd_again",
        endpoint_id: endpoint.id,
        event_id: delivery.event_id,
        next_attempt_at: service.clock.now(),
        created_at: service.clock.now(),
      })
      .execute();
    await run.runOnce();
    const cleared = await service.store.db
      .selectFrom("webhook_endpoints")
      .select("failing_since")
      .where("id", "=", endpoint.id)
      .executeTakeFirstOrThrow();
    expect(cleared.failing_since).toBeNull();
  });

  it("gives up on a slow receiver at the timeout, without holding up the others", async () => {
    const slow = await oneDelivery("/slow");
    const quick = await oneDelivery("/ok");
    const started = performance.now();
    await worker({ sendTimeoutMs: 300 }).runOnce();
    expect(performance.now() - started).toBeLessThan(1_500);
    const [slowAttempt] = await attemptsOf(slow.delivery.id);
    expect(slowAttempt).toMatchObject({ status_code: null, error: "no answer within 0.3 s" });
    expect(slowAttempt?.duration_ms).toBeGreaterThanOrEqual(300);
    expect((await deliveriesOf(slow.endpoint))[0]).toMatchObject({ status: "pending", attempts: 1 });
    expect((await deliveriesOf(quick.endpoint))[0]).toMatchObject({ status: "delivered" });
  });

  it("does not follow a redirect, and reads at most 64 KB of an answer", async () => {
    const okBefore = receivedOn("/ok").length;
    const redirected = await oneDelivery("/redirect");
    const big = await oneDelivery("/big");
    await worker().runOnce();
    const [redirectAttempt] = await attemptsOf(redirected.delivery.id);
    expect(redirectAttempt).toMatchObject({ status_code: 302, error: "redirect to /ok not followed" });
    expect(receivedOn("/ok").length).toBe(okBefore);
    const [bigAttempt] = await attemptsOf(big.delivery.id);
    expect(bigAttempt).toMatchObject({ status_code: 200, error: null });
    expect(bigAttempt?.response_excerpt).toBe("x".repeat(EXCERPT_CHARS));
  });

  it("refuses loopback and private addresses, literal or resolved, unless the operator allows them", async () => {
    const before = receiver.received.length;
    const literal = await oneDelivery("/ok");
    const port = new URL(receiver.url("/")).port;
    const named = await oneDelivery("/ok", { allowHttpHost: `localhost:${port}` });
    const privateOne = await oneDelivery("/ok", { allowHttpHost: "10.255.255.1" });
    await worker({ allowHosts: [] }).runOnce();
    expect(receiver.received.length).toBe(before);
    expect((await attemptsOf(literal.delivery.id))[0]?.error).toBe(
      "refused: 127.0.0.1 is a loopback address",
    );
    expect((await attemptsOf(named.delivery.id))[0]?.error).toMatch(
      /^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address$/,
    );
    expect((await attemptsOf(privateOne.delivery.id))[0]?.error).toBe(
      "refused: 10.255.255.1 is a private address",
    );
  });

  it("ends a disabled endpoint's deliveries unsent", async () => {
    const { endpoint, delivery } = await oneDelivery("/ok");
    await service.store.db
      .updateTable("webhook_endpoints")
      .set({ enabled: false })
      .where("id", "=", endpoint.id)
      .execute();
    const before = receiver.received.length;
    await worker().runOnce();
    expect(receiver.received.length).toBe(before);
    expect((await deliveriesOf(endpoint))[0]).toMatchObject({ status: "failed" });
    expect((await attemptsOf(delivery.id))[0]?.error).toBe("not sent: the endpoint is disabled");
  });

  it("shares the queue between two workers without sending anything twice", async () => {
    const { workspace } = await seedWorkspace(service);
    await insertEndpoint(service, workspace.id, { url: receiver.url("/ok"), events: ["key.created"] });
    const keys = await insertKeys(service, workspace.id, 60);
    for (const key of keys) await fireKeyEvent(service, "key.created", key.id);
    const before = receiver.received.length;
    const [a, b] = [worker({ batchSize: 10, concurrency: 4 }), worker({ batchSize: 10, concurrency: 4 })];
    const drain = async (w: WebhookWorker) => {
      let sent = 0;
      for (let n = await w.runOnce(); n > 0; n = await w.runOnce()) sent += n;
      return sent;
    };
    const [sentByA, sentByB] = await Promise.all([drain(a), drain(b)]);
    expect(sentByA + sentByB).toBe(60);
    const ids = receiver.received.slice(before).map((r) => r.headers["webhook-id"]);
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  });
});
