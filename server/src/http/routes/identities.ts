/**
 * Identities (platform mode): `POST/GET /v1/identities`, `GET/PATCH/DELETE
 * /v1/identities/{idOrExternalId}`, `POST /v1/identities/{idOrExternalId}/revoke-keys`. An
 * identity is addressed by its id (`idn_…`) or by the platform's externalId (URL-encoded).
 */
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { createIdentity } from "../../domain/identities/create-identity.js";
import { deleteIdentity } from "../../domain/identities/delete-identity.js";
import {
  createIdentityBody,
  deleteIdentityQuery,
  identityObjectSchema,
  listIdentitiesQuery,
  revokedKeysSchema,
  revokeIdentityKeysBody,
  updateIdentityBody,
} from "../../domain/identities/identity-object.js";
import { getIdentity, listIdentities } from "../../domain/identities/list-identities.js";
import { revokeIdentityKeys } from "../../domain/identities/revoke-identity-keys.js";
import { updateIdentity } from "../../domain/identities/update-identity.js";
import { pageOf } from "../../domain/paging.js";
import { principalOf } from "../auth/authenticate.js";
import type { ZodApp } from "../zod-app.js";
import { callerOf, keyRefusals } from "./keys/key-route-parts.js";

const TAGS = ["identities"];

const identityParams = z.strictObject({
  idOrExternalId: z
    .string()
    .min(1)
    .max(200, "must be at most 200 characters")
    .describe("The identity's id (idn_…) or its externalId"),
});

export function identityRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/identities",
    {
      config: { auth: "keys:write" },
      schema: {
        tags: TAGS,
        summary: "Create an identity",
        description:
          "An end user or customer of the workspace, by the platform's externalId, with meta returned on every valid verification of its keys and rate limits shared by all its keys (plans with usage limits). Creating a key with a new externalId creates its identity too. An externalId already taken is 409.",
        body: createIdentityBody,
        response: { 201: identityObjectSchema, ...keyRefusals },
      },
    },
    async (request, reply) => {
      const identity = await createIdentity(ctx, callerOf(request), request.body);
      return reply.code(201).send(identity);
    },
  );

  app.get(
    "/v1/identities",
    {
      config: { auth: "keys:read" },
      schema: {
        tags: TAGS,
        summary: "List identities",
        description:
          "Newest first, cursor-paged, each with its key count. `search` matches part of the externalId (case-insensitive) or an identity id.",
        querystring: listIdentitiesQuery,
        response: { 200: pageOf(identityObjectSchema), ...keyRefusals },
      },
    },
    async (request) => listIdentities(ctx.store.db, principalOf(request).workspaceId, request.query),
  );

  app.get(
    "/v1/identities/:idOrExternalId",
    {
      config: { auth: "keys:read" },
      schema: {
        tags: TAGS,
        summary: "Get an identity",
        params: identityParams,
        response: { 200: identityObjectSchema, ...keyRefusals },
      },
    },
    async (request) =>
      getIdentity(ctx.store.db, principalOf(request).workspaceId, request.params.idOrExternalId),
  );

  app.patch(
    "/v1/identities/:idOrExternalId",
    {
      config: { auth: "keys:write" },
      schema: {
        tags: TAGS,
        summary: "Edit an identity",
        description:
          "Changes meta or rateLimits (the whole list; [] removes them). Takes effect on the very next verification of every key of the identity.",
        params: identityParams,
        body: updateIdentityBody,
        response: { 200: identityObjectSchema, ...keyRefusals },
      },
    },
    async (request) => updateIdentity(ctx, callerOf(request), request.params.idOrExternalId, request.body),
  );

  app.delete(
    "/v1/identities/:idOrExternalId",
    {
      config: { auth: "keys:write" },
      schema: {
        tags: TAGS,
        summary: "Delete an identity",
        description:
          "Refused (409) while it has keys that are not revoked, unless `?revokeKeys=true` revokes them in the same change (each audited key.revoked). Its revoked and deleted keys are unlinked (identityId null) and keep their externalId.",
        params: identityParams,
        querystring: deleteIdentityQuery,
        response: { 204: z.null().describe("Deleted"), ...keyRefusals },
      },
    },
    async (request, reply) => {
      await deleteIdentity(ctx, callerOf(request), request.params.idOrExternalId, request.query);
      return reply.code(204).send(null);
    },
  );

  app.post(
    "/v1/identities/:idOrExternalId/revoke-keys",
    {
      config: { auth: "keys:write" },
      schema: {
        tags: TAGS,
        summary: "Revoke every key of an identity",
        description:
          "Revokes, in one change, every key of the identity that is not revoked yet; each is audited key.revoked (details name the identity) and verifies REVOKED from the very next request.",
        params: identityParams,
        body: revokeIdentityKeysBody,
        response: { 200: revokedKeysSchema, ...keyRefusals },
      },
    },
    async (request) =>
      revokeIdentityKeys(ctx, callerOf(request), request.params.idOrExternalId, request.body),
  );
}
