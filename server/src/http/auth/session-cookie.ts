/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/, Secure when the public URL is https, and
 * living as long as the session may.
 */
import type { FastifyReply } from "fastify";
import type { Config } from "../../config/config.js";
import { SESSION_COOKIE, SESSION_MAX_MS } from "../../domain/auth/sessions.js";

function cookieOptions(config: Config) {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: config.secureCookies } as const;
}

/** Sets the cookie that carries this session token. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(config), maxAge: SESSION_MAX_MS / 1000 });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
