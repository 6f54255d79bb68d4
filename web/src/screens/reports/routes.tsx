/**
 * The reports' routes, mounted inside the signed-in shell by app/router.tsx: the key hygiene
 * report at /reports/keys (its code loads on the first visit).
 */
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import { LoadingState } from "../../ui/states";

const KeyReportScreen = lazy(async () => ({ default: (await import("./KeyReportScreen")).KeyReportScreen }));

export const reportsRoutes: RouteObject[] = [
  {
    path: "/reports/keys",
    element: (
      <Suspense fallback={<LoadingState label="Loading the report" />}>
        <KeyReportScreen />
      </Suspense>
    ),
  },
];
