/**
 * The key portal's session (platform mode): `GET /v1/portal/session` answers who the platform
 * sent here, into which tenant, with which role, features and branding. `sessionOfPortal` turns it
 * into the dashboard's own `Session`, so the key screens run unchanged and hide what the portal may
 * not do: abilities come from the session's `permissions` (computed by the server from role and
 * features), not from a role table.
 */
import { api, setCsrfToken, unwrap } from "../api/client";
import type { Workspace } from "../api/types";
import { abilitiesFrom } from "../app/permissions";
import type { Session } from "../app/session";

export type PortalFeature = "keys" | "apps" | "usage" | "audit";

export interface PortalBranding {
  productName: string;
  logoUrl: string | null;
  accentColor: string;
}

/** The body of `GET /v1/portal/session` (the contract's shape, until the route is in schema.d.ts). */
export interface PortalSessionAnswer {
  workspace: Workspace;
  user: { externalId: string; email: string; name: string };
  role: "viewer" | "developer" | "admin";
  features: PortalFeature[];
  permissions: string[];
  returnUrl: string | null;
  branding: PortalBranding;
  embedOrigins: string[];
  csrfToken: string;
  expiresAt: string;
}

/** What the portal's frame (PortalShell, the resize messages, the ended screen) needs to know. */
export interface PortalFacts {
  branding: PortalBranding;
  features: readonly PortalFeature[];
  /** Where "Back to <productName>" goes; null when the platform gave none. */
  returnUrl: string | null;
  /** The origins allowed to embed the portal, and so to hear its resize messages. */
  embedOrigins: readonly string[];
  expiresAt: string;
}

/** The portal session; its CSRF token is kept for every change the screens make. */
export async function fetchPortalSession(): Promise<PortalSessionAnswer> {
  const answer = (await unwrap(
    api.GET("/v1/portal/session" as "/v1/auth/session"),
  )) as unknown as PortalSessionAnswer;
  setCsrfToken(answer.csrfToken);
  return answer;
}

/** The dashboard's Session for a portal session. */
export function sessionOfPortal(answer: PortalSessionAnswer): Session {
  const { user, workspace, role, permissions, features, csrfToken } = answer;
  return {
    user: { id: `portal:${user.externalId}`, email: user.email, name: user.name ?? user.email },
    workspace,
    role,
    csrfToken,
    abilities: abilitiesFrom(role, permissions, { usage: features.includes("usage") }),
    portal: {
      branding: answer.branding,
      features,
      returnUrl: answer.returnUrl ?? null,
      embedOrigins: answer.embedOrigins,
      expiresAt: answer.expiresAt,
    },
  };
}
