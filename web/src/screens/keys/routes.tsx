/**
 * The keys screens' routes, mounted inside the signed-in shell by app/router.tsx. The list is the
 * first screen (`/` leads to it); the key detail loads on demand.
 */
import type { RouteObject } from "react-router";
import { KeysScreen } from "./KeysScreen";

export const keysRoutes: RouteObject[] = [
  { path: "/settings/api-access", element: <KeysScreen /> },
  {
    path: "/keys/:keyId",
    lazy: async () => {
      const { KeyDetailScreen } = await import("./KeyDetailScreen");
      return { Component: KeyDetailScreen };
    },
  },
];
