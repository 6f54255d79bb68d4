/** `DELETE /v1/keys/{id}`: gone from lists and verification; the audit trail keeps what happened. */
import { z } from "zod";
import type { AppContext } from "../../../app/context.js";
import { deleteKey } from "../../../domain/keys/delete-key.js";
import { idParams } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { callerOf, KEY_TAGS, keyRefusals } from "./key-route-parts.js";

export function deleteKeyRoute(app: ZodApp, ctx: AppContext): void {
  app.delete(
    "/v1/keys/:id",
    {
      config: { auth: "keys:write" },
      schema: {
        tags: KEY_TAGS,
        summary: "Delete a key",
        params: idParams("key"),
        response: { 204: z.null().describe("Deleted"), ...keyRefusals },
      },
    },
    async (request, reply) => {
      await deleteKey(ctx, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
