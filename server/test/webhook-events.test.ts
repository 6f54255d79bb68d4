/**
 * An admin subscribes one endpoint to every event and receives each of them, signed: the key
 * lifecycle through the API, the time-based events through the key sweeps with the clock moved,
 * quota and rate-limit events through verification, and a leak through the GitHub secret-scanning
 * endpoint. In platform mode the operator's endpoint hears a tenant's events, naming the tenant.
 */
import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../src/clock.js";
import { ClusterJobs, KEYGATE_JOBS } from "../src/cluster/cluster-jobs.js";
import { WEBHOOK_EVENT_TYPES } from "../src/webhooks/event-types.js";
import { WebhookWorker } from "../src/webhooks/webhook-worker.js";
import { bearer, createTestService, seedWorkspace, signInAs, type TestService } from "./harness.js";
import { seedOperator, seedTenant } from "./tenant-fixtures.js";
import { verify } from "./verify-helpers.js";
import { type Receiver, startReceiver } from "./webhook-fixtures.js";

const DAY = 86_400_000;
const github = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
let service: TestService;
let receiver: Receiver;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "keygate-events-"));
  const keysFile = path.join(dir, "github-keys.json");
  await writeFile(
    keysFile,
    JSON.stringify({
      public_keys: [
        {
          key_identifier: "gh-1",
          key: github.publicKey.export({ type: "spki", format: "pem" }),
          is_current: true,
        },
      ],
    }),
  );
  receiver = await startReceiver();
  service = await createTestService({
    // Near the real time: the receiver checks each signature's timestamp against its own clock.
    clock: new ManualClock(new Date()),
    env: {
      KEYGATE_WEBHOOK_ALLOW_HTTP: "true",
      KEYGATE_WEBHOOK_ALLOW_HOSTS: "127.0.0.1",
      KEYGATE_SECRET_SCANNING_KEYS_FILE: keysFile,
    },
  });
});

