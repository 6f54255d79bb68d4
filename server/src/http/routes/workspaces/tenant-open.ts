/**
 * `POST /v1/workspaces/{id}/open`: an operator's owner or admin, signed in, enters a tenant's key
 * screens as an admin through a one-time portal link (audited in both trails). Not for root keys.
 */
import { z } from "zod";
import type { AppContext } from "../../../app/context.js";
import { isoDateTime } from "../../../domain/fields.js";
import { openTenant } from "../../../domain/workspaces/open-tenant.js";
import { idParams } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { callerOf } from "../keys/key-route-parts.js";
import { TENANT_TAGS, tenantRefusals } from "./tenant-schemas.js";

const openedSchema = z.object({
  url: z.string().describe("The one-time link into the tenant's portal; open it within 60 seconds, once"),
  expiresAt: isoDateTime,
});

export function tenantOpenRoute(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/workspaces/:id/open",
    {
      config: { auth: "workspaces:write" },
      schema: {
        tags: TENANT_TAGS,
        summary: "Open a tenant's key screens as an admin",
        description:
          "For the operator's owners and admins signed in to the dashboard (root keys are refused: they use POST /v1/portal/sessions). Answers a one-time portal link (60 s) into the tenant as `admin` with every feature; audited `workspace.opened` in the tenant's trail and the operator's. A suspended tenant is 409.",
        params: idParams("workspace"),
        response: { 201: openedSchema, ...tenantRefusals },
      },
    },
    async (request, reply) => {
      const link = await openTenant(
        { store: ctx.store, clock: ctx.clock, publicUrl: ctx.config.publicUrl },
        callerOf(request),
        request.params.id,
      );
      return reply.code(201).send({ url: link.url, expiresAt: link.expiresAt.toISOString() });
    },
  );
}
