/**
 * Root keys: create (the secret is shown once), list (never a secret or hash) and delete (the key
 * stops working at once on every node). A caller may only grant permissions it holds itself.
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { nameSchema } from "../../domain/fields.js";
import { actorOf, PERMISSIONS } from "../../domain/principal.js";
import { requireCanGrant, requireHoldableByWorkspace } from "../../domain/root-keys/grants.js";
import { createRootKey, deleteRootKey, listRootKeys } from "../../domain/root-keys/root-keys.js";
import { notFound } from "../../errors.js";
import { principalOf } from "../auth/authenticate.js";
import { errorResponse, idParams } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";

export const MAX_ROOT_KEY_PERMISSIONS = 20;

const grantSchema = z
  .enum(["*", ...PERMISSIONS])
  .describe("A permission, or `*` for every permission (now and later)");

export const createRootKeyBody = z.strictObject({
  name: nameSchema.describe("What the key is for, such as `ci-deploy`"),
  permissions: z
    .array(grantSchema)
    .min(1, "must hold at least one permission")
    .max(MAX_ROOT_KEY_PERMISSIONS, `must hold at most ${MAX_ROOT_KEY_PERMISSIONS} permissions`)
    .refine((grants) => new Set(grants).size === grants.length, "must not repeat a permission"),
});

const rootKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  start: z.string().describe("The first characters of the key, to recognise it without exposing it"),
  permissions: z.array(grantSchema),
  createdAt: z.string(),
  createdBy: z.string().nullable().describe("The user or root key that created it; null for the system"),
  lastUsedAt: z.string().nullable(),
});

export const createdRootKeySchema = rootKeySchema.extend({
  key: z.string().describe("The secret: shown only in this response, never again"),
});

export function rootKeyRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/root-keys",
    {
      config: { auth: "root_keys:write" },
      schema: {
        tags: ["root keys"],
        summary: "Create a root key",
        description:
          "Returns the secret `key` once. The caller may only grant permissions it holds itself (`*` needs every permission). Operator permissions (`workspaces:read`, `workspaces:write`, `keys:verify:any`, `portal:write`) are refused (400) in a tenant's workspace.",
        body: createRootKeyBody,
        response: {
          201: createdRootKeySchema,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      requireHoldableByWorkspace(principal.type !== "portal" && principal.operator, request.body.permissions);
      requireCanGrant(principal, request.body.permissions);
      const { rootKey, key } = await createRootKey(ctx.store.db, {
        workspaceId: principal.workspaceId,
        name: request.body.name,
        permissions: request.body.permissions,
        actor: actorOf(principal, request.ip),
        at: ctx.clock.now(),
      });
      return reply.code(201).send({ ...rootKey, key });
    },
  );

  app.get(
    "/v1/root-keys",
    {
      config: { auth: "root_keys:read" },
      schema: {
        tags: ["root keys"],
        summary: "List the workspace's root keys",
        description: "Newest first. Never includes a secret or its hash.",
        response: { 200: z.object({ data: z.array(rootKeySchema) }), 401: errorResponse, 403: errorResponse },
      },
    },
    async (request) => ({ data: await listRootKeys(ctx.store.db, principalOf(request).workspaceId) }),
  );

  app.delete(
    "/v1/root-keys/:id",
    {
      config: { auth: "root_keys:write" },
      schema: {
        tags: ["root keys"],
        summary: "Delete a root key",
        description: "The key stops working at once, on every node, before this call returns.",
        params: idParams("key"),
        response: {
          204: z.null().describe("Deleted"),
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const secretHash = await deleteRootKey(ctx.store.db, {
        workspaceId: principal.workspaceId,
        id: request.params.id,
        actor: actorOf(principal, request.ip),
        at: ctx.clock.now(),
      });
      if (secretHash === undefined) throw notFound("root key");
      await ctx.invalidation.publish({ kind: "root_key", hashes: [secretHash] });
      return reply.code(204).send(null);
    },
  );
}
