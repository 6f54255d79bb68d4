/**
 * A route per screen, at the URL the user sees. The screens before sign-in stand alone; every
 * other screen sits in the signed-in shell, with its area's routes (screens/<area>/routes.tsx).
 */
import { createBrowserRouter, Navigate, type RouteObject } from "react-router";
import { apisRoutes } from "../screens/apis/routes";
import { appsRoutes } from "../screens/apps/routes";
import { auditRoutes } from "../screens/audit/routes";
import { SetupScreen } from "../screens/auth/SetupScreen";
import { SignInScreen } from "../screens/auth/SignInScreen";
import { keysRoutes } from "../screens/keys/routes";
import { reportsRoutes } from "../screens/reports/routes";
import { settingsRoutes } from "../screens/settings/routes";
import { webhooksRoutes } from "../screens/webhooks/routes";
import { workspacesRoutes } from "../screens/workspaces/routes";
import { AppShell } from "./AppShell";
import { NotFoundScreen } from "./NotFoundScreen";
import { RequireSession } from "./session";

export const routes: RouteObject[] = [
  { path: "/sign-in", element: <SignInScreen /> },
  { path: "/setup", element: <SetupScreen /> },
  ...settingsRoutes.filter((route) => route.handle === "public"),
  {
    element: (
      <RequireSession>
        <AppShell />
      </RequireSession>
    ),
    children: [
      { index: true, element: <Navigate to="/settings/api-access" replace /> },
      ...keysRoutes,
      ...appsRoutes,
      ...apisRoutes,
      ...webhooksRoutes,
      ...reportsRoutes,
      ...auditRoutes,
      ...workspacesRoutes,
      ...settingsRoutes.filter((route) => route.handle !== "public"),
      { path: "*", element: <NotFoundScreen /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
