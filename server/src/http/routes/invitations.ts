/**
 * Invitations: owners and admins (`members:write`) invite a person by email with a role and get a
 * one-use link (7 days), shown once; they list the pending ones and revoke them. The link's page
 * is public: `GET /v1/invitations/lookup` says what the link is for, `POST /v1/invitations/accept`
 * joins (making the account, or checking its password under the sign-in throttle) and signs in.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { SESSION_COOKIE } from "../../domain/auth/sessions.js";
import { isoDateTime, nameSchema } from "../../domain/fields.js";
import { acceptInvitation } from "../../domain/invitations/accept-invitation.js";
import { createInvitation } from "../../domain/invitations/create-invitation.js";
import { listPendingInvitations } from "../../domain/invitations/invitations.js";
import { lookupInvitation } from "../../domain/invitations/lookup-invitation.js";
import { revokeInvitation } from "../../domain/invitations/revoke-invitation.js";
import { MAX_PASSWORD_LENGTH } from "../../domain/users/passwords.js";
import { emailSchema, roleSchema, signedInSchema, toSignedInBody } from "../account-schemas.js";
import { principalOf } from "../auth/authenticate.js";
import { setSessionCookie } from "../auth/session-cookie.js";
import { errorResponse, idParams } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";

const invitationSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    role: roleSchema,
    expiresAt: isoDateTime,
    createdAt: isoDateTime,
    invitedBy: z
      .object({
        type: z.enum(["user", "root_key"]),
        id: z.string(),
        name: z.string().nullable().describe("The member's or root key's name; null once it is gone"),
      })
      .describe("Who invited"),
  })
  .describe("A pending invitation (never its token)");

const createdSchema = invitationSchema
  .extend({
    url: z.string().describe("The link to hand to the person: shown only in this response"),
  })
  .describe("The new invitation and its one-use link");

const createBody = z.strictObject({ email: emailSchema, role: roleSchema });

const tokenSchema = z.string().min(1, "required").max(200).describe("The token of the invitation link");

const lookupQuery = z.strictObject({ token: tokenSchema });

const previewSchema = z
  .object({
    email: z.string(),
    role: roleSchema,
    workspace: z.object({ name: z.string() }),
    accountExists: z
      .boolean()
      .describe("Whether the email has an account: then accept with its password, without a name"),
    expiresAt: isoDateTime,
  })
  .describe("What an invitation link is for");

const acceptBody = z.strictObject({
  token: tokenSchema,
  name: nameSchema.optional().describe("The new account's name; required when the email has no account"),
  password: z
    .string()
    .min(1, "required")
    .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`)
    .describe("A new password (at least 12 characters), or the existing account's password"),
});

const DEAD_LINK = "Unknown, used, revoked and expired links all answer 404 `invitation not found`.";

export function invitationRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/invitations",
    {
      config: { auth: "members:write" },
      schema: {
        tags: ["members"],
        summary: "Invite a person by email with a role; answers the one-use link once",
        description:
          "The link (`url`) works once, for 7 days, and is never shown again; only its SHA-256 is stored. " +
          "Only an owner may invite an owner. 409 when the email is already a member or has a pending invitation; " +
          "402 when members and pending invitations together would pass the plan's member limit. Audited as `invitation.created`.",
        body: createBody,
        response: {
          201: createdSchema,
          400: errorResponse,
          401: errorResponse,
          402: errorResponse,
          403: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { invitation, token } = await createInvitation(ctx.store.db, {
        workspaceId: principal.workspaceId,
        email: request.body.email,
        role: request.body.role,
        principal,
        ip: request.ip,
        at: ctx.clock.now(),
      });
      const url = `${ctx.config.publicUrl}/invite?token=${encodeURIComponent(token)}`;
      return reply.code(201).send({ ...invitation, url });
    },
  );

  app.get(
    "/v1/invitations",
    {
      config: { auth: "members:read" },
      schema: {
        tags: ["members"],
        summary: "The workspace's pending invitations, newest first",
        response: {
          200: z.object({ data: z.array(invitationSchema) }),
          401: errorResponse,
          403: errorResponse,
        },
      },
    },
    async (request) => ({
      data: await listPendingInvitations(ctx.store.db, principalOf(request).workspaceId, ctx.clock.now()),
    }),
  );

  app.delete(
    "/v1/invitations/:id",
    {
      config: { auth: "members:write" },
      schema: {
        tags: ["members"],
        summary: "Revoke an invitation: its link stops working at once",
        description:
          "Only an owner may revoke an invitation to the owner role. 409 for one already accepted (remove the member instead). Audited as `invitation.revoked`.",
        params: idParams("invitation"),
        response: {
          204: z.null().describe("Revoked"),
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
      await revokeInvitation(ctx.store.db, {
        workspaceId: principal.workspaceId,
        id: request.params.id,
        principal,
        ip: request.ip,
        at: ctx.clock.now(),
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/v1/invitations/lookup",
    {
      config: { auth: "public" },
      schema: {
        tags: ["members"],
        summary: "What an invitation link is for: email, role, workspace, whether the account exists",
        description: DEAD_LINK,
        security: [],
        querystring: lookupQuery,
        response: { 200: previewSchema, 400: errorResponse, 404: errorResponse },
      },
    },
    async (request) => lookupInvitation(ctx.store.db, request.query.token, ctx.clock.now()),
  );

  app.post(
    "/v1/invitations/accept",
    {
      config: { auth: "public" },
      schema: {
        tags: ["members"],
        summary: "Accept an invitation: join the workspace with the invited role, and sign in",
        description:
          "An email without an account gives `name` and a new `password` (at least 12 characters); one with an account gives that account's password " +
          "(401 when wrong; throttled as sign-in is, 429 with `retry-after`). Sets the session cookie and answers as sign-in does. " +
          `The link works once: of two concurrent accepts one succeeds, the other gets 404. ${DEAD_LINK} ` +
          "402 when the plan's member limit is reached. Audited as `member.added` and `invitation.accepted`.",
        security: [],
        body: acceptBody,
        response: {
          201: signedInSchema,
          400: errorResponse,
          401: errorResponse,
          402: errorResponse,
          404: errorResponse,
          409: errorResponse,
          429: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const accepted = await acceptInvitation(ctx.store.db, ctx.clock, ctx.loginThrottle, {
        token: request.body.token,
        name: request.body.name,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(reply, ctx.config, accepted.token);
      return reply.code(201).send(toSignedInBody(accepted));
    },
  );
}
