/**
 * The key portal's session (platform mode): `GET /v1/portal/session` answers who the platform
 * sent here, into which tenant, with which role, features and branding. `sessionOfPortal` turns it
 * into the dashboard's own `Session`, so the key screens run unchanged and hide what the portal may
 * not do: abilities come from the session's `permissions` (computed by the server from role and
 * features), not from a role table.
 */
import { api, setCsrfToken, unwrap } from "../api/client";
import type { Json } from "../api/types";
import { abilitiesFrom } from "../app/permissions";
import type { Session } from "../app/session";

export type PortalSessionAnswer = Json<"/v1/portal/session", "get">;
export type PortalFeature = PortalSessionAnswer["features"][number];
export type PortalBranding = PortalSessionAnswer["branding"];

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
  const answer = await unwrap(api.GET("/v1/portal/session"));
  setCsrfToken(answer.csrfToken);
  return answer;
}

/** The dashboard's Session for a portal session. */
export function sessionOfPortal(answer: PortalSessionAnswer): Session {
  const { user, workspace, role, permissions, features, csrfToken } = answer;
  return {
    user: { id: `portal:${user.externalId}`, email: user.email, name: user.name || user.email },
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
