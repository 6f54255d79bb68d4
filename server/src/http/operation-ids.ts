/**
 * The stable `operationId` of every operation in /openapi.json (`keys.create`, `keys.verify`, ...),
 * in one table so that a name never changes by accident: SDK methods and third-party generators
 * (openapi-generator, orval, Stainless-style tools) name their methods from them. Every route
 * outside the hidden ones must have an entry: {@link installOperationIds} refuses to start a
 * server with a route it cannot name, and `operation-ids.test.ts` checks the published document.
 */
import type { FastifyInstance, RouteOptions } from "fastify";

/** `"METHOD /path"` (Fastify's path syntax, `:id`) → operationId. */
export const OPERATION_IDS: Readonly<Record<string, string>> = {
  "GET /healthz": "health.live",
  "GET /readyz": "health.ready",

  "POST /v1/keys": "keys.create",
  "GET /v1/keys": "keys.list",
  "GET /v1/keys/:id": "keys.get",
  "PATCH /v1/keys/:id": "keys.update",
  "DELETE /v1/keys/:id": "keys.delete",
  "POST /v1/keys/:id/enable": "keys.enable",
  "POST /v1/keys/:id/disable": "keys.disable",
  "POST /v1/keys/:id/rotate": "keys.rotate",
  "POST /v1/keys/:id/revoke": "keys.revoke",
  "POST /v1/keys/:id/reveal": "keys.reveal",
  "GET /v1/keys/:id/usage": "keys.usage",
  "POST /v1/keys/verify": "keys.verify",
  "POST /v1/keys/import": "keys.import",
  "POST /v1/keys/usage-reports": "keys.reportUsage",

  "GET /v1/events/invalidations": "events.invalidations",

  "POST /v1/identities": "identities.create",
  "GET /v1/identities": "identities.list",
  "GET /v1/identities/:idOrExternalId": "identities.get",
  "PATCH /v1/identities/:idOrExternalId": "identities.update",
  "DELETE /v1/identities/:idOrExternalId": "identities.delete",
  "POST /v1/identities/:idOrExternalId/revoke-keys": "identities.revokeKeys",

  "POST /v1/apps": "apps.create",
  "GET /v1/apps": "apps.list",
  "GET /v1/apps/:id": "apps.get",
  "PATCH /v1/apps/:id": "apps.update",
  "DELETE /v1/apps/:id": "apps.delete",

  "POST /v1/apis": "apis.create",
  "GET /v1/apis": "apis.list",
  "GET /v1/apis/:id": "apis.get",
  "PATCH /v1/apis/:id": "apis.update",
  "DELETE /v1/apis/:id": "apis.delete",

  "POST /v1/auth/login": "auth.login",
  "POST /v1/auth/logout": "auth.logout",
  "GET /v1/auth/me": "auth.me",
  "GET /v1/auth/session": "auth.session",
  "GET /v1/auth/workspaces": "auth.listWorkspaces",
  "POST /v1/auth/workspace": "auth.switchWorkspace",
  "POST /v1/setup": "setup.complete",

  "GET /v1/workspace": "workspace.get",
  "PATCH /v1/workspace": "workspace.update",
  "GET /v1/plans": "plans.list",

  "GET /v1/members": "members.list",
  "POST /v1/members": "members.add",
  "PATCH /v1/members/:userId": "members.update",
  "DELETE /v1/members/:userId": "members.remove",
  "POST /v1/invitations": "invitations.create",
  "GET /v1/invitations": "invitations.list",
  "DELETE /v1/invitations/:id": "invitations.delete",
  "GET /v1/invitations/lookup": "invitations.lookup",
  "POST /v1/invitations/accept": "invitations.accept",

  "POST /v1/root-keys": "rootKeys.create",
  "GET /v1/root-keys": "rootKeys.list",
  "DELETE /v1/root-keys/:id": "rootKeys.delete",

  "GET /v1/audit-events": "auditEvents.list",

  "GET /v1/reports/keys": "reports.keys",

  "POST /v1/secret-scanning/github": "secretScanning.github",

  "POST /v1/portal/sessions": "portal.createSession",
  "GET /v1/portal/session": "portal.getSession",
  "POST /v1/portal/session/end": "portal.endSession",

  "POST /v1/workspaces": "workspaces.create",
  "GET /v1/workspaces": "workspaces.list",
  "GET /v1/workspaces/:id": "workspaces.get",
  "PATCH /v1/workspaces/:id": "workspaces.update",
  "DELETE /v1/workspaces/:id": "workspaces.delete",
  "POST /v1/workspaces/:id/root-keys": "workspaces.createRootKey",
  "POST /v1/workspaces/:id/open": "workspaces.open",

  "POST /v1/webhooks": "webhooks.create",
  "GET /v1/webhooks": "webhooks.list",
  "GET /v1/webhooks/:id": "webhooks.get",
  "PATCH /v1/webhooks/:id": "webhooks.update",
  "DELETE /v1/webhooks/:id": "webhooks.delete",
  "POST /v1/webhooks/:id/rotate-secret": "webhooks.rotateSecret",
  "GET /v1/webhooks/:id/deliveries": "webhooks.listDeliveries",
  "POST /v1/webhooks/:id/test": "webhooks.test",
  "POST /v1/webhooks/deliveries/:id/redeliver": "webhooks.redeliver",
};

/** Thrown at start when a published route has no entry in {@link OPERATION_IDS}. */
export class MissingOperationIdError extends Error {
  constructor(route: string) {
    super(`no operationId for ${route}: add it to server/src/http/operation-ids.ts`);
    this.name = "MissingOperationIdError";
  }
}

function isHidden(route: RouteOptions): boolean {
  const schema = route.schema as { hide?: boolean } | undefined;
  return schema?.hide === true;
}

/**
 * Gives every route registered after this call its operationId. Fastify adds a HEAD route beside
 * each GET by itself; those are not in the document and need none.
 */
export function installOperationIds(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    if (isHidden(route) || route.url.startsWith("/docs")) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      const name = `${method} ${route.url}`;
      const operationId = OPERATION_IDS[name];
      if (operationId === undefined) throw new MissingOperationIdError(name);
      route.schema = { ...route.schema, operationId };
    }
  });
}
