/**
 * The one-time setup link: `GET /setup?token=...` serves the sign-up page, `POST /v1/setup`
 * creates the first owner with the token and signs them in.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { completeSetup } from "../../domain/auth/complete-setup.js";
import { nameSchema } from "../../domain/fields.js";
import { emailSchema, newPasswordSchema, signedInSchema, toSignedInBody } from "../account-schemas.js";
import { setSessionCookie } from "../auth/session-cookie.js";
import { SETUP_PAGE_CSP, SETUP_PAGE_HTML } from "../pages/setup-page.js";
import { errorResponse } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";

const setupBody = z.strictObject({
  token: z.string().min(1, "required").max(200).describe("The token of the setup link"),
  email: emailSchema,
  name: nameSchema,
  password: newPasswordSchema,
});

export function setupRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/setup",
    {
      config: { auth: "public" },
      schema: { tags: ["setup"], summary: "The setup link's sign-up page (HTML)", hide: true },
    },
    async (_request, reply) => {
      reply
        .type("text/html; charset=utf-8")
        .header("content-security-policy", SETUP_PAGE_CSP)
        .header("referrer-policy", "no-referrer")
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .header("x-frame-options", "DENY");
      return reply.send(SETUP_PAGE_HTML);
    },
  );

  app.post(
    "/v1/setup",
    {
      config: { auth: "public" },
      schema: {
        tags: ["setup"],
        summary: "Create the first owner with the one-time setup link, and sign in",
        description:
          "A used, unknown or expired token answers 400. An email that already has an account must come with that account's password.",
        security: [],
        body: setupBody,
        response: { 201: signedInSchema, 400: errorResponse, 409: errorResponse },
      },
    },
    async (request, reply) => {
      const session = await completeSetup(ctx.store.db, ctx.clock, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers["user-agent"] ?? null,
      });
      setSessionCookie(reply, ctx.config, session.token);
      return reply.code(201).send(toSignedInBody(session));
    },
  );
}
