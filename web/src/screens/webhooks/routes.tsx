/**
 * The webhook screens' routes, mounted inside the signed-in shell by app/router.tsx: the endpoints
 * at /webhooks and one endpoint with its delivery log at /webhooks/:webhookId. Their code loads on
 * the first visit.
 */
import { lazy, Suspense } from "react";
import type { RouteObject } from "react-router";
import { LoadingState } from "../../ui/states";

const WebhooksScreen = lazy(async () => ({ default: (await import("./WebhooksScreen")).WebhooksScreen }));
const WebhookDetailScreen = lazy(async () => ({
  default: (await import("./WebhookDetailScreen")).WebhookDetailScreen,
}));

export const webhooksRoutes: RouteObject[] = [
  {
    path: "/webhooks",
    element: (
      <Suspense fallback={<LoadingState label="Loading the webhooks" />}>
        <WebhooksScreen />
      </Suspense>
    ),
  },
  {
    path: "/webhooks/:webhookId",
    element: (
      <Suspense fallback={<LoadingState label="Loading the endpoint" />}>
        <WebhookDetailScreen />
      </Suspense>
    ),
  },
];
