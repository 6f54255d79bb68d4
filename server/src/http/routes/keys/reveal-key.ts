/** `POST /v1/keys/{id}/reveal`: the secret of a recoverable key, to admins and owners, audited. */
import type { AppContext } from "../../../app/context.js";
import { revealedKeySchema, revealKey } from "../../../domain/keys/reveal-key.js";
import { idParams } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { callerOf, KEY_TAGS, keyRefusals } from "./key-route-parts.js";

export function revealKeyRoute(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/keys/:id/reveal",
    {
      config: { auth: "keys:write" },
      schema: {
        tags: KEY_TAGS,
        summary: "Reveal the secret of a recoverable key",
        description:
          "For keys made or rotated while the workspace had `recoverableKeys` on (the key object's `recoverable`). Admins and owners only (root keys: `*`); audited as `key.revealed`. 409 for a key made while the setting was off, and for a revoked key. The answer is never cached.",
        params: idParams("key"),
        response: { 200: revealedKeySchema, ...keyRefusals },
      },
    },
    async (request, reply) => {
      const revealed = await revealKey(ctx, callerOf(request), request.params.id);
      return reply.header("cache-control", "no-store").send(revealed);
    },
  );
}
