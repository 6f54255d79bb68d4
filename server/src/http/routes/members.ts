/**
 * Workspace members: list, add (within the plan's limit), change a role, remove. Only an owner may
 * grant or change the owner role, and the last owner stays.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { isoDateTime, nameSchema } from "../../domain/fields.js";
import { addWorkspaceMember } from "../../domain/members/add-member.js";
import { changeMemberRole } from "../../domain/members/change-member-role.js";
import { listMembers } from "../../domain/members/members.js";
import { removeMember } from "../../domain/members/remove-member.js";
import { emailSchema, newPasswordSchema, roleSchema } from "../account-schemas.js";
import { principalOf } from "../auth/authenticate.js";
import { errorResponse, idParam } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";

const memberSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    name: z.string(),
    role: roleSchema,
    createdAt: isoDateTime.describe("When they joined the workspace"),
  })
  .describe("A member of the workspace");

const userIdParams = z.strictObject({ userId: idParam("user") });

const addBody = z.strictObject({
  email: emailSchema,
  name: nameSchema.describe("Used when the email has no account yet"),
  role: roleSchema,
  password: newPasswordSchema
    .optional()
    .describe("The new account's password; required only when the email has no account yet"),
});

const changeBody = z.strictObject({ role: roleSchema });

const refusals = { 401: errorResponse, 403: errorResponse };

export function memberRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/v1/members",
    {
      config: { auth: "members:read" },
      schema: {
        tags: ["members"],
        summary: "The workspace's members, oldest first",
        response: { 200: z.object({ data: z.array(memberSchema) }), ...refusals },
      },
    },
    async (request) => ({ data: await listMembers(ctx.store.db, principalOf(request).workspaceId) }),
  );

  app.post(
    "/v1/members",
    {
      config: { auth: "members:write" },
      schema: {
        tags: ["members"],
        summary: "Add a person to the workspace with a role",
        description:
          "Creates the account when the email has none (then `password` is required). Only an owner may add an owner. " +
          "402 when the plan's member limit is reached, 409 when the person is already a member.",
        body: addBody,
        response: {
          201: memberSchema,
          400: errorResponse,
          402: errorResponse,
          409: errorResponse,
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const member = await addWorkspaceMember(ctx.store.db, {
        workspaceId: principal.workspaceId,
        ...request.body,
        principal,
        ip: request.ip,
        at: ctx.clock.now(),
      });
      return reply.code(201).send(member);
    },
  );

  app.patch(
    "/v1/members/:userId",
    {
      config: { auth: "members:write" },
      schema: {
        tags: ["members"],
        summary: "Change a member's role",
        description:
          "Takes effect on the member's next request. Only an owner may grant the owner role or change an owner's role; the last owner cannot be demoted (409).",
        params: userIdParams,
        body: changeBody,
        response: {
          200: memberSchema,
          400: errorResponse,
          404: errorResponse,
          409: errorResponse,
          ...refusals,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return changeMemberRole(ctx.store.db, {
        workspaceId: principal.workspaceId,
        userId: request.params.userId,
        role: request.body.role,
        principal,
        ip: request.ip,
        at: ctx.clock.now(),
      });
    },
  );

  app.delete(
    "/v1/members/:userId",
    {
      config: { auth: "members:write" },
      schema: {
        tags: ["members"],
        summary: "Remove a member and end their sessions in this workspace",
        description: "Only an owner may remove an owner; the last owner can never be removed (409).",
        params: userIdParams,
        response: {
          204: z.null().describe("Removed"),
          400: errorResponse,
          404: errorResponse,
          409: errorResponse,
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      await removeMember(ctx.store.db, {
        workspaceId: principal.workspaceId,
        userId: request.params.userId,
        principal,
        ip: request.ip,
        at: ctx.clock.now(),
      });
      return reply.code(204).send(null);
    },
  );
}
