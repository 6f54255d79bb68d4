/**
 * The portal session's cookie: HttpOnly, Path=/, and always `Secure; SameSite=None; Partitioned`,
 * so it is sent to the portal framed on the platform's own site (a third-party frame) and kept in
 * that site's partition only (CHIPS). Chromium keeps Secure cookies of http://localhost and
 * http://127.0.0.1, so this works in local testing too. It lives as long as the session may.
 */
import type { FastifyReply } from "fastify";
import { PORTAL_COOKIE, PORTAL_SESSION_MAX_MS } from "../../domain/portal/portal-sessions.js";

const COOKIE_OPTIONS = {
  httpOnly: true,
  secure: true,
  sameSite: "none",
  partitioned: true,
  path: "/",
} as const;

/** Sets the cookie that carries this portal session's token. */
export function setPortalCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(PORTAL_COOKIE, token, { ...COOKIE_OPTIONS, maxAge: PORTAL_SESSION_MAX_MS / 1000 });
}

/** Tells the browser to forget the portal cookie. */
export function clearPortalCookie(reply: FastifyReply): void {
  reply.clearCookie(PORTAL_COOKIE, COOKIE_OPTIONS);
}
