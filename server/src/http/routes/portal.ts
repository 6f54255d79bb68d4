/**
 * The key portal (platform mode): the operator's platform asks for a one-time link for one of
 * its people into one tenant (`POST /v1/portal/sessions`); the portal's app, opened through that
 * link (`GET /portal/start`), reads its session (`GET /v1/portal/session`) and may end it.
 * Also mounts the portal's pages that are not under /v1: `/portal/start` and `/embed.js`.
 */

import type { Kysely } from "kysely";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { loadEffectiveBranding } from "../../domain/portal/load-branding.js";
import {
  assertPortalTenant,
  createPortalLink,
  PORTAL_FEATURES,
  PORTAL_ROLES,
} from "../../domain/portal/portal-links.js";
import { endPortalSession, type PortalPrincipal } from "../../domain/portal/portal-sessions.js";
import { actorOf, PERMISSIONS, type Principal, portalActorId } from "../../domain/principal.js";
import { recordTenantAudit } from "../../domain/workspaces/tenant-audit.js";
import { getWorkspace, toPublicWorkspace } from "../../domain/workspaces/workspaces.js";
import { ApiError, forbidden } from "../../errors.js";
import type { Database } from "../../store/schema.js";
import { emailSchema, publicWorkspaceSchema } from "../account-schemas.js";
import { principalOf } from "../auth/authenticate.js";
import { effectiveBrandingSchema } from "../branding-schema.js";
import { embedScriptRoute } from "../portal/embed-script.js";
import { clearPortalCookie } from "../portal/portal-cookie.js";
import { portalStartRoute } from "../portal/portal-start.js";
import { errorResponse } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";

const PORTAL_TAGS = ["portal (platform)"];

const portalUserSchema = z.strictObject({
  externalId: z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, "must be 1-200 printable characters without spaces")
    .describe("The platform's own id of the person; audit events name them `portal:<externalId>`"),
  email: emailSchema.describe("Shown beside their actions in the audit trail"),
  name: z.string().trim().max(200, "must be at most 200 characters").optional(),
});

const featureSchema = z.enum(PORTAL_FEATURES);
const roleSchema = z.enum(PORTAL_ROLES);

export const createPortalSessionBody = z.strictObject({
  workspace: z
    .string()
    .min(1, "must not be empty")
    .max(200, "must be at most 200 characters")
    .describe("The tenant: its `ws_` id or its externalId (the platform's customer id)"),
  user: portalUserSchema,
  role: roleSchema
    .default("developer")
    .describe("What the person may do, as a member of that role would (never owner)"),
  returnUrl: z
    .url({ protocol: /^https?$/, error: "must be an http or https URL" })
    .max(2000, "must be at most 2000 characters")
    .optional()
    .describe("The platform's page the portal links back to"),
  features: z
    .array(featureSchema)
    .min(1, "must hold at least one feature")
    .max(PORTAL_FEATURES.length)
    .refine((features) => new Set(features).size === features.length, "must not repeat a feature")
    .default([...PORTAL_FEATURES])
    .describe(
      "The screens the portal shows: keys, apps (apps and connected APIs), usage, audit; default all",
    ),
});

const portalLinkSchema = z.object({
  url: z.url().describe("Open it once, within 60 seconds: it starts the portal session"),
  expiresAt: z.iso.datetime({ offset: true }),
});

