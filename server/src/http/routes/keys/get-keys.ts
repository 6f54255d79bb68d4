/** `GET /v1/keys` (list, search, filters, paging) and `GET /v1/keys/{id}`. */
import type { AppContext } from "../../../app/context.js";
import { keyObjectSchema } from "../../../domain/keys/key-object.js";
import { getKey, listKeys, listKeysQuery } from "../../../domain/keys/list-keys.js";
import { pageOf } from "../../../domain/paging.js";
import { principalOf } from "../../auth/authenticate.js";
import { idParams } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { KEY_TAGS, keyRefusals } from "./key-route-parts.js";

export function getKeysRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/v1/keys",
    {
      config: { auth: "keys:read" },
      schema: {
        tags: KEY_TAGS,
        summary: "List keys",
        description:
          "Newest first, cursor-paged. `search` matches part of the name, the start of a key, a Shared Key, a key id, or a whole pasted key; `appId`, `environment`, `status` and `externalId` (the keys of one end user or customer) filter.",
        querystring: listKeysQuery,
        response: { 200: pageOf(keyObjectSchema), ...keyRefusals },
      },
    },
    async (request) =>
      listKeys(ctx.store.db, principalOf(request).workspaceId, request.query, ctx.clock.now()),
  );

  app.get(
    "/v1/keys/:id",
    {
      config: { auth: "keys:read" },
      schema: {
        tags: KEY_TAGS,
        summary: "Get a key",
        params: idParams("key"),
        response: { 200: keyObjectSchema, ...keyRefusals },
      },
    },
    async (request) =>
      getKey(ctx.store.db, principalOf(request).workspaceId, request.params.id, ctx.clock.now()),
  );
}
