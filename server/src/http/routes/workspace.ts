/**
 * The caller's workspace: `GET /v1/workspace` and `PATCH /v1/workspace` (name, default key prefix,
 * key policy). The plan is not changeable here; the operator sets it with the CLI.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { nameSchema } from "../../domain/fields.js";
import { PREFIX_PATTERN } from "../../domain/key-format.js";
import { actorOf } from "../../domain/principal.js";
import { updateWorkspace } from "../../domain/workspaces/update-workspace.js";
import { getWorkspace, toPublicWorkspace } from "../../domain/workspaces/workspaces.js";
import { publicWorkspaceSchema } from "../account-schemas.js";
import { principalOf } from "../auth/authenticate.js";
import { errorResponse } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";

/** The largest lifetime the store holds (a PostgreSQL integer, about 68 years). */
const MAX_LIFETIME_SECONDS = 2_147_483_647;

const updateBody = z.strictObject({
  name: nameSchema.optional(),
  keyPrefix: z
    .string()
    .regex(PREFIX_PATTERN, "must be 2-16 lowercase letters or digits, with at most one _ inside")
    .optional()
    .describe("The default prefix of new keys (`acme`, `acme_live`); existing keys keep theirs"),
  policy: z
    .strictObject({
      maxKeyLifetimeSeconds: z
        .number()
        .int("must be a whole number")
        .positive("must be greater than 0")
        .max(MAX_LIFETIME_SECONDS, `must be at most ${MAX_LIFETIME_SECONDS}`)
        .nullable()
        .optional()
        .describe("The longest a new key may live; null for no limit"),
      expiryRequired: z.boolean().optional().describe("Whether every new key must have an expiry"),
    })
    .optional(),
});

const responses = { 200: publicWorkspaceSchema, 401: errorResponse, 403: errorResponse };

export function workspaceRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/v1/workspace",
    {
      config: { auth: "workspace:read" },
      schema: {
        tags: ["workspace"],
        summary: "The caller's workspace, its plan and policy",
        response: responses,
      },
    },
    async (request) => {
      return toPublicWorkspace(await getWorkspace(ctx.store.db, principalOf(request).workspaceId));
    },
  );

  app.patch(
    "/v1/workspace",
    {
      config: { auth: "workspace:write" },
      schema: {
        tags: ["workspace"],
        summary: "Change the workspace's name, default key prefix or key policy",
        body: updateBody,
        response: { ...responses, 400: errorResponse },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const updated = await updateWorkspace(ctx.store.db, {
        workspaceId: principal.workspaceId,
        changes: request.body,
        actor: actorOf(principal, request.ip),
        at: ctx.clock.now(),
      });
      return toPublicWorkspace(updated);
    },
  );
}
