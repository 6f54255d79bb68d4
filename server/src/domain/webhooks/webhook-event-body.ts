/**
 * The body of a webhook request, as the sender sends it and the delivery log shows it:
 * `{ id, type, timestamp, data }` (Standard Webhooks' `type`, `timestamp` and `data`, plus the
 * event id that the `webhook-id` header also carries). The same for every delivery and retry of
 * one event.
 */
import { z } from "zod";
import type { WebhookEventRow } from "../../store/schema.js";

export const webhookEventBodySchema = z
  .object({
    id: z.string().describe("The event id (msg_...), also the webhook-id header"),
    type: z.string().describe("key.created, key.revoked, ... or webhook.test"),
    timestamp: z.string().describe("When it happened"),
    data: z
      .record(z.string(), z.unknown())
      .describe("The key (never its secret or hash), the workspace and more"),
  })
  .describe("A webhook event as it is sent");
export type WebhookEventBody = z.infer<typeof webhookEventBodySchema>;

export function webhookEventBody(
  event: Pick<WebhookEventRow, "id" | "type" | "occurred_at" | "data">,
): WebhookEventBody {
  return {
    id: event.id,
    type: event.type,
    timestamp: event.occurred_at.toISOString(),
    data: event.data,
  };
}

/** The payload bytes that are signed and sent. */
export function webhookPayload(event: Pick<WebhookEventRow, "id" | "type" | "occurred_at" | "data">): string {
  return JSON.stringify(webhookEventBody(event));
}
