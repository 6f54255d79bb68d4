/**
 * Tenants (platform mode): `POST/GET /v1/workspaces`, `GET/PATCH/DELETE /v1/workspaces/{id}`.
 * For the operator only: its root keys with `workspaces:read` / `workspaces:write`, or its owners
 * and admins in the dashboard; anyone else is refused 403, a tenant's `*` root key included. The
 * operator's own workspace and deleted tenants are 404 here.
 */
import { z } from "zod";
import type { AppContext } from "../../../app/context.js";
import { pageOf } from "../../../domain/paging.js";
import { createTenant } from "../../../domain/workspaces/create-tenant.js";
import { deleteTenant } from "../../../domain/workspaces/delete-tenant.js";
import { findTenant, listTenants } from "../../../domain/workspaces/find-tenants.js";
import { toPublicTenant } from "../../../domain/workspaces/tenant-object.js";
import { updateTenant } from "../../../domain/workspaces/update-tenant.js";
import { idParams } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { callerOf } from "../keys/key-route-parts.js";
import { tenantOpenRoute } from "./tenant-open.js";
import { tenantRootKeyRoute } from "./tenant-root-keys.js";
import {
  createTenantBody,
  listTenantsQuery,
  TENANT_TAGS,
  tenantRefusals,
  tenantSchema,
  updateTenantBody,
} from "./tenant-schemas.js";

export function tenantRoutes(app: ZodApp, ctx: AppContext): void {
  app.post(
    "/v1/workspaces",
    {
      config: { auth: "workspaces:write" },
      schema: {
        tags: TENANT_TAGS,
        summary: "Create a tenant",
        description:
          "A workspace for one of the platform's customers, by its `externalId` (409 when taken). Audited `workspace.created` in the tenant's trail and the operator's.",
        body: createTenantBody,
        response: { 201: tenantSchema, ...tenantRefusals },
      },
    },
    async (request, reply) => reply.code(201).send(await createTenant(ctx, callerOf(request), request.body)),
  );

  app.get(
    "/v1/workspaces",
    {
      config: { auth: "workspaces:read" },
      schema: {
        tags: TENANT_TAGS,
        summary: "List tenants",
        description: "Newest first, cursor-paged; never the operator's own workspace or a deleted tenant.",
        querystring: listTenantsQuery,
        response: { 200: pageOf(tenantSchema), ...tenantRefusals },
      },
    },
    async (request) => listTenants(ctx.store.db, request.query),
  );

  app.get(
    "/v1/workspaces/:id",
    {
      config: { auth: "workspaces:read" },
      schema: {
        tags: TENANT_TAGS,
        summary: "Get a tenant",
        params: idParams("workspace"),
        response: { 200: tenantSchema, ...tenantRefusals },
      },
    },
    async (request) => toPublicTenant(await findTenant(ctx.store.db, request.params.id)),
  );

  app.patch(
    "/v1/workspaces/:id",
    {
      config: { auth: "workspaces:write" },
      schema: {
        tags: TENANT_TAGS,
        summary: "Change a tenant's name, customer id, plan, suspension or branding",
        description:
          "A change of plan or suspension holds from the very next request (verification and key creation). Audited in the tenant's trail and the operator's: `workspace.updated`, `workspace.plan_changed` (source `api`), `workspace.suspended`, `workspace.resumed`.",
        params: idParams("workspace"),
        body: updateTenantBody,
        response: { 200: tenantSchema, ...tenantRefusals },
      },
    },
    async (request) => updateTenant(ctx, callerOf(request), request.params.id, request.body),
  );

  app.delete(
    "/v1/workspaces/:id",
    {
      config: { auth: "workspaces:write" },
      schema: {
        tags: TENANT_TAGS,
        summary: "Delete a tenant",
        description:
          "Soft: the tenant is gone from every list (404), its keys verify as WORKSPACE_SUSPENDED and its root keys, sessions and portal sessions stop working at once; its members lose their membership, its pending invitations are revoked, and its `externalId` is free again.",
        params: idParams("workspace"),
        response: { 204: z.null().describe("Deleted"), ...tenantRefusals },
      },
    },
    async (request, reply) => {
      await deleteTenant(ctx, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  tenantRootKeyRoute(app, ctx);
  tenantOpenRoute(app, ctx);
}
