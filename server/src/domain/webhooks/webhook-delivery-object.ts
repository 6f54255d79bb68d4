/**
 * A delivery: one event for one endpoint, with its state (pending, delivered, failed), when it
 * is tried next, the event body exactly as it is sent, and the log of its attempts, oldest first.
 */
import { z } from "zod";
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookEventRow } from "../../store/schema.js";
import { webhookEventBody, webhookEventBodySchema } from "./webhook-event-body.js";

export const webhookAttemptSchema = z
  .object({
    attemptedAt: z.string(),
    statusCode: z.number().int().nullable().describe("The receiver's HTTP status; null when none came"),
    durationMs: z.number().int(),
    responseExcerpt: z.string().describe("The start of the receiver's answer"),
    error: z
      .string()
      .nullable()
      .describe("Why no answer came (timeout, refused address...); null when one came"),
  })
  .describe("One attempt of a delivery");

export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable().describe("When it is tried next; null once finished"),
    lastStatusCode: z.number().int().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    event: webhookEventBodySchema,
    attemptLog: z.array(webhookAttemptSchema).describe("Every attempt, oldest first"),
  })
  .describe("One event for one endpoint, and its attempts");
export type PublicWebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** A delivery row with the columns of its event it is shown with. */
export type DeliveryWithEvent = WebhookDeliveryRow & Pick<WebhookEventRow, "type" | "data" | "occurred_at">;

export function toPublicDelivery(
  row: DeliveryWithEvent,
  attempts: readonly WebhookAttemptRow[],
): PublicWebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
    lastStatusCode: row.last_status_code,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    event: webhookEventBody({
      id: row.event_id,
      type: row.type,
      occurred_at: row.occurred_at,
      data: row.data,
    }),
    attemptLog: attempts.map((attempt) => ({
      attemptedAt: attempt.attempted_at.toISOString(),
      statusCode: attempt.status_code,
      durationMs: attempt.duration_ms,
      responseExcerpt: attempt.response_excerpt,
      error: attempt.error,
    })),
  };
}
