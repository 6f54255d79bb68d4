/**
 * The portal's screens per feature it was opened with: `keys` the keys screen ("API Access"),
 * `apps` Apps and Connected APIs, `audit` the audit log. `usage` adds no screen: it shows the
 * usage chart of a key's detail (Abilities.canSeeUsage), and alone opens the keys read-only.
 */
import type { LucideIcon } from "lucide-react";
import { Boxes, KeyRound, PlugZap, ScrollText } from "lucide-react";
import type { RouteObject } from "react-router";
import { apisRoutes } from "../screens/apis/routes";
import { appsRoutes } from "../screens/apps/routes";
import { auditRoutes } from "../screens/audit/routes";
import { keysRoutes } from "../screens/keys/routes";
import type { PortalFeature } from "./portal-session";

export const KEYS_SCREEN = "/settings/api-access";

export interface PortalNavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Other paths that light this entry up (a key's detail belongs to API Access). */
  alsoActiveUnder?: string;
}

const showsKeys = (features: readonly PortalFeature[]) =>
  features.includes("keys") || features.includes("usage");

/** The nav entries of the features, in the dashboard's order. */
export function portalNavItems(features: readonly PortalFeature[]): PortalNavItem[] {
  const items: PortalNavItem[] = [];
  if (showsKeys(features))
    items.push({ to: KEYS_SCREEN, label: "API Access", icon: KeyRound, alsoActiveUnder: "/keys/" });
  if (features.includes("apps")) {
    items.push({ to: "/apps", label: "Apps", icon: Boxes });
    items.push({ to: "/apis", label: "Connected APIs", icon: PlugZap });
  }
  if (features.includes("audit")) items.push({ to: "/audit", label: "Audit log", icon: ScrollText });
  return items;
}

/** The dashboard's own routes of the screens the features open; nothing else is reachable. */
export function portalScreenRoutes(features: readonly PortalFeature[]): RouteObject[] {
  return [
    ...(showsKeys(features) ? keysRoutes : []),
    ...(features.includes("apps") ? [...appsRoutes, ...apisRoutes] : []),
    ...(features.includes("audit") ? auditRoutes : []),
  ];
}

/** Where the portal's "/" goes: the first feature's screen. */
export function firstPortalScreen(features: readonly PortalFeature[]): string | null {
  return portalNavItems(features)[0]?.to ?? null;
}