const portalSessionSchema = z
  .object({
    workspace: publicWorkspaceSchema.describe("The tenant the portal shows"),
    user: z.object({ externalId: z.string(), email: z.string(), name: z.string() }),
    role: roleSchema,
    features: z.array(featureSchema),
    permissions: z.array(z.enum(PERMISSIONS)).describe("What the role and features allow"),
    returnUrl: z.string().nullable(),
    branding: effectiveBrandingSchema,
    embedOrigins: z
      .array(z.string())
      .describe("The origins that may frame the portal (KEYGATE_EMBED_ORIGINS)"),
    csrfToken: z.string().describe("Send it as x-csrf-token on every change made in the portal"),
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .describe("The portal session of this browser");

/** The tenant a portal link is asked for, by `ws_` id or by externalId. */
async function findTenant(db: Kysely<Database>, reference: string) {
  const rows = await db
    .selectFrom("workspaces")
    .selectAll()
    .where((eb) => eb.or([eb("id", "=", reference), eb("external_id", "=", reference)]))
    .execute();
  return rows.find((row) => row.id === reference) ?? rows[0];
}

/** The portal user calling; anyone else has no portal session here. */
function portalPrincipalOf(principal: Principal): PortalPrincipal {
  if (principal.type !== "portal") {
    throw forbidden("this is the key portal's own session; send x-keygate-portal: 1 with its cookie");
  }
  return principal;
}

export function portalRoutes(app: ZodApp, ctx: AppContext): void {
  portalStartRoute(app, ctx);
  embedScriptRoute(app, ctx);

  app.post(
    "/v1/portal/sessions",
    {
      config: { auth: "portal:write" },
      schema: {
        tags: PORTAL_TAGS,
        summary: "A one-time link into a tenant's key portal, for one of the platform's people",
        description:
          "For the operator's root keys with `portal:write`. The link works once, within 60 seconds: opening it " +
          "starts a portal session (8 hours at most, ended after 1 hour idle) for that person in that tenant, with " +
          "that role and those features, and never a Keygate account. Audited as `portal.link_created` in the " +
          "tenant's trail and the operator's. An unknown or deleted tenant is 404, a " +
          "suspended one 409, the operator's own workspace 400.",
        body: createPortalSessionBody,
        response: {
          201: portalLinkSchema,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const body = request.body;
      const tenant = await findTenant(ctx.store.db, body.workspace);
      assertPortalTenant(tenant);
      const actor = actorOf(principal, request.ip);
      const at = ctx.clock.now();
      const link = await ctx.store.db.transaction().execute(async (trx) => {
        const created = await createPortalLink(
          { db: trx, publicUrl: ctx.config.publicUrl },
          {
            workspaceId: tenant.id,
            user: body.user,
            role: body.role,
            features: body.features,
            returnUrl: body.returnUrl ?? null,
            createdBy: actor.id,
            at,
          },
        );
        await recordTenantAudit(trx, {
          operatorId: principal.workspaceId,
          tenant,
          actor,
          action: "portal.link_created",
          target: { type: "portal_user", id: portalActorId(body.user.externalId) },
          details: {
            email: body.user.email,
            role: body.role,
            features: [...new Set(body.features)],
            expiresAt: created.expiresAt.toISOString(),
          },
          at,
        });
        return created;
      });
      return reply.code(201).send({ url: link.url, expiresAt: link.expiresAt.toISOString() });
    },
  );

  app.get(
    "/v1/portal/session",
    {
      config: { auth: "any" },
      schema: {
        tags: PORTAL_TAGS,
        summary: "The portal session of this browser: its tenant, person, role, features and branding",
        description:
          "Send `x-keygate-portal: 1`: the request is then authenticated by the portal's cookie alone. 401 without a live portal session.",
        security: [{ portal: [] }],
        response: { 200: portalSessionSchema, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const principal = portalPrincipalOf(principalOf(request));
      const [workspace, branding, session] = await Promise.all([
        getWorkspace(ctx.store.db, principal.workspaceId),
        loadEffectiveBranding(ctx.store.db, principal.workspaceId),
        ctx.store.db
          .selectFrom("portal_sessions")
          .select("expires_at")
          .where("token_hash", "=", principal.sessionHash)
          .executeTakeFirst(),
      ]);
      if (!session)
        throw new ApiError("UNAUTHENTICATED", "the portal session has ended; open the key settings again");
      return {
        workspace: toPublicWorkspace(workspace),
        user: { externalId: principal.externalId, email: principal.email, name: principal.name },
        role: principal.role,
        features: [...principal.features],
        permissions: [...principal.permissions],
        returnUrl: principal.returnUrl,
        branding,
        embedOrigins: ctx.config.embedOrigins,
        csrfToken: principal.csrfToken,
        expiresAt: session.expires_at.toISOString(),
      };
    },
  );

  app.post(
    "/v1/portal/session/end",
    {
      config: { auth: "any" },
      schema: {
        tags: PORTAL_TAGS,
        summary: "End this browser's portal session and clear its cookie",
        description:
          "Send `x-keygate-portal: 1` and the session's `x-csrf-token`. Audited as `portal.session_ended`.",
        security: [{ portal: [] }],
        response: { 204: z.null().describe("Ended"), 401: errorResponse, 403: errorResponse },
      },
    },
    async (request, reply) => {
      const principal = portalPrincipalOf(principalOf(request));
      await endPortalSession(ctx.store.db, { principal, ip: request.ip, at: ctx.clock.now() });
      clearPortalCookie(reply);
      return reply.code(204).send(null);
    },
  );
}
