/**
 * Every route declares who may call it in its `config.auth`:
 *   - `"public"`: anyone (health, login, setup, docs);
 *   - `"any"`: any signed-in user or root key;
 *   - a permission such as `"keys:read"`: a principal that holds it.
 * A route that declares nothing is refused, so forgetting is never an open door.
 * Cookie sessions must also send the session's `x-csrf-token` on every state-changing request.
 *
 * The key portal (platform mode) is a door of its own: a request with `x-keygate-portal: 1` is
 * authenticated by the `keygate_portal` cookie and nothing else (never Authorization, never the
 * dashboard's session), and a request without that header never by the portal cookie. So a page
 * that frames the portal cannot make the browser act with the dashboard's session, and a
 * dashboard tab cannot be steered into acting as a portal user.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { AppContext } from "../../app/context.js";
import { findSession, SESSION_COOKIE } from "../../domain/auth/sessions.js";
import { findPortalSession, PORTAL_COOKIE, PORTAL_HEADER } from "../../domain/portal/portal-sessions.js";
import { type Permission, type Principal, requirePermission } from "../../domain/principal.js";
import type { RootKeyIdentity } from "../../domain/root-keys/root-key-authenticator.js";
import { ApiError, forbidden } from "../../errors.js";

export type RouteAuth = "public" | "any" | Permission;

declare module "fastify" {
  interface FastifyContextConfig {
    auth?: RouteAuth;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const unauthenticated = (message: string) => new ApiError("UNAUTHENTICATED", message);
const NO_CREDENTIAL = "send 'Authorization: Bearer <root key>' or sign in";

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The secret of an `Authorization: Bearer <secret>` header, or `undefined` for any other shape. */
export function bearerSecret(header: string): string | undefined {
  return BEARER.exec(header)?.[1];
}

/** Refuses a state-changing request of a cookie session that does not send its CSRF token. */
function requireCsrf(request: FastifyRequest, csrfToken: string, message: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const sent = request.headers["x-csrf-token"];
  if (typeof sent !== "string" || !sameToken(sent, csrfToken)) throw new ApiError("CSRF_FAILED", message);
}

async function sessionPrincipal(ctx: AppContext, request: FastifyRequest, token: string): Promise<Principal> {
  const session = await findSession(ctx.store.db, ctx.clock, token);
  if (!session) throw unauthenticated("the session has ended; sign in again");
  requireCsrf(request, session.csrfToken, "a signed-in change needs the x-csrf-token given at sign-in");
  return { type: "user", ...session };
}

const PORTAL_ENDED = "the portal session has ended; open the key settings again";

/** The portal user of a request that carries `x-keygate-portal: 1`, by the portal cookie only. */
async function portalPrincipal(ctx: AppContext, request: FastifyRequest): Promise<Principal> {
  if (request.headers[PORTAL_HEADER] !== "1") {
    throw unauthenticated(`the ${PORTAL_HEADER} header must be 1`);
  }
  const token = request.cookies[PORTAL_COOKIE];
  if (token === undefined) throw unauthenticated(PORTAL_ENDED);
  const session = await findPortalSession(ctx.store.db, ctx.clock, token);
  if (!session) throw unauthenticated(PORTAL_ENDED);
  requireCsrf(
    request,
    session.principal.csrfToken,
    "a change in the portal needs the x-csrf-token of its session",
  );
  return session.principal;
}

/**
 * Who is calling: a root key (synchronously when its record is cached, as on the verify path), a
 * session or a portal session (one store read each), or nobody (`null`). Throws for a credential
 * that is not valid.
 */
function resolvePrincipal(
  ctx: AppContext,
  request: FastifyRequest,
): Principal | null | Promise<Principal | null> {
  if (request.headers[PORTAL_HEADER] !== undefined) return portalPrincipal(ctx, request);
  const header = request.headers.authorization;
  if (header !== undefined) {
    const secret = bearerSecret(header);
    if (!secret) throw unauthenticated("the Authorization header must be 'Bearer <root key>'");
    const identity = ctx.rootKeys.authenticate(secret);
    if (identity instanceof Promise) return identity.then(rootKeyOrRefuse);
    return rootKeyOrRefuse(identity);
  }
  const token = request.cookies[SESSION_COOKIE];
  return token === undefined ? null : sessionPrincipal(ctx, request, token);
}

/** A root key as the principal; throws `UNAUTHENTICATED` when there is none (the lane uses it too). */
export function rootKeyOrRefuse(identity: RootKeyIdentity | undefined): Principal {
  if (!identity) throw unauthenticated("the root key is not valid");
  return identity;
}

/** Admits the principal to a route with this rule, or throws. */
function admit(
  request: FastifyRequest,
  auth: Exclude<RouteAuth, "public">,
  principal: Principal | null,
): void {
  if (!principal) throw unauthenticated(NO_CREDENTIAL);
  if (auth !== "any") requirePermission(principal, auth);
  request.principal = principal;
}

export function installAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest("principal", null);
  // onRequest: before the body is read, so a caller without a credential learns nothing more.
  // Callback style, and synchronous when the root key is cached: this runs on every verification.
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    const auth = request.routeOptions.config.auth;
    if (auth === "public" || request.is404) return done();
    if (auth === undefined) return done(forbidden("this route declares no access rule"));
    try {
      const principal = resolvePrincipal(ctx, request);
      if (principal instanceof Promise) {
        principal.then((resolved) => admit(request, auth, resolved)).then(() => done(), done);
        return;
      }
      admit(request, auth, principal);
    } catch (error) {
      return done(error as Error);
    }
    done();
  });
}

/** The caller of an authenticated route. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthenticated(NO_CREDENTIAL);
  return request.principal;
}

/** The caller's address, as the audit trail records it. */
export function clientIp(request: FastifyRequest): string {
  return request.ip;
}
