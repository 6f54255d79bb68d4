/** The apis screens' routes, mounted inside the signed-in shell by app/router.tsx. */
import type { RouteObject } from "react-router";

export const apisRoutes: RouteObject[] = [];
