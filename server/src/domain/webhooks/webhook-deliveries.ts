/**
 * A webhook endpoint's deliveries: the log (newest first, cursor-paged, each with its attempts),
 * a test event sent to that one endpoint ({@link TEST_EVENT_TYPE}, whatever it subscribed to),
 * and a redelivery (a new pending delivery of the same event to the same endpoint; the old one
 * and its log stay). The sender (server/src/webhooks/) takes pending deliveries when they are due.
 */
import { randomUUID } from "node:crypto";
import { type Kysely, sql, type Transaction } from "kysely";
import { conflict, notFound } from "../../errors.js";
import type { Database, WebhookEndpointRow, WebhookEventRow } from "../../store/schema.js";
import { TEST_EVENT_TYPE } from "../../webhooks/event-types.js";
import { recordAudit } from "../audit/record-audit.js";
import { newId } from "../ids.js";
import type { Caller } from "../keys/key-access.js";
import { toPage } from "../paging.js";
import { actorOf } from "../principal.js";
import {
  type DeliveryWithEvent,
  type PublicWebhookDelivery,
  toPublicDelivery,
} from "./webhook-delivery-object.js";
import { findWebhook, lockWebhook, type WebhookDeps } from "./webhook-endpoints.js";

type Db = Kysely<Database> | Transaction<Database>;

/** An event id as `keygate_webhook_event` makes them (migration 0010): `msg_` and 32 hex digits. */
export const newWebhookEventId = () => `msg_${randomUUID().replaceAll("-", "")}`;

function deliveriesWithEvents(db: Db) {
  return db
    .selectFrom("webhook_deliveries as d")
    .innerJoin("webhook_events as e", "e.id", "d.event_id")
    .selectAll("d")
    .select(["e.type", "e.data", "e.occurred_at"]);
}

/** The deliveries with their attempts, oldest attempt first. */
async function withAttempts(db: Db, rows: readonly DeliveryWithEvent[]): Promise<PublicWebhookDelivery[]> {
  if (rows.length === 0) return [];
  const attempts = await db
    .selectFrom("webhook_attempts")
    .selectAll()
    .where(
      "delivery_id",
      "in",
      rows.map((row) => row.id),
    )
    .orderBy("attempted_at")
    .orderBy("id")
    .execute();
  return rows.map((row) =>
    toPublicDelivery(
      row,
      attempts.filter((attempt) => attempt.delivery_id === row.id),
    ),
  );
}

/**
 * The endpoint's deliveries, newest first. Deliveries the outbox trigger writes have random ids,
 * so the order is by creation time (then id), and the cursor is the last delivery shown.
 */
export async function listDeliveries(
  db: Db,
  workspaceId: string,
  endpointId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ data: PublicWebhookDelivery[]; nextCursor: string | null }> {
  await findWebhook(db, workspaceId, endpointId);
  let query = deliveriesWithEvents(db).where("d.endpoint_id", "=", endpointId);
  if (page.cursor !== undefined) {
    query = query.where(
      sql<boolean>`(d.created_at, d.id) < (select c.created_at, c.id from webhook_deliveries c where c.id = ${page.cursor} and c.endpoint_id = ${endpointId})`,
    );
  }
  const rows = await query
    .orderBy("d.created_at", "desc")
    .orderBy("d.id", "desc")
    .limit(page.limit + 1)
    .execute();
  const cut = toPage(rows, page.limit);
  return { data: await withAttempts(db, cut.data), nextCursor: cut.nextCursor };
}

function assertEnabled(endpoint: WebhookEndpointRow): void {
  if (!endpoint.enabled) throw conflict("the webhook is disabled; enable it to send events to it");
}

/** A new pending delivery of the event to the endpoint, due now. */
async function queueDelivery(
  trx: Transaction<Database>,
  endpointId: string,
  event: Pick<WebhookEventRow, "id" | "type" | "data" | "occurred_at">,
  now: Date,
): Promise<PublicWebhookDelivery> {
  const row: DeliveryWithEvent = {
    id: newId("delivery"),
    endpoint_id: endpointId,
    event_id: event.id,
    status: "pending",
    attempts: 0,
    next_attempt_at: now,
    locked_until: null,
    last_status_code: null,
    created_at: now,
    finished_at: null,
    type: event.type,
    data: event.data,
    occurred_at: event.occurred_at,
  };
  await trx
    .insertInto("webhook_deliveries")
    .values({
      id: row.id,
      endpoint_id: row.endpoint_id,
      event_id: row.event_id,
      status: row.status,
      attempts: row.attempts,
      next_attempt_at: row.next_attempt_at,
      created_at: row.created_at,
    })
    .execute();
  return toPublicDelivery(row, []);
}

/**
 * Sends a `webhook.test` event to this endpoint only, due at once: its data names the endpoint
 * and the workspace. 409 while the endpoint is disabled.
 */
export async function sendTestEvent(
  deps: WebhookDeps,
  caller: Caller,
  endpointId: string,
): Promise<PublicWebhookDelivery> {
  const now = deps.clock.now();
  const workspaceId = caller.principal.workspaceId;
  return deps.store.db.transaction().execute(async (trx) => {
    const endpoint = await lockWebhook(trx, workspaceId, endpointId);
    assertEnabled(endpoint);
    const workspace = await trx
      .selectFrom("workspaces")
      .select(["id", "external_id"])
      .where("id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    const event = {
      id: newWebhookEventId(),
      type: TEST_EVENT_TYPE,
      data: {
        webhook: { id: endpoint.id, url: endpoint.url },
        workspace: { id: workspace.id, externalId: workspace.external_id },
      },
      occurred_at: now,
    };
    await trx
      .insertInto("webhook_events")
      .values({ ...event, workspace_id: workspaceId, data: JSON.stringify(event.data) })
      .execute();
    const delivery = await queueDelivery(trx, endpoint.id, event, now);
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(caller.principal, caller.ip),
      action: "webhook.tested",
      target: { type: "webhook", id: endpoint.id },
      details: { url: endpoint.url, eventId: event.id, deliveryId: delivery.id },
      at: now,
    });
    return delivery;
  });
}

/**
 * Sends a delivery's event to its endpoint again, as a new pending delivery due now; the old
 * delivery and its attempts stay. 404 for a delivery of another workspace's endpoint, 409 while
 * the endpoint is disabled.
 */
export async function redeliver(
  deps: WebhookDeps,
  caller: Caller,
  deliveryId: string,
): Promise<PublicWebhookDelivery> {
  const now = deps.clock.now();
  const workspaceId = caller.principal.workspaceId;
  return deps.store.db.transaction().execute(async (trx) => {
    const old = await deliveriesWithEvents(trx)
      .innerJoin("webhook_endpoints as w", "w.id", "d.endpoint_id")
      .where("d.id", "=", deliveryId)
      .where("w.workspace_id", "=", workspaceId)
      .executeTakeFirst();
    if (!old) throw notFound("delivery");
    const endpoint = await lockWebhook(trx, workspaceId, old.endpoint_id);
    assertEnabled(endpoint);
    const event = { id: old.event_id, type: old.type, data: old.data, occurred_at: old.occurred_at };
    const delivery = await queueDelivery(trx, endpoint.id, event, now);
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(caller.principal, caller.ip),
      action: "webhook.redelivered",
      target: { type: "webhook", id: endpoint.id },
      details: {
        url: endpoint.url,
        eventId: event.id,
        eventType: event.type,
        deliveryId: delivery.id,
        redeliveryOf: old.id,
      },
      at: now,
    });
    return delivery;
  });
}
