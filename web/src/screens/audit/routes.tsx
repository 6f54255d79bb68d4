/**
 * The audit screens' routes, mounted inside the signed-in shell by app/router.tsx. The screen's
 * code loads on its first visit, so it costs the first screen nothing.
 */
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import { LoadingState } from "../../ui/states";

const AuditLogScreen = lazy(async () => ({ default: (await import("./AuditLogScreen")).AuditLogScreen }));

export const auditRoutes: RouteObject[] = [
  {
    path: "/audit",
    element: (
      <Suspense fallback={<LoadingState label="Loading the audit log" />}>
        <AuditLogScreen />
      </Suspense>
    ),
  },
];
