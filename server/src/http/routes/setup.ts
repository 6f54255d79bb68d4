/**
 * The one-time setup link: the dashboard's `/setup?token=...` screen (served by the dashboard's
 * fallback) posts to `POST /v1/setup`, which creates the first owner with the token and signs
 * them in.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { completeSetup } from "../../domain/auth/complete-setup.js";
import { nameSchema } from "../../domain/fields.js";
import { emailSchema, newPasswordSchema, signedInSchema, toSignedInBody } from "../account-schemas.js";
import { setSessionCookie } from "../auth/session-cookie.js";
import { errorResponse } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";

const setupBody = z.strictObject({
  token: z.string().min(1, "required").max(200).describe("The token of the setup link"),
  email: emailSchema,
  name: nameSchema,
  password: newPasswordSchema,
});

export function setupRoutes(app: ZodApp, ctx: AppContext): void {
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
