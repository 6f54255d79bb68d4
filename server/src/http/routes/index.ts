/** Every route of the service, one file per endpoint or small resource. */
import type { AppContext } from "../../app/context.js";
import type { ZodApp } from "../zod-app.js";
import { apiRoutes } from "./apis.js";
import { appRoutes } from "./apps.js";
import { auditEventRoutes } from "./audit-events.js";
import { authRoutes } from "./auth.js";
import { authSessionRoute } from "./auth-session.js";
import { authWorkspaceRoutes } from "./auth-workspaces.js";
import { invalidationEventsRoute } from "./events/invalidations.js";
import { healthRoutes } from "./health.js";
import { identityRoutes } from "./identities.js";
import { invitationRoutes } from "./invitations.js";
import { keyRoutes } from "./keys/key-routes.js";
import { keyUsageRoute } from "./keys/usage.js";
import { usageReportsRoute } from "./keys/usage-reports.js";
import { verifyKeyRoute } from "./keys/verify.js";
import { memberRoutes } from "./members.js";
import { planRoutes } from "./plans.js";
import { portalRoutes } from "./portal.js";
import { rootKeyRoutes } from "./root-keys.js";
import { setupRoutes } from "./setup.js";
import { workspaceRoutes } from "./workspace.js";
import { tenantRoutes } from "./workspaces/tenant-routes.js";

export async function registerRoutes(app: ZodApp, ctx: AppContext): Promise<void> {
  healthRoutes(app, ctx);
  keyRoutes(app, ctx);
  verifyKeyRoute(app, ctx);
  keyUsageRoute(app, ctx);
  usageReportsRoute(app, ctx);
  invalidationEventsRoute(app, ctx);
  identityRoutes(app, ctx);
  appRoutes(app, ctx);
  apiRoutes(app, ctx);
  authRoutes(app, ctx);
  authSessionRoute(app, ctx);
  authWorkspaceRoutes(app, ctx);
  setupRoutes(app, ctx);
  workspaceRoutes(app, ctx);
  memberRoutes(app, ctx);
  invitationRoutes(app, ctx);
  planRoutes(app, ctx);
  rootKeyRoutes(app, ctx);
  auditEventRoutes(app, ctx);
  portalRoutes(app, ctx);
  tenantRoutes(app, ctx);
}
