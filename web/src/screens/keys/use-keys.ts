/**
 * The keys' server state: the list pages (search and filters in the query key), one key, its
 * usage, and every key change. Each change invalidates the keys and the apps (an app's detail
 * lists its keys); the enable/disable switch is optimistic and rolls back when the server refuses.
 */
import {
  type InfiniteData,
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ApiRequestError } from "../../api/errors";
import { queryKeys } from "../../api/query-keys";
import type { App, Body, Json, KeyList, KeyObject, Query } from "../../api/types";

type AuditPage = Json<"/v1/audit-events", "get">;

export type KeyFilters = Omit<Query<"/v1/keys", "get">, "cursor" | "limit">;
export type KeyCreateBody = Body<"/v1/keys", "post">;
export type KeyPatchBody = Body<"/v1/keys/{id}", "patch">;

/** Keys per page: enough to fill a screen, small enough to stay quick at 10,000 keys. */
export const KEYS_PAGE_SIZE = 50;

/** The keys matching the filters, newest first, a page at a time ("Load more"). */
export function useKeysQuery(filters: KeyFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.keys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/v1/keys", {
          params: { query: { ...filters, limit: KEYS_PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useKeyQuery(id: string) {
  return useQuery({
    queryKey: queryKeys.keys.one(id),
    queryFn: () => unwrap(api.GET("/v1/keys/{id}", { params: { path: { id } } })),
  });
}

/** The apps to pick from (filters, create dialog): the first 100, newest first. */
export function useAppChoices() {
  return useQuery({
    queryKey: [...queryKeys.apps.all, "choices"],
    queryFn: () => unwrap(api.GET("/v1/apps", { params: { query: { limit: 100 } } })),
    staleTime: 30_000,
  });
}

/** One app with its connected APIs (for the scopes a key of it may hold); idle without an id. */
export function useAppWithApis(appId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.apps.one(appId ?? ""),
    queryFn: () => unwrap(api.GET("/v1/apps/{id}", { params: { path: { id: appId ?? "" } } })),
    enabled: Boolean(appId),
  });
}

function invalidateKeysAndApps(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.keys.all }),
    queryClient.invalidateQueries({ queryKey: queryKeys.apps.all }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
  ]);
}

export function useCreateKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: KeyCreateBody) => unwrap(api.POST("/v1/keys", { body })),
    onSuccess: () => invalidateKeysAndApps(queryClient),
  });
}

export function useUpdateKey(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: KeyPatchBody) =>
      unwrap(api.PATCH("/v1/keys/{id}", { params: { path: { id } }, body })),
    onSuccess: (key) => {
      queryClient.setQueryData(queryKeys.keys.one(id), key);
      return invalidateKeysAndApps(queryClient);
    },
  });
}

export function useRotateKey(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (gracePeriodSeconds: number) =>
      unwrap(api.POST("/v1/keys/{id}/rotate", { params: { path: { id } }, body: { gracePeriodSeconds } })),
    onSuccess: () => invalidateKeysAndApps(queryClient),
  });
}

export function useRevokeKey(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string | undefined) =>
      unwrap(api.POST("/v1/keys/{id}/revoke", { params: { path: { id } }, body: reason ? { reason } : {} })),
    onSuccess: (key) => {
      queryClient.setQueryData(queryKeys.keys.one(id), key);
      return invalidateKeysAndApps(queryClient);
    },
  });
}

export function useDeleteKey(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/v1/keys/{id}", { params: { path: { id } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.keys.one(id), exact: true });
      return invalidateKeysAndApps(queryClient);
    },
  });
}

/** The key as it looks once switched on or off (status follows `enabled` unless final). */
function switched(key: KeyObject, enabled: boolean): KeyObject {
  if (key.status === "revoked" || key.status === "expired") return { ...key, enabled };
  return { ...key, enabled, status: enabled ? "active" : "disabled" };
}

type Snapshot = Array<[readonly unknown[], unknown]>;

