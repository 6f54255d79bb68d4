/**
 * Webhook endpoints: `POST/GET /v1/webhooks`, `GET/PATCH/DELETE /v1/webhooks/{id}`,
 * `POST /v1/webhooks/{id}/rotate-secret`, `GET /v1/webhooks/{id}/deliveries`,
 * `POST /v1/webhooks/{id}/test` and `POST /v1/webhooks/deliveries/{id}/redeliver`. Reads need
 * `webhooks:read`, changes `webhooks:write`; the signing secret is in the answers of create and
 * rotate-secret only, and is stored only sealed by the secret box.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { pageOf, pageQuery } from "../../domain/paging.js";
import { deleteWebhook, rotateWebhookSecret, updateWebhook } from "../../domain/webhooks/change-webhook.js";
import { listDeliveries, redeliver, sendTestEvent } from "../../domain/webhooks/webhook-deliveries.js";
import { webhookDeliverySchema } from "../../domain/webhooks/webhook-delivery-object.js";
import { createWebhook, findWebhook, listWebhooks } from "../../domain/webhooks/webhook-endpoints.js";
import {
  createWebhookBody,
  MAX_WEBHOOKS_PER_WORKSPACE,
  toPublicWebhook,
  updateWebhookBody,
  webhookObjectSchema,
  webhookWithSecretSchema,
} from "../../domain/webhooks/webhook-object.js";
import { ApiError } from "../../errors.js";
import { WEBHOOK_EVENT_TYPES } from "../../webhooks/event-types.js";
import { principalOf } from "../auth/authenticate.js";
import { errorResponse, idParams } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";
import { callerOf } from "./keys/key-route-parts.js";

const TAGS = ["webhooks"];
const refusals = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
};

/** Sealing a secret needs the encryption key: a clear 503 when this server has none. */
async function requireSecretBox(ctx: AppContext): Promise<void> {
  try {
    await ctx.secrets.ready();
  } catch (error) {
    ctx.logger.error({ err: error }, "webhooks: the encryption key could not be loaded or created");
    throw new ApiError(
      "UNAVAILABLE",
      "webhook secrets are stored encrypted, and this server could not load or create its encryption key; set KEYGATE_ENCRYPTION_KEY (see the server's log)",
    );
  }
}

const CREATE_DESCRIPTION = [
  `Events: ${WEBHOOK_EVENT_TYPES.join(", ")}.`,
  "The answer holds the signing secret (`whsec_...`, Standard Webhooks) once; it is never shown again.",
  "The URL must be https and reach a public address unless the operator allows more",
  `(KEYGATE_WEBHOOK_ALLOW_HOSTS, KEYGATE_WEBHOOK_ALLOW_HTTP). At most ${MAX_WEBHOOKS_PER_WORKSPACE} per workspace (409).`,
  "`allTenants` (also every tenant's events) is for the operator's workspace only. Audited as `webhook.created`.",
].join(" ");

export function webhookRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/webhooks",
    {
      config: { auth: "webhooks:write" },
      schema: {
        tags: TAGS,
        summary: "Create a webhook endpoint",
        description: CREATE_DESCRIPTION,
        body: createWebhookBody,
        response: { 201: webhookWithSecretSchema, ...refusals, 503: errorResponse },
      },
    },
    async (request, reply) => {
      await requireSecretBox(ctx);
      return reply.code(201).send(await createWebhook(ctx, callerOf(request), request.body));
    },
  );

  app.get(
    "/v1/webhooks",
    {
      config: { auth: "webhooks:read" },
      schema: {
        tags: TAGS,
        summary: "List webhook endpoints",
        description: "The workspace's endpoints, newest first, cursor-paged.",
        querystring: z.strictObject(pageQuery),
        response: { 200: pageOf(webhookObjectSchema), ...refusals },
      },
    },
    async (request) => listWebhooks(ctx.store.db, principalOf(request).workspaceId, request.query),
  );

  app.get(
    "/v1/webhooks/:id",
    {
      config: { auth: "webhooks:read" },
      schema: {
        tags: TAGS,
        summary: "Get a webhook endpoint",
        params: idParams("webhook"),
        response: { 200: webhookObjectSchema, ...refusals },
      },
    },
    async (request) =>
      toPublicWebhook(await findWebhook(ctx.store.db, principalOf(request).workspaceId, request.params.id)),
  );

  app.patch(
    "/v1/webhooks/:id",
    {
      config: { auth: "webhooks:write" },
      schema: {
        tags: TAGS,
        summary: "Edit a webhook endpoint",
        description:
          "Changes `url`, `events`, `description` or `enabled`. Re-enabling it or changing its URL clears `failingSince`. Audited as `webhook.updated`.",
        params: idParams("webhook"),
        body: updateWebhookBody,
        response: { 200: webhookObjectSchema, ...refusals },
      },
    },
    async (request) => updateWebhook(ctx, callerOf(request), request.params.id, request.body),
  );

  app.delete(
    "/v1/webhooks/:id",
    {
      config: { auth: "webhooks:write" },
      schema: {
        tags: TAGS,
        summary: "Delete a webhook endpoint",
        description: "With its deliveries and their log. Audited as `webhook.deleted`.",
        params: idParams("webhook"),
        response: { 204: z.null().describe("Deleted"), ...refusals },
      },
    },
    async (request, reply) => {
      await deleteWebhook(ctx, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/v1/webhooks/:id/rotate-secret",
    {
      config: { auth: "webhooks:write" },
      schema: {
        tags: TAGS,
        summary: "Rotate a webhook endpoint's signing secret",
        description:
          "The answer holds the new secret once; the old one signs nothing from now on, retries included. Audited as `webhook.secret_rotated`.",
        params: idParams("webhook"),
        response: { 200: webhookWithSecretSchema, ...refusals, 503: errorResponse },
      },
    },
    async (request) => {
      await requireSecretBox(ctx);
      return rotateWebhookSecret(ctx, callerOf(request), request.params.id);
    },
  );

  app.get(
    "/v1/webhooks/:id/deliveries",
    {
      config: { auth: "webhooks:read" },
      schema: {
        tags: TAGS,
        summary: "List a webhook endpoint's deliveries",
        description:
          "Newest first, cursor-paged; each with the event exactly as it is sent and every attempt, oldest first.",
        params: idParams("webhook"),
        querystring: z.strictObject(pageQuery),
        response: { 200: pageOf(webhookDeliverySchema), ...refusals },
      },
    },
    async (request) =>
      listDeliveries(ctx.store.db, principalOf(request).workspaceId, request.params.id, request.query),
  );

  app.post(
    "/v1/webhooks/:id/test",
    {
      config: { auth: "webhooks:write" },
      schema: {
        tags: TAGS,
        summary: "Send a test event",
        description:
          "Queues a `webhook.test` event for this endpoint only, whatever it subscribed to, due at once; answers the new delivery. 409 while the endpoint is disabled. Audited as `webhook.tested`.",
        params: idParams("webhook"),
        response: { 202: webhookDeliverySchema, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await sendTestEvent(ctx, callerOf(request), request.params.id)),
  );

  app.post(
    "/v1/webhooks/deliveries/:id/redeliver",
    {
      config: { auth: "webhooks:write" },
      schema: {
        tags: TAGS,
        summary: "Redeliver an event",
        description:
          "Queues the delivery's event for its endpoint again as a new delivery, due at once; the old delivery and its log stay. 409 while the endpoint is disabled. Audited as `webhook.redelivered`.",
        params: idParams("delivery"),
        response: { 202: webhookDeliverySchema, ...refusals },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await redeliver(ctx, callerOf(request), request.params.id)),
  );
}
