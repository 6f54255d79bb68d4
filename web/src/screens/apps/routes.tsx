/**
 * The apps screens' routes, mounted inside the signed-in shell by app/router.tsx. Each screen's
 * code loads on its first visit, so it adds nothing to the first screen's download.
 */
import type { RouteObject } from "react-router";
import { LoadingState } from "../../ui/states";

const fallback = <LoadingState label="Loading apps" />;

export const appsRoutes: RouteObject[] = [
  {
    path: "/apps",
    hydrateFallbackElement: fallback,
    lazy: async () => ({ Component: (await import("./AppsScreen")).AppsScreen }),
  },
  {
    path: "/apps/new",
    hydrateFallbackElement: fallback,
    lazy: async () => ({ Component: (await import("./NewAppScreen")).NewAppScreen }),
  },
  {
    path: "/apps/:appId",
    hydrateFallbackElement: fallback,
    lazy: async () => ({ Component: (await import("./AppDetailScreen")).AppDetailScreen }),
  },
];
