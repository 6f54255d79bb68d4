/** `POST /v1/keys`: create a token or a pair; the secret is in this response only. */
import type { AppContext } from "../../../app/context.js";
import { createKey } from "../../../domain/keys/create-key.js";
import { createKeyBody } from "../../../domain/keys/key-inputs.js";
import { issuedKeySchema } from "../../../domain/keys/key-object.js";
import type { ZodApp } from "../../zod-app.js";
import { callerOf, KEY_TAGS, keyRefusals } from "./key-route-parts.js";

export function createKeyRoute(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/keys",
    {
      config: { auth: "keys:write" },
      schema: {
        tags: KEY_TAGS,
        summary: "Create a key",
        description:
          "Creates a token (`key`) or a pair (`sharedKey` + `secretKey`). The secret is shown in this response only; store it now. With `externalId` the key joins that identity (end user or customer), which is created when the workspace has none yet.",
        body: createKeyBody,
        response: { 201: issuedKeySchema, ...keyRefusals },
      },
    },
    async (request, reply) => {
      const key = await createKey(ctx, callerOf(request), request.body);
      return reply.code(201).send(key);
    },
  );
}
