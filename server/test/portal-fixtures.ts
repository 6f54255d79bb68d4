/**
 * The key portal in a test (platform mode): an operator with a `portal:write` root key, tenants
 * seeded in the store, and portal sessions opened as a browser opens them: a link from
 * `POST /v1/portal/sessions`, then `GET /portal/start`, whose cookie the portal's requests carry
 * with `x-keygate-portal: 1` (and the session's CSRF token on changes).
 */
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import { PORTAL_COOKIE } from "../src/domain/portal/portal-sessions.js";
import { createWorkspace } from "../src/domain/workspaces/workspaces.js";
import type { Plan, PortalFeature, PortalRole, WorkspaceRow } from "../src/store/schema.js";
import { bearer, seedRootKey, type TestService } from "./harness.js";

export interface PortalOperator {
  workspace: WorkspaceRow;
  /** A root key with `*` in the operator's workspace (so it holds portal:write). */
  rootKey: string;
}

/** The operator's workspace; a store holds at most one, so seed it once per test service. */
export async function seedPortalOperator(service: TestService): Promise<PortalOperator> {
  const workspace = await createWorkspace(service.store.db, {
    name: "ShipFast",
    plan: "enterprise",
    keyPrefix: "ship",
    kind: "operator",
    at: service.clock.now(),
  });
  return { workspace, rootKey: await seedRootKey(service, workspace.id, ["*"]) };
}

let counter = 0;

/** A tenant of the operator, straight in the store, with its own `*` root key. */
export async function seedPortalTenant(
  service: TestService,
  options: { plan?: Plan; externalId?: string } = {},
): Promise<{ workspace: WorkspaceRow; externalId: string; rootKey: string }> {
  counter += 1;
  const externalId = options.externalId ?? `cus_portal_${counter}_${Date.now()}`;
  const workspace = await createWorkspace(service.store.db, {
    name: `Customer ${counter}`,
    plan: options.plan ?? "pro",
    keyPrefix: "cust",
    externalId,
    at: service.clock.now(),
  });
  return { workspace, externalId, rootKey: await seedRootKey(service, workspace.id, ["*"]) };
}

export interface PortalLinkRequest {
  workspace: string;
  user?: { externalId: string; email: string; name?: string };
  role?: PortalRole;
  features?: PortalFeature[];
  returnUrl?: string;
}

export const PORTAL_PERSON = { externalId: "u_ada", email: "ada@acme.test", name: "Ada Lovelace" };

/** `POST /v1/portal/sessions` with the operator's key; the raw answer. */
export function requestPortalLink(
  service: TestService,
  operatorKey: string,
  body: PortalLinkRequest,
): Promise<LightMyRequestResponse> {
  return service.app.inject({
    method: "POST",
    url: "/v1/portal/sessions",
    headers: bearer(operatorKey),
    payload: { user: PORTAL_PERSON, ...body },
  });
}

/** The path and query of a portal link (`/portal/start?token=...`), for `app.inject`. */
export function linkPath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** The value of the portal cookie an answer sets, or undefined. */
export function portalCookieOf(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((cookie) => cookie.name === PORTAL_COOKIE)?.value;
}

export interface OpenedPortal {
  /** The headers of a portal request: the header, the cookie and the CSRF token. */
  headers: { "x-keygate-portal": "1"; cookie: string; "x-csrf-token": string };
  cookie: string;
  csrfToken: string;
}

/** A link made and opened: the portal session a browser would now have. */
export async function openPortal(
  service: TestService,
  operatorKey: string,
  body: PortalLinkRequest,
): Promise<OpenedPortal> {
  const link = await requestPortalLink(service, operatorKey, body);
  expect(link.statusCode).toBe(201);
  const started = await service.app.inject({
    method: "GET",
    url: linkPath(link.json<{ url: string }>().url),
  });
  expect(started.statusCode).toBe(303);
  const cookie = portalCookieOf(started);
  if (cookie === undefined) throw new Error("the portal link set no cookie");
  const session = await service.app.inject({
    method: "GET",
    url: "/v1/portal/session",
    headers: { "x-keygate-portal": "1", cookie: `${PORTAL_COOKIE}=${cookie}` },
  });
  expect(session.statusCode).toBe(200);
  const csrfToken = session.json<{ csrfToken: string }>().csrfToken;
  return {
    cookie,
    csrfToken,
    headers: { "x-keygate-portal": "1", cookie: `${PORTAL_COOKIE}=${cookie}`, "x-csrf-token": csrfToken },
  };
}