afterAll(async () => {
  await service?.close();
  await receiver?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Sends what is due, as every node's worker does. */
async function deliver(): Promise<void> {
  const worker = new WebhookWorker({
    db: service.store.db,
    clock: service.clock,
    logger: pino({ level: "silent" }),
    secrets: service.ctx.secrets,
    metrics: service.ctx.metrics,
    addressPolicy: { allowHosts: service.ctx.config.webhookAllowHosts },
  });
  while ((await worker.runOnce()) > 0) {}
}

/** The key sweeps, as the cluster's job runs them. */
async function sweep(): Promise<void> {
  const jobs = KEYGATE_JOBS.filter((job) => job.name === "key-sweeps");
  await new ClusterJobs(
    service.store.db,
    jobs,
    service.clock,
    pino({ level: "silent" }),
    service.ctx,
  ).runDue();
}

/**
 * Every body the receiver got on this path, its signature checked with the secret by the
 * standardwebhooks package (the clock was moved weeks ahead, so the check of the timestamp against
 * the real time is left out: the signature covers the timestamp header all the same).
 */
function verifiedEvents(receiverPath: string, secret: string) {
  return receiver.received
    .filter((request) => request.path === receiverPath)
    .map((request) => {
      const id = String(request.headers["webhook-id"]);
      const timestamp = new Date(Number(request.headers["webhook-timestamp"]) * 1000);
      expect(request.headers["webhook-signature"]).toBe(
        new Webhook(secret).sign(id, timestamp, request.body),
      );
      return JSON.parse(request.body) as {
        id: string;
        type: string;
        data: { key: { id: string; name: string }; workspace: { id: string; externalId: string | null } };
      };
    });
}

async function subscribe(
  headers: Record<string, string>,
  receiverPath: string,
  extra: Record<string, unknown> = {},
) {
  const created = await service.app.inject({
    method: "POST",
    url: "/v1/webhooks",
    headers,
    payload: { url: receiver.url(receiverPath), events: WEBHOOK_EVENT_TYPES, ...extra },
  });
  expect(created.statusCode).toBe(201);
  return created.json() as { id: string; secret: string };
}

describe("lifecycle webhooks", () => {
  it("deliver every event to an endpoint subscribed to all, signed", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const admin = await signInAs(service, workspace.id, "admin");
    const { secret } = await subscribe(admin.headers, "/ok");
    const api = (method: "POST" | "PATCH" | "DELETE", url: string, payload?: Record<string, unknown>) =>
      service.app.inject({ method, url, headers: bearer(rootKey), ...(payload ? { payload } : {}) });
    const createKey = async (payload: Record<string, unknown>) => {
      const created = await api("POST", "/v1/keys", payload);
      expect(created.statusCode).toBe(201);
      return created.json() as { id: string; key: string };
    };

    // The lifecycle, through the API.
    const life = await createKey({ name: "life" });
    expect((await api("PATCH", `/v1/keys/${life.id}`, { name: "life 2" })).statusCode).toBe(200);
    expect((await api("PATCH", `/v1/keys/${life.id}`, { enabled: false })).statusCode).toBe(200);
    expect((await api("PATCH", `/v1/keys/${life.id}`, { enabled: true })).statusCode).toBe(200);
    expect((await api("POST", `/v1/keys/${life.id}/rotate`, {})).statusCode).toBe(200);
    expect((await api("POST", `/v1/keys/${life.id}/revoke`, { reason: "done" })).statusCode).toBe(200);
    expect((await api("DELETE", `/v1/keys/${life.id}`)).statusCode).toBe(204);

    // Quota and rate limit, through verification.
    const metered = await createKey({ name: "metered", quota: { remaining: 10 } });
    for (let i = 0; i < 10; i++) await verify(service, rootKey, { key: metered.key });
    const limited = await createKey({ name: "limited", rateLimit: { limit: 1, windowMs: 60_000 } });
    await verify(service, rootKey, { key: limited.key });
    expect((await verify(service, rootKey, { key: limited.key })).code).toBe("RATE_LIMITED");
    await service.ctx.usage.flush();

    // A leak, reported by GitHub.
    const leaked = await createKey({ name: "leaked" });
    const report = JSON.stringify([
      { token: leaked.key, type: "keygate", url: "https://github.com/o/r/blob/x/.env", source: "content" },
    ]);
    const reported = await service.app.inject({
      method: "POST",
      url: "/v1/secret-scanning/github",
      headers: {
        "content-type": "application/json",
        "github-public-key-identifier": "gh-1",
        "github-public-key-signature": sign("sha256", Buffer.from(report), github.privateKey).toString(
          "base64",
        ),
      },
      payload: report,
    });
    expect(reported.json()).toEqual([
      { token_raw: leaked.key, token_type: "keygate", label: "true_positive" },
    ]);

    // Time: expiring within 7 days and 1 day, expired, and unused.
    const expiring = await createKey({
      name: "expiring",
      expiresAt: new Date(service.clock.nowMs() + 8 * DAY).toISOString(),
    });
    await sweep();
    service.clock.advance(2 * DAY);
    await sweep();
    service.clock.advance(5.5 * DAY);
    await sweep();
    service.clock.advance(DAY);
    await sweep();
    service.clock.advance(30 * DAY);
    await sweep();

    await deliver();
    const events = verifiedEvents("/ok", secret);
    // Deliveries run side by side: they arrive in no set order (the body's timestamp orders them).
    const typesOf = (keyId: string) =>
      events
        .filter((e) => e.data.key.id === keyId)
        .map((e) => e.type)
        .sort();
    expect(typesOf(life.id)).toEqual([
      "key.created",
      "key.deleted",
      "key.disabled",
      "key.enabled",
      "key.revoked",
      "key.rotated",
      "key.updated",
    ]);
    // Both stay live and unused for 30 days after the sweeps' last month.
    expect(typesOf(metered.id)).toEqual([
      "key.created",
      "key.quota_exhausted",
      "key.quota_low",
      "key.unused",
    ]);
    expect(typesOf(limited.id)).toEqual(["key.created", "key.rate_limited", "key.unused"]);
    expect(typesOf(leaked.id)).toEqual(["key.created", "key.leaked", "key.revoked"]);
    expect(typesOf(expiring.id)).toEqual(["key.created", "key.expired", "key.expiring", "key.expiring"]);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(WEBHOOK_EVENT_TYPES));
    expect(events.every((e) => e.data.workspace.id === workspace.id)).toBe(true);
  });

  it("deliver a tenant's events to the operator's all-tenants endpoint, naming the tenant", async () => {
    const operator = await seedOperator(service);
    const owner = await signInAs(service, operator.workspace.id, "owner");
    const { secret } = await subscribe(owner.headers, "/ok-operator", { allTenants: true });
    const tenant = await seedTenant(service, operator.rootKey, { externalId: "cus_acme" });
    const created = await service.app.inject({
      method: "POST",
      url: "/v1/keys",
      headers: bearer(tenant.rootKey),
      payload: { name: "tenant key" },
    });
    expect(created.statusCode).toBe(201);
    await deliver();
    const events = verifiedEvents("/ok-operator", secret);
    expect(events.map((e) => [e.type, e.data.key.name, e.data.workspace])).toEqual([
      ["key.created", "tenant key", { id: tenant.id, externalId: "cus_acme" }],
    ]);
  });
});
