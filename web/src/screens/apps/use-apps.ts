/**
 * The apps' server state: the card grid's pages, one app with its keys and connected APIs, and
 * the app changes (create, edit, connect APIs, delete). Every change invalidates the apps, and
 * the keys too where an app's keys moved or went.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import type { Body } from "../../api/types";

export type AppInput = Body<"/v1/apps", "post">;
export type AppChange = Body<"/v1/apps/{id}", "patch">;

const PAGE = 48;

/** The apps, newest first, a page of 48 cards at a time. */
export function useAppsQuery() {
  return useInfiniteQuery({
    queryKey: [...queryKeys.apps.all, "list"],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET("/v1/apps", { params: { query: { limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** One app with its keys (newest first) and its connected APIs. */
export function useAppQuery(id: string) {
  return useQuery({
    queryKey: queryKeys.apps.one(id),
    queryFn: () => unwrap(api.GET("/v1/apps/{id}", { params: { path: { id } } })),
  });
}

function useInvalidateApps() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.apps.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.keys.all }),
    ]);
}

export function useCreateApp() {
  const invalidate = useInvalidateApps();
  return useMutation({
    mutationFn: (body: AppInput) => unwrap(api.POST("/v1/apps", { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateApp(id: string) {
  const invalidate = useInvalidateApps();
  return useMutation({
    mutationFn: (body: AppChange) => unwrap(api.PATCH("/v1/apps/{id}", { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useDeleteApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/v1/apps/{id}", { params: { path: { id } } })),
    // Not the deleted app's own query: its screen is still open and would ask for it again (404).
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...queryKeys.apps.all, "list"] }),
        queryClient.invalidateQueries({ queryKey: queryKeys.keys.all }),
      ]),
  });
}
