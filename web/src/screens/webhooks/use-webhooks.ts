/**
 * The webhooks' server state: the endpoints, one endpoint, its delivery log (a page at a time,
 * refetched every few seconds while a delivery is still pending), and every change. A change
 * refreshes the endpoints and the audit trail; a test event or a redelivery refreshes the log.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import type { Body, Json } from "../../api/types";

export type WebhookEndpoint = Json<"/v1/webhooks/{id}", "get">;
export type CreatedWebhook = Json<"/v1/webhooks", "post">;
export type WebhookCreateBody = Body<"/v1/webhooks", "post">;
export type WebhookPatchBody = Body<"/v1/webhooks/{id}", "patch">;
export type DeliveryPage = Json<"/v1/webhooks/{id}/deliveries", "get">;
export type WebhookDelivery = DeliveryPage["data"][number];

/** Deliveries per page of the log. */
export const DELIVERIES_PAGE_SIZE = 25;
/** How often the log asks again while a delivery is pending. */
export const PENDING_REFETCH_MS = 3_000;

export function useWebhooksQuery() {
  return useQuery({
    queryKey: [...queryKeys.webhooks.all, "list"],
    // At most 20 endpoints per workspace: one page holds them all.
    queryFn: () => unwrap(api.GET("/v1/webhooks", { params: { query: { limit: 100 } } })),
  });
}

export function useWebhookQuery(id: string) {
  return useQuery({
    queryKey: queryKeys.webhooks.one(id),
    queryFn: () => unwrap(api.GET("/v1/webhooks/{id}", { params: { path: { id } } })),
  });
}

/** The endpoint's deliveries, newest first; while any is pending, asked again every 3 seconds. */
export function useDeliveriesQuery(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.webhooks.deliveries(id),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/v1/webhooks/{id}/deliveries", {
          params: { path: { id }, query: { limit: DELIVERIES_PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.data.some((delivery) => delivery.status === "pending"))
        ? PENDING_REFETCH_MS
        : false,
  });
}

function useInvalidateWebhooks() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.webhooks.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
    ]);
}

export function useCreateWebhook() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (body: WebhookCreateBody) => unwrap(api.POST("/v1/webhooks", { body })),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateWebhook(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (body: WebhookPatchBody) =>
      unwrap(api.PATCH("/v1/webhooks/{id}", { params: { path: { id } }, body })),
    onSuccess: (endpoint) => {
      queryClient.setQueryData(queryKeys.webhooks.one(id), endpoint);
      return invalidate();
    },
  });
}

export function useDeleteWebhook(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/v1/webhooks/{id}", { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.webhooks.one(id), exact: true });
      queryClient.removeQueries({ queryKey: queryKeys.webhooks.deliveries(id), exact: true });
      return invalidate();
    },
  });
}

export function useRotateWebhookSecret(id: string) {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/v1/webhooks/{id}/rotate-secret", { params: { path: { id } } })),
    onSuccess: () => invalidate(),
  });
}

export function useSendTestEvent(id: string) {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/v1/webhooks/{id}/test", { params: { path: { id } } })),
    onSuccess: () => invalidate(),
  });
}

export function useRedeliver() {
  const invalidate = useInvalidateWebhooks();
  return useMutation({
    mutationFn: (deliveryId: string) =>
      unwrap(api.POST("/v1/webhooks/deliveries/{id}/redeliver", { params: { path: { id: deliveryId } } })),
    onSuccess: () => invalidate(),
  });
}
