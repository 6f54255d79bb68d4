/**
 * `PATCH /v1/keys/{id}` (edit settings or the enabled flag) and the convenience switches
 * `POST /v1/keys/{id}/enable` and `/disable`.
 */
import type { AppContext } from "../../../app/context.js";
import { updateKeyBody } from "../../../domain/keys/key-inputs.js";
import { keyObjectSchema } from "../../../domain/keys/key-object.js";
import { updateKey } from "../../../domain/keys/update-key.js";
import { idParams } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { callerOf, KEY_TAGS, keyRefusals } from "./key-route-parts.js";

export function updateKeyRoutes(app: ZodApp, ctx: AppContext): void {
  app.patch(
    "/v1/keys/:id",
    {
      config: { auth: "keys:write" },
      schema: {
        tags: KEY_TAGS,
        summary: "Edit a key",
        description:
          "Changes name, scopes, meta, expiresAt, enabled, ipAllowlist, rate limits (`rateLimits`, the whole list, or `rateLimit`, the one named default; not both) or quota. Takes effect on the very next verification. A revoked key cannot be edited (409). Its externalId (identity) is set at creation and never changes: to move access, create a key with the other externalId and revoke this one.",
        params: idParams("key"),
        body: updateKeyBody,
        response: { 200: keyObjectSchema, ...keyRefusals },
      },
    },
    async (request) => updateKey(ctx, callerOf(request), request.params.id, request.body),
  );

  for (const action of ["enable", "disable"] as const) {
    app.post(
      `/v1/keys/:id/${action}`,
      {
        config: { auth: "keys:write" },
        schema: {
          tags: KEY_TAGS,
          summary: action === "enable" ? "Enable a key" : "Disable a key (reversible, at once)",
          params: idParams("key"),
          response: { 200: keyObjectSchema, ...keyRefusals },
        },
      },
      async (request) =>
        updateKey(ctx, callerOf(request), request.params.id, { enabled: action === "enable" }),
    );
  }
}
