/**
 * "Open as" (platform mode): one of the operator's owners or admins enters a tenant's key screens
 * through the portal, as an admin of that tenant with every feature, by a one-time link (60 s).
 * The portal names them `portal:<their user id>` with their email; the opening itself is audited
 * `workspace.opened` in the tenant's trail and the operator's, in one transaction with the link.
 * Only people in the dashboard open tenants: a root key asks for a portal session instead.
 */
import { forbidden } from "../../errors.js";
import { createPortalLink, PORTAL_FEATURES, type PortalLink } from "../portal/portal-links.js";
import { actorOf } from "../principal.js";
import { findTenant } from "./find-tenants.js";
import { recordTenantAudit } from "./tenant-audit.js";
import type { OperatorCaller, TenantDeps } from "./tenant-deps.js";

export async function openTenant(
  deps: Pick<TenantDeps, "store" | "clock"> & { publicUrl: string },
  caller: OperatorCaller,
  tenantId: string,
): Promise<PortalLink> {
  const { principal } = caller;
  if (principal.type !== "user") {
    throw forbidden(
      "opening a tenant is for the operator's people in the dashboard; a root key asks for POST /v1/portal/sessions",
    );
  }
  const at = deps.clock.now();
  return deps.store.db.transaction().execute(async (trx) => {
    const tenant = await findTenant(trx, tenantId);
    const user = await trx
      .selectFrom("users")
      .select(["id", "email", "name"])
      .where("id", "=", principal.userId)
      .executeTakeFirstOrThrow();
    const link = await createPortalLink(
      { db: trx, publicUrl: deps.publicUrl },
      {
        workspaceId: tenant.id,
        user: { externalId: user.id, email: user.email, name: user.name },
        role: "admin",
        features: PORTAL_FEATURES,
        // Back to the operator's Workspaces screen.
        returnUrl: `${deps.publicUrl}/workspaces`,
        createdBy: user.id,
        at,
      },
    );
    await recordTenantAudit(trx, {
      operatorId: principal.workspaceId,
      tenant,
      actor: actorOf(principal, caller.ip),
      action: "workspace.opened",
      details: {
        as: "admin",
        features: [...PORTAL_FEATURES],
        portalActor: `portal:${user.id}`,
        email: user.email,
        expiresAt: link.expiresAt.toISOString(),
      },
      at,
    });
    return link;
  });
}
