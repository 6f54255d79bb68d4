/**
 * One node's webhook delivery throughput: N events for one endpoint written to the outbox of a
 * fresh PostgreSQL database (as key changes write them), then drained by one WebhookWorker (its
 * defaults: batches of 100, 16 requests in flight) into a local receiver that answers 204 at once.
 * The baseline, in the same run, is the same N signed requests sent straight to the receiver with
 * 16 in flight and no store: the ratio is what taking, logging and finishing each delivery in the
 * store costs.
 *
 *   npm run bench:webhooks [-- N, default 5000]
 */
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import pino from "pino";
import { systemClock } from "../server/src/clock.js";
import { newId } from "../server/src/domain/ids.js";
import { SecretBox } from "../server/src/domain/secrets/secret-box.js";
import { webhookPayload } from "../server/src/domain/webhooks/webhook-event-body.js";
import { createWorkspace } from "../server/src/domain/workspaces/workspaces.js";
import { createMetrics } from "../server/src/observability/metrics.js";
import { openStore } from "../server/src/store/database.js";
import { migrateToLatest } from "../server/src/store/migrate.js";
import { sendWebhook } from "../server/src/webhooks/webhook-sender.js";
import { signedHeaders, WebhookWorker } from "../server/src/webhooks/webhook-worker.js";
import { createBenchDatabase } from "./cluster-setup.js";

const count = Number(process.argv[2] ?? 5_000);
const LANES = 16;

const received = { count: 0 };
const receiver = http.createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    received.count += 1;
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
const policy = { allowHosts: ["127.0.0.1"] };

const database = await createBenchDatabase();
const store = await openStore({ databaseUrl: database.url, dataDir: "/nonexistent", poolSize: 10 });
try {
  await migrateToLatest(store.db);
  const bytes = randomBytes(32);
  const secrets = new SecretBox(async () => bytes);
  const now = new Date();
  const workspace = await createWorkspace(store.db, {
    name: "bench",
    plan: "enterprise",
    keyPrefix: "bench",
    at: now,
  });
  const endpointId = newId("webhook");
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  await store.db
    .insertInto("webhook_endpoints")
    .values({
      id: endpointId,
      workspace_id: workspace.id,
      url,
      events: JSON.stringify(["key.created"]),
      secret_ciphertext: await secrets.seal(secret, endpointId),
      created_at: now,
      updated_at: now,
    })
    .execute();
  await sql`
    insert into keys (id, workspace_id, kind, name, environment, prefix, start, scopes, meta, ip_allowlist,
                      enabled, created_at, updated_at)
    select 'key_bench_' || n, ${workspace.id}, 'token', 'bench ' || n, 'production', 'bench', 'bench_x',
           '[]', '{}', '[]', true, now(), now()
    from generate_series(1, ${count}) as n`.execute(store.db);
  await sql`select keygate_webhook_event('key.created', id, now(), '{}') from keys where workspace_id = ${workspace.id}`.execute(
    store.db,
  );

  // Baseline: the same signed bodies, straight to the receiver.
  const events = await store.db.selectFrom("webhook_events").selectAll().execute();
  let next = 0;
  const bareStarted = performance.now();
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (next < events.length) {
        const event = events[next++];
        if (!event) break;
        const body = webhookPayload(event);
        await sendWebhook({ url, headers: signedHeaders(secret, event.id, new Date(), body), body }, policy);
      }
    }),
  );
  const bareSeconds = (performance.now() - bareStarted) / 1000;

  const worker = new WebhookWorker({
    db: store.db,
    clock: systemClock,
    logger: pino({ level: "silent" }),
    secrets,
    metrics: createMetrics(),
    addressPolicy: policy,
  });
  const before = received.count;
  const workerStarted = performance.now();
  while ((await worker.runOnce()) > 0) {}
  const workerSeconds = (performance.now() - workerStarted) / 1000;
  const delivered = await store.db
    .selectFrom("webhook_deliveries")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("status", "=", "delivered")
    .executeTakeFirstOrThrow();
  if (Number(delivered.n) !== count || received.count - before !== count)
    throw new Error(
      `expected ${count} deliveries, got ${delivered.n} delivered and ${received.count - before} received`,
    );

  const bareRate = count / bareSeconds;
  const workerRate = count / workerSeconds;
  console.log(`webhook deliveries, ${count} events, one node, ${LANES} in flight, PostgreSQL`);
  console.log(`| figure | deliveries/s |`);
  console.log(`|---|---|`);
  console.log(`| bare: signed POSTs straight to the receiver | ${bareRate.toFixed(0)} |`);
  console.log(`| WebhookWorker: take, send, log, finish in the store | ${workerRate.toFixed(0)} |`);
  console.log(`| ratio | ${(workerRate / bareRate).toFixed(2)} |`);
} finally {
  await store.close();
  await database.drop();
  receiver.close();
}
