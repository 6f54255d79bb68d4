/** `POST /v1/keys/{id}/rotate`: a new secret for the same key; the old one works for the grace period. */
import type { AppContext } from "../../../app/context.js";
import { rotateKeyBody } from "../../../domain/keys/key-inputs.js";
import { issuedKeySchema } from "../../../domain/keys/key-object.js";
import { rotateKey } from "../../../domain/keys/rotate-key.js";
import { idParams } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { callerOf, KEY_TAGS, keyRefusals } from "./key-route-parts.js";

export function rotateKeyRoute(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/keys/:id/rotate",
    {
      config: { auth: "keys:write" },
      schema: {
        tags: KEY_TAGS,
        summary: "Rotate a key",
        description:
          "Issues a new secret for the same key id and settings, shown in this response only. The old secret keeps working for `gracePeriodSeconds` (0 = ends at once).",
        params: idParams("key"),
        body: rotateKeyBody,
        response: { 200: issuedKeySchema, ...keyRefusals },
      },
    },
    async (request) => rotateKey(ctx, callerOf(request), request.params.id, request.body),
  );
}
