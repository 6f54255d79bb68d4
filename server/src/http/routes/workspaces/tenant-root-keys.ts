/**
 * `POST /v1/workspaces/{id}/root-keys`: the operator mints a root key of a tenant, for automation
 * inside that one tenant (the secret shown once). Operator permissions are refused (400).
 */
import type { AppContext } from "../../../app/context.js";
import { createTenantRootKey } from "../../../domain/root-keys/tenant-root-keys.js";
import { idParams } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { callerOf } from "../keys/key-route-parts.js";
import { createdRootKeySchema, createRootKeyBody } from "../root-keys.js";
import { TENANT_TAGS, tenantRefusals } from "./tenant-schemas.js";

export function tenantRootKeyRoute(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/workspaces/:id/root-keys",
    {
      config: { auth: "workspaces:write" },
      schema: {
        tags: TENANT_TAGS,
        summary: "Create a root key of a tenant",
        description:
          "A root key that belongs to the tenant and works only there; `key` is shown once. It cannot hold an operator permission (400), and the caller may only grant what it holds itself (403).",
        params: idParams("workspace"),
        body: createRootKeyBody,
        response: { 201: createdRootKeySchema, ...tenantRefusals },
      },
    },
    async (request, reply) => {
      const { rootKey, key } = await createTenantRootKey(
        ctx,
        callerOf(request),
        request.params.id,
        request.body,
      );
      return reply.code(201).send({ ...rootKey, key });
    },
  );
}
