/**
 * The connected APIs' server state: the whole list (every page, APIs are few), and the create,
 * edit and delete mutations, each invalidating the APIs and the apps (an app's detail lists its
 * connected APIs and their scopes).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import type { Body, ConnectedApi } from "../../api/types";

export type ApiInput = Body<"/v1/apis", "post">;

/** Every connected API of the workspace, newest first, read page by page (100 a page). */
export async function fetchAllApis(): Promise<ConnectedApi[]> {
  const all: ConnectedApi[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET("/v1/apis", { params: { query: { limit: 100, cursor } } }));
    all.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

export function useApisQuery() {
  return useQuery({ queryKey: queryKeys.apis.all, queryFn: fetchAllApis });
}

function useInvalidateApis() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.apis.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.apps.all }),
    ]);
}

export function useCreateApi() {
  const invalidate = useInvalidateApis();
  return useMutation({
    mutationFn: (body: ApiInput) => unwrap(api.POST("/v1/apis", { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateApi() {
  const invalidate = useInvalidateApis();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Body<"/v1/apis/{id}", "patch"> }) =>
      unwrap(api.PATCH("/v1/apis/{id}", { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useDeleteApi() {
  const invalidate = useInvalidateApis();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/v1/apis/{id}", { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
