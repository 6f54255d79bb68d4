/**
 * `GET /portal/start?token=...`: opens a portal link. The token is used up at once (one
 * conditional UPDATE, so a second open loses), a portal session starts, its cookie is set, and the
 * browser goes on (303) to the portal at `/portal/`. A used, expired or unknown link answers 410
 * with a small page saying so, and no cookie. Not under /v1: it is a page, not an API call.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { describePortalLink, loadEffectiveBranding } from "../../domain/portal/load-branding.js";
import { PORTAL_START_PATH } from "../../domain/portal/portal-links.js";
import { startPortalSession } from "../../domain/portal/portal-sessions.js";
import { portalSecurityHeaders } from "../dashboard/dashboard-headers.js";
import type { ZodApp } from "../zod-app.js";
import { linkExpiredPage } from "./link-expired-page.js";
import { setPortalCookie } from "./portal-cookie.js";

/** Where the portal's app starts. */
export const PORTAL_HOME = "/portal/";

// Anything else than one token (none, twice, empty) is an unknown link: the 410 page, never a 400.
const startQuery = z.object({ token: z.unknown().optional() });

export function portalStartRoute(app: ZodApp, ctx: AppContext): void {
  const headers = portalSecurityHeaders(ctx.config.embedOrigins);
  app.get(
    PORTAL_START_PATH,
    { config: { auth: "public" }, schema: { hide: true, querystring: startQuery } },
    async (request, reply) => {
      reply.headers(headers).header("cache-control", "no-store");
      const token = typeof request.query.token === "string" ? request.query.token : "";
      const started =
        token === ""
          ? undefined
          : await startPortalSession(ctx.store.db, { linkToken: token, ip: request.ip, at: ctx.clock.now() });
      if (started) {
        setPortalCookie(reply, started.token);
        // A redirect's Referrer-Policy governs the request it leads to: keep the embedding page's
        // origin (never more) as the portal's document.referrer, which tells the portal whom to
        // send its height to in browsers without location.ancestorOrigins.
        return reply
          .code(303)
          .header("referrer-policy", "strict-origin")
          .header("location", PORTAL_HOME)
          .send();
      }
      const link = token ? await describePortalLink(ctx.store.db, token) : undefined;
      const branding = await loadEffectiveBranding(ctx.store.db, link?.workspaceId);
      return reply
        .code(410)
        .type("text/html; charset=utf-8")
        .send(linkExpiredPage({ productName: branding.productName, returnUrl: link?.returnUrl ?? null }));
    },
  );
}
