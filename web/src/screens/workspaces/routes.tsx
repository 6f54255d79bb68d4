/**
 * The Workspaces screen's route (platform mode), mounted inside the signed-in shell by
 * app/router.tsx; its code loads on its first visit.
 */
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import { LoadingState } from "../../ui/states";

const WorkspacesScreen = lazy(async () => ({
  default: (await import("./WorkspacesScreen")).WorkspacesScreen,
}));

export const workspacesRoutes: RouteObject[] = [
  {
    path: "/workspaces",
    element: (
      <Suspense fallback={<LoadingState label="Loading the workspaces" />}>
        <WorkspacesScreen />
      </Suspense>
    ),
  },
];
