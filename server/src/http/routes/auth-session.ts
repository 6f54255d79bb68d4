/**
 * `GET /v1/auth/session`: whether this browser is signed in, answered 200 either way, so the
 * dashboard can ask on every load without an error for a visitor who is not (its console stays
 * clean; `GET /v1/auth/me` keeps its 401 for API clients).
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { findSession, SESSION_COOKIE } from "../../domain/auth/sessions.js";
import { toPublicUser } from "../../domain/users/users.js";
import { getWorkspace, toPublicWorkspace } from "../../domain/workspaces/workspaces.js";
import { signedInSchema } from "../account-schemas.js";
import type { ZodApp } from "../zod-app.js";

const sessionAnswer = z.object({
  session: signedInSchema.nullable().describe("The signed-in session; null when this browser has none"),
});

export function authSessionRoute(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/v1/auth/session",
    {
      config: { auth: "public" },
      schema: {
        tags: ["auth"],
        summary: "This browser's session, or null: never a 401",
        security: [{ session: [] }],
        response: { 200: sessionAnswer },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const token = request.cookies[SESSION_COOKIE];
      const session = token === undefined ? undefined : await findSession(ctx.store.db, ctx.clock, token);
      if (!session) return { session: null };
      const [user, workspace] = await Promise.all([
        ctx.store.db
          .selectFrom("users")
          .selectAll()
          .where("id", "=", session.userId)
          .executeTakeFirstOrThrow(),
        getWorkspace(ctx.store.db, session.workspaceId),
      ]);
      return {
        session: {
          user: toPublicUser(user),
          workspace: toPublicWorkspace(workspace),
          role: session.role,
          csrfToken: session.csrfToken,
        },
      };
    },
  );
}
