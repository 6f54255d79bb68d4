/**
 * A webhook endpoint: a workspace's receiver of signed lifecycle events (Standard Webhooks). The
 * schemas here validate the requests, type the domain and document the API. The public object
 * never holds the signing secret or its ciphertext; the secret is shown once, in the answer that
 * made it (create and rotate-secret).
 */
import { z } from "zod";
import type { WebhookEndpointRow } from "../../store/schema.js";
import { WEBHOOK_EVENT_TYPES } from "../../webhooks/event-types.js";

/** How many endpoints one workspace may have. */
export const MAX_WEBHOOKS_PER_WORKSPACE = 20;
export const MAX_WEBHOOK_URL_LENGTH = 2048;
export const MAX_WEBHOOK_DESCRIPTION_LENGTH = 500;

export const webhookObjectSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    allTenants: z.boolean().describe("Also every tenant's events (the operator's workspace only)"),
    enabled: z.boolean(),
    failingSince: z
      .string()
      .nullable()
      .describe("Since when deliveries to it have been using up their retries; null while it answers"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe("A webhook endpoint (never its secret)");
export type PublicWebhook = z.infer<typeof webhookObjectSchema>;

export const webhookWithSecretSchema = webhookObjectSchema
  .extend({
    secret: z.string().describe("The signing secret (whsec_...), shown only in this answer: store it now"),
  })
  .describe("A webhook endpoint and its signing secret, shown once");
export type WebhookWithSecret = z.infer<typeof webhookWithSecretSchema>;

const urlSchema = z
  .string()
  .max(MAX_WEBHOOK_URL_LENGTH, `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`)
  .describe("Where events are sent: an https URL of a public address");

const eventsSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1, "must list at least one event type")
  .max(WEBHOOK_EVENT_TYPES.length)
  .superRefine((events, ctx) => {
    const seen = new Set<string>();
    for (const event of events) {
      if (seen.has(event)) ctx.addIssue({ code: "custom", message: `must not repeat ${event}` });
      seen.add(event);
    }
  })
  .describe("The event types it receives, each once");

const descriptionSchema = z
  .string()
  .max(MAX_WEBHOOK_DESCRIPTION_LENGTH, `must be at most ${MAX_WEBHOOK_DESCRIPTION_LENGTH} characters`);

export const createWebhookBody = z.strictObject({
  url: urlSchema,
  events: eventsSchema,
  description: descriptionSchema.default(""),
  enabled: z.boolean().default(true),
  allTenants: z
    .boolean()
    .default(false)
    .describe("Also receive every tenant's events; only the operator's workspace may set it"),
});
export type CreateWebhookInput = z.infer<typeof createWebhookBody>;

export const updateWebhookBody = z
  .strictObject({
    url: urlSchema.optional(),
    events: eventsSchema.optional(),
    description: descriptionSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: "send at least one field to change",
    when: (payload) => payload.issues.length === 0,
  });
export type UpdateWebhookInput = z.infer<typeof updateWebhookBody>;

export function toPublicWebhook(row: WebhookEndpointRow): PublicWebhook {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as PublicWebhook["events"],
    allTenants: row.all_tenants,
    enabled: row.enabled,
    failingSince: row.failing_since?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
