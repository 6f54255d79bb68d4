/**
 * Sessions of the key portal (platform mode): opening a one-time link starts one, for one person
 * of the platform in one tenant, with the role and features the link was made with. The cookie
 * holds a random token of its own (never the link's); the store keeps its SHA-256 and the CSRF
 * token. A session ends 8 hours after it started, after 1 hour without use, when the person ends
 * it, or at once when its tenant is suspended or deleted.
 */
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.js";
import type { Database } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { randomToken } from "../auth/sessions.js";
import { hashSecret } from "../key-format.js";
import { actorOf, type Principal, portalActorId, portalPermissions } from "../principal.js";
import { type ConsumedPortalLink, consumePortalLink, readFeatures } from "./portal-links.js";

/** The cookie of a portal session (HttpOnly, Secure, SameSite=None, Partitioned). */
export const PORTAL_COOKIE = "keygate_portal";
/** The header a portal request carries: only requests with it are authenticated by the portal cookie. */
export const PORTAL_HEADER = "x-keygate-portal";
/** A portal session ends this long after it started... */
export const PORTAL_SESSION_MAX_MS = 8 * 60 * 60 * 1000;
/** ...or this long after its last use. */
export const PORTAL_SESSION_IDLE_MS = 60 * 60 * 1000;
/** `last_seen_at` is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export type PortalPrincipal = Extract<Principal, { type: "portal" }>;

export interface StartedPortalSession {
  /** The cookie's value: shown to the browser once, stored only as its SHA-256. */
  token: string;
  expiresAt: Date;
  principal: PortalPrincipal;
}

/**
 * Opens a portal link: uses up its token and starts the session, audited
 * `portal.session_started` in the tenant's trail, all in one transaction. `undefined` when the
 * link is unknown, used, expired, or its tenant is suspended or gone since.
 */
export async function startPortalSession(
  db: Kysely<Database>,
  input: { linkToken: string; ip: string | null; at: Date },
): Promise<StartedPortalSession | undefined> {
  return db.transaction().execute(async (trx) => {
    const link = await consumePortalLink(trx, input.linkToken, input.at);
    if (!link) return undefined;
    const workspace = await trx
      .selectFrom("workspaces")
      .select(["id"])
      .where("id", "=", link.workspaceId)
      .where("kind", "=", "tenant")
      .where("deleted_at", "is", null)
      .where("suspended_at", "is", null)
      .executeTakeFirst();
    if (!workspace) return undefined;
    // Sessions past their lifetime are gone for good: clear them away (by the expiry index).
    await trx.deleteFrom("portal_sessions").where("expires_at", "<=", input.at).execute();
    const token = randomToken();
    const csrfToken = randomToken();
    const sessionHash = hashSecret(token);
    const expiresAt = new Date(input.at.getTime() + PORTAL_SESSION_MAX_MS);
    await trx
      .insertInto("portal_sessions")
      .values({
        token_hash: sessionHash,
        workspace_id: link.workspaceId,
        external_id: link.externalId,
        email: link.email,
        name: link.name,
        role: link.role,
        features: JSON.stringify(link.features),
        return_url: link.returnUrl,
        csrf_token: csrfToken,
        created_at: input.at,
        expires_at: expiresAt,
        last_seen_at: input.at,
      })
      .execute();
    const principal = toPortalPrincipal({ ...link, sessionHash, csrfToken });
    await recordAudit(trx, {
      workspaceId: link.workspaceId,
      actor: actorOf(principal, input.ip),
      action: "portal.session_started",
      target: { type: "portal_user", id: portalActorId(link.externalId) },
      details: { role: link.role, features: link.features, expiresAt: expiresAt.toISOString() },
      at: input.at,
    });
    return { token, expiresAt, principal };
  });
}

export interface PortalSessionRecord {
  principal: PortalPrincipal;
  expiresAt: Date;
}

/**
 * The live portal session of this cookie token, or `undefined`: unknown, past its lifetime, idle
 * too long (both are deleted), or of a tenant that is suspended or deleted.
 */
export async function findPortalSession(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
): Promise<PortalSessionRecord | undefined> {
  const sessionHash = hashSecret(token);
  const now = clock.now();
  const row = await db
    .selectFrom("portal_sessions")
    .innerJoin("workspaces", "workspaces.id", "portal_sessions.workspace_id")
    .selectAll("portal_sessions")
    .where("portal_sessions.token_hash", "=", sessionHash)
    .where("workspaces.kind", "=", "tenant")
    .where("workspaces.deleted_at", "is", null)
    .where("workspaces.suspended_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  const idleFor = now.getTime() - row.last_seen_at.getTime();
  if (row.expires_at.getTime() <= now.getTime() || idleFor > PORTAL_SESSION_IDLE_MS) {
    await db.deleteFrom("portal_sessions").where("token_hash", "=", sessionHash).execute();
    return undefined;
  }
  if (idleFor > TOUCH_EVERY_MS) {
    await db
      .updateTable("portal_sessions")
      .set({ last_seen_at: now })
      .where("token_hash", "=", sessionHash)
      .execute();
  }
  return {
    expiresAt: row.expires_at,
    principal: toPortalPrincipal({
      workspaceId: row.workspace_id,
      externalId: row.external_id,
      email: row.email,
      name: row.name,
      role: row.role,
      features: readFeatures(row.features),
      returnUrl: row.return_url,
      sessionHash,
      csrfToken: row.csrf_token,
    }),
  };
}

/** Ends the portal session, audited `portal.session_ended`. */
export async function endPortalSession(
  db: Kysely<Database>,
  input: { principal: PortalPrincipal; ip: string | null; at: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ended = await trx
      .deleteFrom("portal_sessions")
      .where("token_hash", "=", input.principal.sessionHash)
      .executeTakeFirst();
    if (Number(ended.numDeletedRows) === 0) return;
    await recordAudit(trx, {
      workspaceId: input.principal.workspaceId,
      actor: actorOf(input.principal, input.ip),
      action: "portal.session_ended",
      target: { type: "portal_user", id: portalActorId(input.principal.externalId) },
      at: input.at,
    });
  });
}

/** The principal of a session: who the link was for, and this session's hash and CSRF token. */
function toPortalPrincipal(
  fields: ConsumedPortalLink & { sessionHash: string; csrfToken: string },
): PortalPrincipal {
  return { type: "portal", ...fields, permissions: portalPermissions(fields.role, fields.features) };
}
