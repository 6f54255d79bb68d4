/** `POST /v1/keys/{id}/revoke`: final; the key stays listed as revoked. */
import type { AppContext } from "../../../app/context.js";
import { revokeKeyBody } from "../../../domain/keys/key-inputs.js";
import { keyObjectSchema } from "../../../domain/keys/key-object.js";
import { revokeKey } from "../../../domain/keys/revoke-key.js";
import { idParams } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { callerOf, KEY_TAGS, keyRefusals } from "./key-route-parts.js";

export function revokeKeyRoute(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/keys/:id/revoke",
    {
      config: { auth: "keys:write" },
      schema: {
        tags: KEY_TAGS,
        summary: "Revoke a key for good",
        description:
          "Verification answers REVOKED from now on; the key cannot be enabled, edited or rotated.",
        params: idParams("key"),
        body: revokeKeyBody,
        response: { 200: keyObjectSchema, ...keyRefusals },
      },
    },
    async (request) => revokeKey(ctx, callerOf(request), request.params.id, request.body),
  );
}
