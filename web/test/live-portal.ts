/**
 * The key portal against a live Keygate (web/test/live-keygate.ts), as a platform opens it: the
 * operator's root key (with `portal:write`) makes a tenant and a portal link; opening the link
 * gives the `keygate_portal` cookie, which `connect()` then sends with every request of the
 * dashboard's api client (as a browser would, with the client's own `x-keygate-portal: 1`).
 *
 * @example
 * const rootKey = await operatorRootKey(keygate);
 * const tenant = await createTenant(keygate, rootKey, { name: "Acme", externalId: "cus_1", plan: "pro" });
 * const portal = await openPortal(keygate, rootKey, { workspace: tenant.id, user, role: "admin" });
 * portal.connect();
 */
import type { Middleware } from "openapi-fetch";
import { api } from "../src/api/client";
import type { LiveKeygate } from "./live-keygate";

async function call<T>(keygate: LiveKeygate, rootKey: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${keygate.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${rootKey}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A root key of the operator's workspace that manages tenants and makes portal links. */
export async function operatorRootKey(keygate: LiveKeygate): Promise<string> {
  const response = await keygate.request("/v1/root-keys", {
    method: "POST",
    body: { name: "platform", permissions: ["workspaces:read", "workspaces:write", "portal:write"] },
  });
  if (response.status !== 201)
    throw new Error(`no operator root key: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { key: string }).key;
}

export interface Tenant {
  id: string;
  externalId: string;
  name: string;
}

export function createTenant(
  keygate: LiveKeygate,
  rootKey: string,
  body: { name: string; externalId: string; plan: string; branding?: Record<string, string | null> },
): Promise<Tenant> {
  const { branding, ...tenant } = body;
  return call<Tenant>(keygate, rootKey, "POST", "/v1/workspaces", tenant).then(async (created) => {
    if (branding) await call(keygate, rootKey, "PATCH", `/v1/workspaces/${created.id}`, { branding });
    return created;
  });
}

export interface PortalLinkRequest {
  workspace: string;
  user: { externalId: string; email: string; name?: string };
  role: "viewer" | "developer" | "admin";
  returnUrl?: string;
  features?: Array<"keys" | "apps" | "usage" | "audit">;
}

export interface OpenPortal {
  /** The `keygate_portal=<token>` pair. */
  cookie: string;
  /** Sends the portal cookie with every request of the api client (after `keygate.connect()`). */
  connect(): void;
  disconnect(): void;
}

/** Makes a portal link and opens it, as the person's browser does: the answer sets the cookie. */
export async function openPortal(
  keygate: LiveKeygate,
  rootKey: string,
  link: PortalLinkRequest,
): Promise<OpenPortal> {
  const { url } = await call<{ url: string }>(keygate, rootKey, "POST", "/v1/portal/sessions", link);
  const opened = await fetch(url, { redirect: "manual" });
  if (opened.status !== 303)
    throw new Error(`the portal link answered ${opened.status}: ${await opened.text()}`);
  const cookie =
    opened.headers
      .getSetCookie()
      .find((line) => line.startsWith("keygate_portal="))
      ?.split(";")[0] ?? "";
  if (!cookie) throw new Error("the portal link set no keygate_portal cookie");
  const withCookie: Middleware = {
    onRequest({ request }) {
      const headers = new Headers(request.headers);
      headers.set("cookie", cookie);
      return new Request(request.url, {
        method: request.method,
        headers,
        body: request.body,
        duplex: "half",
      } as RequestInit);
    },
  };
  return {
    cookie,
    connect: () => api.use(withCookie),
    disconnect: () => api.eject(withCookie),
  };
}
