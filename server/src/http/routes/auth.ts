/**
 * Dashboard sign-in: `POST /v1/auth/login` (throttled per email and address, see login-throttle.ts),
 * `POST /v1/auth/logout` and `GET /v1/auth/me` (also answers for a root key).
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { SESSION_COOKIE } from "../../domain/auth/sessions.js";
import { signIn } from "../../domain/auth/sign-in.js";
import { signOut } from "../../domain/auth/sign-out.js";
import { actorOf } from "../../domain/principal.js";
import { MAX_PASSWORD_LENGTH } from "../../domain/users/passwords.js";
import { normaliseEmail, toPublicUser } from "../../domain/users/users.js";
import { getWorkspace, toPublicWorkspace } from "../../domain/workspaces/workspaces.js";
import { ApiError, forbidden, notFound } from "../../errors.js";
import { publicWorkspaceSchema, signedInSchema, toSignedInBody } from "../account-schemas.js";
import { principalOf } from "../auth/authenticate.js";
import { clearSessionCookie, setSessionCookie } from "../auth/session-cookie.js";
import { errorResponse } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";

export const WRONG_CREDENTIALS = "email or password is wrong";

const loginBody = z.strictObject({
  email: z.string().trim().min(1, "required").max(320, "must be at most 320 characters"),
  password: z
    .string()
    .min(1, "required")
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`),
  workspaceId: z
    .string()
    .max(100)
    .optional()
    .describe("The workspace to sign in to; the oldest membership when absent"),
});

const rootKeyMeSchema = z.object({
  rootKey: z.object({ id: z.string(), permissions: z.array(z.string()) }),
  workspace: publicWorkspaceSchema,
});

export function authRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/auth/login",
    {
      config: { auth: "public" },
      schema: {
        tags: ["auth"],
        summary: "Sign in with email and password",
        description:
          "Sets the `keygate_session` cookie and returns the CSRF token to send as `x-csrf-token` on every change. " +
          "After 5 failures for one email from one address, each attempt waits (15 s, doubling per failure, at most 15 minutes); " +
          "100 failures for one email from all addresses in an hour, or 20 from one address in 15 minutes, answer 429 too, with `retry-after`.",
        security: [],
        body: loginBody,
        response: { 200: signedInSchema, 400: errorResponse, 401: errorResponse, 429: errorResponse },
      },
    },
    async (request, reply) => {
      const email = normaliseEmail(request.body.email);
      // Counted before the password is checked: parallel attempts get no more checks than serial ones.
      const attempt = ctx.loginThrottle.begin(email, request.ip);
      const outcome = await signIn(ctx.store.db, ctx.clock, {
        email,
        password: request.body.password,
        workspaceId: request.body.workspaceId,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      if (!outcome.ok && outcome.reason === "wrong_credentials") {
        throw new ApiError("UNAUTHENTICATED", WRONG_CREDENTIALS);
      }
      attempt.succeeded();
      if (!outcome.ok) {
        throw outcome.reason === "not_a_member"
          ? notFound("workspace")
          : forbidden("this account is not a member of any workspace");
      }
      setSessionCookie(reply, ctx.config, outcome.session.token);
      return toSignedInBody(outcome.session);
    },
  );

  app.post(
    "/v1/auth/logout",
    {
      config: { auth: "any" },
      schema: {
        tags: ["auth"],
        summary: "Sign out: end this session and clear its cookie",
        response: { 204: z.null().describe("Signed out"), 401: errorResponse, 403: errorResponse },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.type === "portal") {
        throw forbidden("a portal session has no Keygate account; end it with POST /v1/portal/session/end");
      }
      if (principal.type !== "user") throw forbidden("a root key has no session to sign out of");
      await signOut(ctx.store.db, {
        sessionHash: principal.sessionHash,
        userId: principal.userId,
        workspaceId: principal.workspaceId,
        actor: actorOf(principal, request.ip),
        at: ctx.clock.now(),
      });
      clearSessionCookie(reply, ctx.config);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/v1/auth/me",
    {
      config: { auth: "any" },
      schema: {
        tags: ["auth"],
        summary: "Who is calling: the signed-in user and role, or the root key",
        response: { 200: z.union([signedInSchema, rootKeyMeSchema]), 401: errorResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const workspace = await getWorkspace(ctx.store.db, principal.workspaceId);
      if (principal.type === "portal") throw forbidden("a portal session has no Keygate account");
      if (principal.type === "root_key") {
        return {
          rootKey: { id: principal.rootKeyId, permissions: [...principal.permissions] },
          workspace: toPublicWorkspace(workspace),
        };
      }
      const user = await ctx.store.db
        .selectFrom("users")
        .selectAll()
        .where("id", "=", principal.userId)
        .executeTakeFirstOrThrow();
      return {
        user: toPublicUser(user),
        workspace: toPublicWorkspace(workspace),
        role: principal.role,
        csrfToken: principal.csrfToken,
      };
    },
  );
}