/** Writes the switched key into every cached list, the key itself and its app; returns what was there. */
function applySwitch(queryClient: QueryClient, id: string, enabled: boolean): Snapshot {
  const snapshot: Snapshot = [
    ...queryClient.getQueriesData({ queryKey: [...queryKeys.keys.all, "list"] }),
    ...queryClient.getQueriesData({ queryKey: queryKeys.keys.one(id) }),
    ...queryClient.getQueriesData({ queryKey: [...queryKeys.apps.all, "one"] }),
  ];
  const swap = (key: KeyObject) => (key.id === id ? switched(key, enabled) : key);
  queryClient.setQueriesData<InfiniteData<KeyList>>({ queryKey: [...queryKeys.keys.all, "list"] }, (data) =>
    data ? { ...data, pages: data.pages.map((page) => ({ ...page, data: page.data.map(swap) })) } : data,
  );
  queryClient.setQueryData<KeyObject>(queryKeys.keys.one(id), (key) => (key ? swap(key) : key));
  queryClient.setQueriesData<App>({ queryKey: [...queryKeys.apps.all, "one"] }, (app) =>
    app?.keys ? { ...app, keys: app.keys.map(swap) } : app,
  );
  return snapshot;
}

/** Enables or disables a key at once in every view, and puts the views back if the server refuses. */
export function useSetKeyEnabled(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (enabled: boolean) =>
      enabled
        ? unwrap(api.POST("/v1/keys/{id}/enable", { params: { path: { id } } }))
        : unwrap(api.POST("/v1/keys/{id}/disable", { params: { path: { id } } })),
    onMutate: async (enabled) => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: queryKeys.keys.all }),
        queryClient.cancelQueries({ queryKey: [...queryKeys.apps.all, "one"] }),
      ]);
      return { snapshot: applySwitch(queryClient, id, enabled) };
    },
    onError: (_error, _enabled, context) => {
      for (const [queryKey, data] of context?.snapshot ?? []) queryClient.setQueryData(queryKey, data);
    },
    onSettled: () => invalidateKeysAndApps(queryClient),
  });
}

export type KeyUsageRange = "24h" | "7d" | "30d";

const RANGES: Record<KeyUsageRange, { hours: number; granularity: "hour" | "day" }> = {
  "24h": { hours: 24, granularity: "hour" },
  "7d": { hours: 7 * 24, granularity: "hour" },
  "30d": { hours: 30 * 24, granularity: "day" },
};

/** Verifications per bucket and outcome over the last 24 hours, 7 days or 30 days. */
export function useKeyUsage(id: string, range: KeyUsageRange) {
  return useQuery({
    queryKey: queryKeys.keys.usage(id, range),
    queryFn: () => {
      const { hours, granularity } = RANGES[range];
      const to = new Date();
      const from = new Date(to.getTime() - hours * 3600_000);
      return unwrap(
        api.GET("/v1/keys/{id}/usage", {
          params: { path: { id }, query: { granularity, from: from.toISOString(), to: to.toISOString() } },
        }),
      );
    },
    refetchInterval: 30_000,
  });
}

/** The audit events about one key, newest first. */
export function useKeyAuditEvents(id: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.audit.list({ targetId: id }),
    queryFn: async ({ pageParam }): Promise<AuditPage> => {
      const page = await unwrap(
        api.GET("/v1/audit-events", { params: { query: { targetId: id, limit: 20, cursor: pageParam } } }),
      );
      // The operation also answers text/csv (format=csv); a page is always JSON.
      if (typeof page === "string") throw new ApiRequestError(500, undefined);
      return page;
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The secret of a recoverable key (admins and owners; audited as key.revealed). Never cached. */
export function useRevealKey(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const revealed = await unwrap(api.POST("/v1/keys/{id}/reveal", { params: { path: { id } } }));
      return "key" in revealed
        ? { secret: revealed.key }
        : { secret: revealed.secretKey, sharedKey: revealed.sharedKey };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
  });
}
