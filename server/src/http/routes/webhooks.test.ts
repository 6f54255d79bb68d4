import { randomBytes } from "node:crypto";
import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestService,
  expectError,
  expectSecured,
  json,
  type SeededWorkspace,
  seedRootKey,
  seedWorkspace,
  signInAs,
  type TestService,
} from "../../../test/harness.js";
import { auditOf, createKey, del, expectNoSecret, get, patch, post } from "../../../test/key-lifecycle.js";
import { seedOperator } from "../../../test/tenant-fixtures.js";
import type { PublicWebhookDelivery } from "../../domain/webhooks/webhook-delivery-object.js";
import type { PublicWebhook, WebhookWithSecret } from "../../domain/webhooks/webhook-object.js";
import { WEBHOOK_EVENT_TYPES } from "../../webhooks/event-types.js";

const URL_A = "https://hooks.example.com/keygate";

describe("/v1/webhooks", () => {
  let service: TestService;
  let operatorKey: string;
  beforeAll(async () => {
    service = await createTestService({
      env: { KEYGATE_ENCRYPTION_KEY: randomBytes(32).toString("base64") },
    });
    operatorKey = (await seedOperator(service)).rootKey;
  });
  afterAll(async () => service.close());

  const nowIso = () => service.clock.now().toISOString();

  async function createWebhook(
    credential: string | Record<string, string>,
    body: Record<string, unknown> = {},
  ): Promise<WebhookWithSecret> {
    const response = await post(service, credential, "/v1/webhooks", {
      url: URL_A,
      events: ["key.created"],
      ...body,
    });
    expect(response.statusCode, response.body).toBe(201);
    return json<WebhookWithSecret>(response);
  }

  async function storedEndpoint(id: string) {
    return service.store.db
      .selectFrom("webhook_endpoints")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  }

  async function deliveriesOf(endpointId: string) {
    return service.store.db
      .selectFrom("webhook_deliveries")
      .selectAll()
      .where("endpoint_id", "=", endpointId)
      .orderBy("created_at")
      .execute();
  }

  /** A refusal's whole body, with its request id. */
  function expectRefusal(
    response: LightMyRequestResponse,
    status: number,
    code: string,
    message: string,
    details?: { path: string; message: string }[],
  ) {
    expect(response.statusCode).toBe(status);
    expect(json(response)).toEqual({
      error: {
        code,
        message,
        requestId: expect.stringMatching(/^req_/),
        ...(details ? { details } : {}),
      },
    });
  }

  it("creates an endpoint: 201 with its whsec_ secret once, sealed in the store, never in a read", async () => {
    const { rootKey } = await seedWorkspace(service);
    const start = nowIso();
    const response = await post(service, rootKey, "/v1/webhooks", {
      url: URL_A,
      events: ["key.created", "key.revoked"],
      description: "CRM sync",
    });
    expect(response.statusCode).toBe(201);
    const created = json<WebhookWithSecret>(response);
    expect(created).toEqual({
      id: expect.stringMatching(/^whk_[0-9A-Z]{26}$/),
      url: URL_A,
      description: "CRM sync",
      events: ["key.created", "key.revoked"],
      allTenants: false,
      enabled: true,
      failingSince: null,
      createdAt: start,
      updatedAt: start,
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
    });
    // 24 random bytes, read by the Standard Webhooks library as its secret.
    expect(Buffer.from(created.secret.slice("whsec_".length), "base64")).toHaveLength(24);
    expect(() => new Webhook(created.secret)).not.toThrow();

    const { secret, ...endpoint } = created;
    const list = await get(service, rootKey, "/v1/webhooks");
    expect(json(list)).toEqual({ data: [endpoint], nextCursor: null });
    const one = await get(service, rootKey, `/v1/webhooks/${created.id}`);
    expect(json(one)).toEqual(endpoint);
    expect(list.body).not.toContain(secret);
    expect(one.body).not.toContain(secret);

    const stored = await storedEndpoint(created.id);
    expect(stored.secret_ciphertext).toMatch(/^v1\./);
    expect(stored.secret_ciphertext).not.toContain(secret.slice("whsec_".length));
    expect(await service.ctx.secrets.open(stored.secret_ciphertext, created.id)).toBe(secret);
    await expect(service.ctx.secrets.open(stored.secret_ciphertext, "whk_other")).rejects.toThrow();

    const events = await auditOf(service, created.id);
    expect(events.map((event) => [event.action, event.target_type, event.details])).toEqual([
      [
        "webhook.created",
        "webhook",
        {
          url: URL_A,
          description: "CRM sync",
          events: ["key.created", "key.revoked"],
          enabled: true,
          allTenants: false,
        },
      ],
    ]);
    expect(JSON.stringify(events)).not.toContain(secret);
  });

  const eventTypes = WEBHOOK_EVENT_TYPES.map((type) => JSON.stringify(type)).join(", ");
  it.each([
    [
      "a plain http URL",
      { url: "http://hooks.example.com/keygate" },
      "url",
      "must be an https URL (the operator allows http with KEYGATE_WEBHOOK_ALLOW_HTTP=true)",
    ],
    [
      "http://127.0.0.1",
      { url: "http://127.0.0.1:8080/hook" },
      "url",
      "must be an https URL (the operator allows http with KEYGATE_WEBHOOK_ALLOW_HTTP=true)",
    ],
    ["a loopback address", { url: "https://127.0.0.1/hook" }, "url", "127.0.0.1 is a loopback address"],
    ["a private address", { url: "https://10.0.0.1/hook" }, "url", "10.0.0.1 is a private address"],
    [
      "the cloud metadata address",
      { url: "https://169.254.169.254/latest" },
      "url",
      "169.254.169.254 is a link-local address (such as the cloud metadata address)",
    ],
    ["localhost", { url: "https://localhost/hook" }, "url", "localhost is a loopback address"],
    [
      "a URL that is not one",
      { url: "hooks.example.com" },
      "url",
      "must be an absolute URL, such as https://hooks.example.com/keygate",
    ],
    [
      "a URL over 2048 characters",
      { url: `https://hooks.example.com/${"a".repeat(2048)}` },
      "url",
      "must be at most 2048 characters",
    ],
    ["an unknown event", { events: ["key.exploded"] }, "events.0", `must be one of ${eventTypes}`],
    ["no events", { events: [] }, "events", "must list at least one event type"],
    ["a repeated event", { events: ["key.created", "key.created"] }, "events", "must not repeat key.created"],
    ["a long description", { description: "x".repeat(501) }, "description", "must be at most 500 characters"],
    [
      "allTenants from a tenant's workspace",
      { allTenants: true },
      "allTenants",
      "only the operator's workspace can receive every tenant's events",
    ],
    ["an unknown field", { secret: "whsec_mine" }, "secret", "unknown field"],
  ])("refuses %s with 400 and writes nothing", async (_label, body, path, message) => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const response = await post(service, rootKey, "/v1/webhooks", {
      url: URL_A,
      events: ["key.created"],
      ...body,
    });
    expectRefusal(response, 400, "VALIDATION_FAILED", `${path}: ${message}`, [{ path, message }]);
    const rows = await service.store.db
      .selectFrom("webhook_endpoints")
      .select("id")
      .where("workspace_id", "=", workspace.id)
      .execute();
    expect(rows).toEqual([]);
    expect(
      await service.store.db
        .selectFrom("audit_events")
        .select("id")
        .where("workspace_id", "=", workspace.id)
        .where("action", "like", "webhook.%")
        .execute(),
    ).toEqual([]);
  });

  it("lets the operator's workspace hear every tenant, and holds a workspace to 20 endpoints", async () => {
    const everyTenant = await createWebhook(operatorKey, { allTenants: true, events: ["key.leaked"] });
    expect(everyTenant.allTenants).toBe(true);
    expect((await del(service, operatorKey, `/v1/webhooks/${everyTenant.id}`)).statusCode).toBe(204);

    const { rootKey } = await seedWorkspace(service);
    for (let i = 0; i < 20; i += 1) await createWebhook(rootKey, { description: `hook ${i}` });
    expectRefusal(
      await post(service, rootKey, "/v1/webhooks", { url: URL_A, events: ["key.created"] }),
      409,
      "CONFLICT",
      "the workspace already has 20 webhook endpoints, the most it may have; delete one first",
    );
    const page = json<{ data: PublicWebhook[]; nextCursor: string }>(
      await get(service, rootKey, "/v1/webhooks?limit=15"),
    );
    expect(page.data.map((hook) => hook.description)).toEqual(
      Array.from({ length: 15 }, (_, i) => `hook ${19 - i}`),
    );
    const rest = json<{ data: PublicWebhook[]; nextCursor: string | null }>(
      await get(service, rootKey, `/v1/webhooks?limit=15&cursor=${page.nextCursor}`),
    );
    expect(rest.data.map((hook) => hook.description)).toEqual([
      "hook 4",
      "hook 3",
      "hook 2",
      "hook 1",
      "hook 0",
    ]);
    expect(rest.nextCursor).toBeNull();
  });

  describe("permissions and workspaces", () => {
    let seed: SeededWorkspace;
    let endpoint: WebhookWithSecret;
    let delivery: PublicWebhookDelivery;
    beforeAll(async () => {
      seed = await seedWorkspace(service);
      endpoint = await createWebhook(seed.rootKey);
      delivery = json<PublicWebhookDelivery>(
        await post(service, seed.rootKey, `/v1/webhooks/${endpoint.id}/test`),
      );
    });

    it("needs webhooks:read to read and webhooks:write to change", async () => {
      const id = endpoint.id;
      const auth = { authorization: `Bearer ${seed.rootKey}` };
      const reads = [`/v1/webhooks`, `/v1/webhooks/${id}`, `/v1/webhooks/${id}/deliveries`];
      for (const url of reads)
        await expectSecured(
          service,
          seed.workspace.id,
          { method: "GET", url, headers: auth },
          "webhooks:read",
        );
      const writes = [
        { method: "POST" as const, url: "/v1/webhooks", payload: { url: URL_A, events: ["key.created"] } },
        { method: "PATCH" as const, url: `/v1/webhooks/${id}`, payload: { description: "x" } },
        { method: "DELETE" as const, url: `/v1/webhooks/${id}` },
        { method: "POST" as const, url: `/v1/webhooks/${id}/rotate-secret` },
        { method: "POST" as const, url: `/v1/webhooks/${id}/test` },
        { method: "POST" as const, url: `/v1/webhooks/deliveries/${delivery.id}/redeliver` },
      ];
      for (const request of writes)
        await expectSecured(service, seed.workspace.id, { ...request, headers: auth }, "webhooks:write");
      expect((await get(service, seed.rootKey, `/v1/webhooks/${id}`)).statusCode).toBe(200);
    });

    it("lets a viewer and a developer read but not change; an admin's session changes", async () => {
      for (const role of ["viewer", "developer"] as const) {
        const { headers } = await signInAs(service, seed.workspace.id, role);
        expect((await get(service, headers, "/v1/webhooks")).statusCode).toBe(200);
        expect((await get(service, headers, `/v1/webhooks/${endpoint.id}/deliveries`)).statusCode).toBe(200);
        expectRefusal(
          await post(service, headers, "/v1/webhooks", { url: URL_A, events: ["key.created"] }),
          403,
          "FORBIDDEN",
          "this needs the webhooks:write permission",
        );
        expectRefusal(
          await patch(service, headers, `/v1/webhooks/${endpoint.id}`, { enabled: false }),
          403,
          "FORBIDDEN",
          "this needs the webhooks:write permission",
        );
      }
      const reader = await seedRootKey(service, seed.workspace.id, ["webhooks:read"]);
      expect((await get(service, reader, "/v1/webhooks")).statusCode).toBe(200);
      expectRefusal(
        await post(service, reader, `/v1/webhooks/${endpoint.id}/test`),
        403,
        "FORBIDDEN",
        "this needs the webhooks:write permission",
      );
      const admin = await signInAs(service, seed.workspace.id, "admin");
      const made = await createWebhook(admin.headers, { description: "by an admin" });
      const events = await auditOf(service, made.id);
      expect(events.map((event) => [event.action, event.actor_type, event.actor_id])).toEqual([
        ["webhook.created", "user", admin.userId],
      ]);
      expect((await del(service, admin.headers, `/v1/webhooks/${made.id}`)).statusCode).toBe(204);
    });

    it("answers 404 for another workspace's endpoint and delivery, and changes nothing", async () => {
      const other = await seedWorkspace(service);
      const id = endpoint.id;
      const refused = [
        await get(service, other.rootKey, `/v1/webhooks/${id}`),
        await patch(service, other.rootKey, `/v1/webhooks/${id}`, { enabled: false }),
        await del(service, other.rootKey, `/v1/webhooks/${id}`),
        await post(service, other.rootKey, `/v1/webhooks/${id}/rotate-secret`),
        await get(service, other.rootKey, `/v1/webhooks/${id}/deliveries`),
        await post(service, other.rootKey, `/v1/webhooks/${id}/test`),
      ];
      for (const response of refused) expectRefusal(response, 404, "NOT_FOUND", "webhook not found");
      expectRefusal(
        await post(service, other.rootKey, `/v1/webhooks/deliveries/${delivery.id}/redeliver`),
        404,
        "NOT_FOUND",
        "delivery not found",
      );
      expect(json(await get(service, other.rootKey, "/v1/webhooks"))).toEqual({ data: [], nextCursor: null });
      const stored = await storedEndpoint(id);
      expect(stored.enabled).toBe(true);
      expect(await service.ctx.secrets.open(stored.secret_ciphertext, id)).toBe(endpoint.secret);
      expect(await deliveriesOf(id)).toHaveLength(1);
    });

    it("refuses ids of the wrong kind with 400", async () => {
      expectError(
        await get(service, seed.rootKey, "/v1/webhooks/key_123"),
        400,
        "VALIDATION_FAILED",
        "params.id: must be an id starting with whk_",
      );
      expectError(
        await post(service, seed.rootKey, "/v1/webhooks/deliveries/whk_1/redeliver"),
        400,
        "VALIDATION_FAILED",
        "params.id: must be an id starting with whd_",
      );
    });
  });

  it("edits an endpoint; re-enabling it or changing its URL clears failingSince", async () => {
    const { rootKey } = await seedWorkspace(service);
    const { secret, ...created } = await createWebhook(rootKey);
    service.clock.advance(1000);
    const edited = await patch(service, rootKey, `/v1/webhooks/${created.id}`, {
      events: ["key.revoked", "key.leaked"],
      description: "revocations",
      enabled: false,
    });
    expect(edited.statusCode).toBe(200);
    expect(json(edited)).toEqual({
      ...created,
      events: ["key.revoked", "key.leaked"],
      description: "revocations",
      enabled: false,
      updatedAt: nowIso(),
    });
    expect(edited.body).not.toContain(secret);
    const unchanged = await patch(service, rootKey, `/v1/webhooks/${created.id}`, { enabled: false });
    expect(json(unchanged)).toEqual(json(edited));

    const failing = new Date("2026-05-31T00:00:00.000Z");
    const markFailing = () =>
      service.store.db
        .updateTable("webhook_endpoints")
        .set({ failing_since: failing })
        .where("id", "=", created.id)
        .execute();
    await markFailing();
    expect(json<PublicWebhook>(await get(service, rootKey, `/v1/webhooks/${created.id}`)).failingSince).toBe(
      failing.toISOString(),
    );
    const described = json<PublicWebhook>(
      await patch(service, rootKey, `/v1/webhooks/${created.id}`, { description: "still failing" }),
    );
    expect(described.failingSince).toBe(failing.toISOString());
    const enabled = json<PublicWebhook>(
      await patch(service, rootKey, `/v1/webhooks/${created.id}`, { enabled: true }),
    );
    expect(enabled).toMatchObject({ enabled: true, failingSince: null });
    await markFailing();
    const moved = json<PublicWebhook>(
      await patch(service, rootKey, `/v1/webhooks/${created.id}`, { url: "https://hooks.example.net/new" }),
    );
    expect(moved).toMatchObject({ url: "https://hooks.example.net/new", failingSince: null });
    expect((await storedEndpoint(created.id)).failing_since).toBeNull();

    expectRefusal(
      await patch(service, rootKey, `/v1/webhooks/${created.id}`, { url: "https://10.1.2.3/" }),
      400,
      "VALIDATION_FAILED",
      "url: 10.1.2.3 is a private address",
      [{ path: "url", message: "10.1.2.3 is a private address" }],
    );
    expectRefusal(
      await patch(service, rootKey, `/v1/webhooks/${created.id}`, {}),
      400,
      "VALIDATION_FAILED",
      "body: send at least one field to change",
      [{ path: "body", message: "send at least one field to change" }],
    );
    expectRefusal(
      await patch(service, rootKey, `/v1/webhooks/${created.id}`, { allTenants: true }),
      400,
      "VALIDATION_FAILED",
      "allTenants: unknown field",
      [{ path: "allTenants", message: "unknown field" }],
    );
    expect((await storedEndpoint(created.id)).url).toBe("https://hooks.example.net/new");

    const events = await auditOf(service, created.id);
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ["webhook.created", expect.any(Object)],
      [
        "webhook.updated",
        {
          url: URL_A,
          fields: ["events", "description", "enabled"],
          changes: {
            events: { from: ["key.created"], to: ["key.revoked", "key.leaked"] },
            description: { from: "", to: "revocations" },
            enabled: { from: true, to: false },
          },
        },
      ],
      [
        "webhook.updated",
        {
          url: URL_A,
          fields: ["description"],
          changes: { description: { from: "revocations", to: "still failing" } },
        },
      ],
      [
        "webhook.updated",
        { url: URL_A, fields: ["enabled"], changes: { enabled: { from: false, to: true } } },
      ],
      [
        "webhook.updated",
        {
          url: "https://hooks.example.net/new",
          fields: ["url"],
          changes: { url: { from: URL_A, to: "https://hooks.example.net/new" } },
        },
      ],
    ]);
  });

  it("rotates the secret: the new one is shown once and sealed in place of the old", async () => {
    const { rootKey } = await seedWorkspace(service);
    const { secret: oldSecret, ...created } = await createWebhook(rootKey);
    service.clock.advance(1000);
    const response = await post(service, rootKey, `/v1/webhooks/${created.id}/rotate-secret`);
    expect(response.statusCode).toBe(200);
    const rotated = json<WebhookWithSecret>(response);
    expect(rotated).toEqual({
      ...created,
      updatedAt: nowIso(),
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]{32}$/),
    });
    expect(rotated.secret).not.toBe(oldSecret);
    const stored = await storedEndpoint(created.id);
    expect(await service.ctx.secrets.open(stored.secret_ciphertext, created.id)).toBe(rotated.secret);
    expect((await get(service, rootKey, `/v1/webhooks/${created.id}`)).body).not.toContain(rotated.secret);
    const events = await auditOf(service, created.id);
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ["webhook.created", expect.any(Object)],
      ["webhook.secret_rotated", { url: URL_A }],
    ]);
    expect(JSON.stringify(events)).not.toContain(rotated.secret);
    expect(JSON.stringify(events)).not.toContain(oldSecret);
  });

  it("deletes an endpoint with its deliveries and their attempts", async () => {
    const { rootKey } = await seedWorkspace(service);
    const created = await createWebhook(rootKey, { events: ["key.created", "key.deleted"] });
    const sent = json<PublicWebhookDelivery>(await post(service, rootKey, `/v1/webhooks/${created.id}/test`));
    await service.store.db
      .insertInto("webhook_attempts")
      .values({
        id: "wha_1",
        delivery_id: sent.id,
        attempted_at: service.clock.now(),
        status_code: 500,
        duration_ms: 12,
        response_excerpt: "",
      })
      .execute();
    const response = await del(service, rootKey, `/v1/webhooks/${created.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe("");
    expectRefusal(
      await get(service, rootKey, `/v1/webhooks/${created.id}`),
      404,
      "NOT_FOUND",
      "webhook not found",
    );
    expectRefusal(
      await del(service, rootKey, `/v1/webhooks/${created.id}`),
      404,
      "NOT_FOUND",
      "webhook not found",
    );
    expect(await deliveriesOf(created.id)).toEqual([]);
    expect(
      await service.store.db
        .selectFrom("webhook_attempts")
        .select("id")
        .where("delivery_id", "=", sent.id)
        .execute(),
    ).toEqual([]);
    const events = await auditOf(service, created.id);
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ["webhook.created", expect.any(Object)],
      ["webhook.tested", expect.any(Object)],
      ["webhook.deleted", { url: URL_A, events: ["key.created", "key.deleted"] }],
    ]);
  });

  it("sends a test event to that endpoint only, redelivers it as a new delivery, and lists the log", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const start = nowIso();
    const target = await createWebhook(rootKey, { events: ["key.revoked"] });
    const bystander = await createWebhook(rootKey, { events: [...WEBHOOK_EVENT_TYPES] });

    const tested = await post(service, rootKey, `/v1/webhooks/${target.id}/test`);
    expect(tested.statusCode).toBe(202);
    const first = json<PublicWebhookDelivery>(tested);
    expect(first).toEqual({
      id: expect.stringMatching(/^whd_/),
      endpointId: target.id,
      eventId: expect.stringMatching(/^msg_[0-9a-f]{32}$/),
      eventType: "webhook.test",
      status: "pending",
      attempts: 0,
      nextAttemptAt: start,
      lastStatusCode: null,
      createdAt: start,
      finishedAt: null,
      event: {
        id: first.eventId,
        type: "webhook.test",
        timestamp: start,
        data: {
          webhook: { id: target.id, url: URL_A },
          workspace: { id: workspace.id, externalId: null },
        },
      },
      attemptLog: [],
    });
    const stored = await service.store.db
      .selectFrom("webhook_events")
      .selectAll()
      .where("id", "=", first.eventId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      workspace_id: workspace.id,
      type: "webhook.test",
      data: first.event.data,
    });
    expect(await deliveriesOf(bystander.id)).toEqual([]);
    expect((await deliveriesOf(target.id)).map((row) => [row.id, row.status, row.next_attempt_at])).toEqual([
      [first.id, "pending", new Date(start)],
    ]);

    // The sender's first try failed: its attempt, as the worker logs it.
    await service.store.db
      .updateTable("webhook_deliveries")
      .set({
        status: "failed",
        attempts: 1,
        last_status_code: 503,
        next_attempt_at: null,
        finished_at: service.clock.now(),
      })
      .where("id", "=", first.id)
      .execute();
    await service.store.db
      .insertInto("webhook_attempts")
      .values({
        id: "wha_test_1",
        delivery_id: first.id,
        attempted_at: service.clock.now(),
        status_code: 503,
        duration_ms: 87,
        response_excerpt: "upstream down",
        error: null,
      })
      .execute();

    service.clock.advance(60_000);
    const again = await post(service, rootKey, `/v1/webhooks/deliveries/${first.id}/redeliver`);
    expect(again.statusCode).toBe(202);
    const second = json<PublicWebhookDelivery>(again);
    expect(second).toEqual({
      ...first,
      id: expect.stringMatching(/^whd_/),
      nextAttemptAt: nowIso(),
      createdAt: nowIso(),
    });
    expect(second.id).not.toBe(first.id);

    const log = await get(service, rootKey, `/v1/webhooks/${target.id}/deliveries`);
    expect(log.statusCode).toBe(200);
    const failedFirst: PublicWebhookDelivery = {
      ...first,
      status: "failed",
      attempts: 1,
      lastStatusCode: 503,
      nextAttemptAt: null,
      finishedAt: start,
      attemptLog: [
        {
          attemptedAt: start,
          statusCode: 503,
          durationMs: 87,
          responseExcerpt: "upstream down",
          error: null,
        },
      ],
    };
    expect(json(log)).toEqual({ data: [second, failedFirst], nextCursor: null });
    const page = json(await get(service, rootKey, `/v1/webhooks/${target.id}/deliveries?limit=1`));
    expect(page).toEqual({ data: [second], nextCursor: second.id });
    const rest = json(
      await get(service, rootKey, `/v1/webhooks/${target.id}/deliveries?limit=1&cursor=${second.id}`),
    );
    expect(rest).toEqual({ data: [failedFirst], nextCursor: null });

    const events = await auditOf(service, target.id);
    expect(events.map((event) => [event.action, event.details])).toEqual([
      ["webhook.created", expect.any(Object)],
      ["webhook.tested", { url: URL_A, eventId: first.eventId, deliveryId: first.id }],
      [
        "webhook.redelivered",
        {
          url: URL_A,
          eventId: first.eventId,
          eventType: "webhook.test",
          deliveryId: second.id,
          redeliveryOf: first.id,
        },
      ],
    ]);

    await patch(service, rootKey, `/v1/webhooks/${target.id}`, { enabled: false });
    const disabled = "the webhook is disabled; enable it to send events to it";
    expectRefusal(await post(service, rootKey, `/v1/webhooks/${target.id}/test`), 409, "CONFLICT", disabled);
    expectRefusal(
      await post(service, rootKey, `/v1/webhooks/deliveries/${first.id}/redeliver`),
      409,
      "CONFLICT",
      disabled,
    );
    expect(await deliveriesOf(target.id)).toHaveLength(2);
  });

  it("queues one delivery of key.created, without the key's secret, for each enabled endpoint subscribed", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const start = nowIso();
    const listening = await createWebhook(rootKey, { events: ["key.created"] });
    const other = await createWebhook(rootKey, { events: ["key.revoked"] });
    const off = await createWebhook(rootKey, { events: ["key.created"], enabled: false });

    const key = await createKey(service, rootKey, { name: "crm" });
    const rows = await service.store.db
      .selectFrom("webhook_deliveries as d")
      .innerJoin("webhook_events as e", "e.id", "d.event_id")
      .select(["d.endpoint_id", "d.status", "d.next_attempt_at", "e.type", "e.data", "e.workspace_id"])
      .where("d.endpoint_id", "in", [listening.id, other.id, off.id])
      .execute();
    expect(rows).toEqual([
      {
        endpoint_id: listening.id,
        status: "pending",
        next_attempt_at: new Date(start),
        type: "key.created",
        data: expect.objectContaining({
          key: expect.objectContaining({ id: key.id, name: "crm", start: key.start }),
          workspace: { id: workspace.id, externalId: null },
        }),
        workspace_id: workspace.id,
      },
    ]);
    expectNoSecret(rows, [key.key ?? ""]);

    const log = json<{ data: PublicWebhookDelivery[] }>(
      await get(service, rootKey, `/v1/webhooks/${listening.id}/deliveries`),
    );
    expect(log.data).toHaveLength(1);
    expect(log.data[0]?.event).toEqual({
      id: log.data[0]?.eventId,
      type: "key.created",
      timestamp: start,
      data: rows[0]?.data,
    });

    await patch(service, rootKey, `/v1/webhooks/${listening.id}`, { enabled: false });
    const quiet = await createKey(service, rootKey, { name: "unheard" });
    const events = await service.store.db
      .selectFrom("webhook_events")
      .select("id")
      .where("workspace_id", "=", workspace.id)
      .where(sql`data->'key'->>'id'`, "=", quiet.id)
      .execute();
    expect(events).toEqual([]);
    expect(await deliveriesOf(listening.id)).toHaveLength(1);
    expect(await deliveriesOf(other.id)).toEqual([]);
    expect(await deliveriesOf(off.id)).toEqual([]);
  });
});
