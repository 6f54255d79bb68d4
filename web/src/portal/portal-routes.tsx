/**
 * The key portal's route tree: the dashboard's own key screens at their own paths (the router's
 * basename is /portal, so every screen's links work unchanged) inside PortalShell, only those of
 * the session's features; "/" goes to the first feature's screen.
 */
import { Navigate, type RouteObject } from "react-router";
import { NotFoundScreen } from "../app/NotFoundScreen";
import { EmptyState } from "../ui/states";
import { PortalShell } from "./PortalShell";
import { firstPortalScreen, portalScreenRoutes } from "./portal-features";
import type { PortalFeature } from "./portal-session";

export const PORTAL_BASENAME = "/portal";

/** Whether a page's path is the key portal's. */
export const isPortalPath = (pathname: string) =>
  pathname === PORTAL_BASENAME || pathname.startsWith(`${PORTAL_BASENAME}/`);

export function portalRoutes(features: readonly PortalFeature[]): RouteObject[] {
  const first = firstPortalScreen(features);
  return [
    {
      element: <PortalShell />,
      children: [
        {
          index: true,
          element: first ? (
            <Navigate to={first} replace />
          ) : (
            <EmptyState title="Nothing to show">This link opens none of the key pages.</EmptyState>
          ),
        },
        ...portalScreenRoutes(features),
        { path: "*", element: <NotFoundScreen /> },
      ],
    },
  ];
}
