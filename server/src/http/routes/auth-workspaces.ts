/**
 * The signed-in person's workspaces: `GET /v1/auth/workspaces` lists them with the person's role
 * in each and names the session's current one; `POST /v1/auth/workspace` moves the session to
 * another of them. Sessions only: a root key belongs to one workspace.
 */
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { switchWorkspace } from "../../domain/auth/switch-workspace.js";
import { listUserWorkspaces } from "../../domain/auth/user-workspaces.js";
import type { Principal } from "../../domain/principal.js";
import { toPublicUser } from "../../domain/users/users.js";
import { toPublicWorkspace } from "../../domain/workspaces/workspaces.js";
import { forbidden } from "../../errors.js";
import { publicWorkspaceSchema, roleSchema, signedInSchema } from "../account-schemas.js";
import { principalOf } from "../auth/authenticate.js";
import { errorResponse, idParam } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";

const userWorkspacesSchema = z.object({
  data: z
    .array(z.object({ workspace: publicWorkspaceSchema, role: roleSchema }))
    .describe("Every workspace the person belongs to, oldest membership first"),
  currentWorkspaceId: z.string().describe("The session's current workspace"),
});

const switchBody = z.strictObject({
  workspaceId: idParam("workspace").describe("A workspace the signed-in person belongs to"),
});

type UserPrincipal = Extract<Principal, { type: "user" }>;

/** The signed-in person calling, or `FORBIDDEN` for a root key. */
function sessionOf(request: FastifyRequest, refusal: string): UserPrincipal {
  const principal = principalOf(request);
  if (principal.type === "portal") throw forbidden("a portal session has no Keygate account");
  if (principal.type !== "user") throw forbidden(refusal);
  return principal;
}

export function authWorkspaceRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/v1/auth/workspaces",
    {
      config: { auth: "any" },
      schema: {
        tags: ["auth"],
        summary: "The signed-in person's workspaces, their role in each, and the current one",
        description: "For a session only; a root key gets 403.",
        response: { 200: userWorkspacesSchema, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => {
      const session = sessionOf(request, "a root key belongs to one workspace; sign in to list yours");
      const workspaces = await listUserWorkspaces(ctx.store.db, session.userId);
      return {
        data: workspaces.map(({ workspace, role }) => ({ workspace: toPublicWorkspace(workspace), role })),
        currentWorkspaceId: session.workspaceId,
      };
    },
  );

  app.post(
    "/v1/auth/workspace",
    {
      config: { auth: "any" },
      schema: {
        tags: ["auth"],
        summary: "Switch the session to another of the person's workspaces",
        description:
          "Answers as sign-in does, with the role in the workspace entered; the cookie and CSRF token stay. " +
          "A workspace the person does not belong to is 404, whether or not it exists. Audited as `user.workspace_switched`.",
        body: switchBody,
        response: {
          200: signedInSchema,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      const session = sessionOf(request, "a root key belongs to one workspace; sign in to switch");
      const switched = await switchWorkspace(ctx.store.db, {
        sessionHash: session.sessionHash,
        userId: session.userId,
        fromWorkspaceId: session.workspaceId,
        workspaceId: request.body.workspaceId,
        ip: request.ip,
        at: ctx.clock.now(),
      });
      return {
        user: toPublicUser(switched.user),
        workspace: toPublicWorkspace(switched.workspace),
        role: switched.role,
        csrfToken: session.csrfToken,
      };
    },
  );
}
