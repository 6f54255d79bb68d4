/**
 * The apis screens' routes, mounted inside the signed-in shell by app/router.tsx. Each screen's
 * code loads on its first visit, so it adds nothing to the first screen's download.
 */
import type { RouteObject } from "react-router";
import { LoadingState } from "../../ui/states";

export const apisRoutes: RouteObject[] = [
  {
    path: "/apis",
    hydrateFallbackElement: <LoadingState label="Loading connected APIs" />,
    lazy: async () => ({ Component: (await import("./ApisScreen")).ApisScreen }),
  },
];
