/**
 * The operator's tenants (platform mode) as server state: the list pages (filters in the query
 * key), and every change (create, plan, suspend or resume, branding, delete), the "open as" link
 * and a tenant's root key. Each change invalidates the tenants and the audit trail (every change
 * is recorded in the tenant's trail and the operator's).
 */
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import type { Body, Json, Query } from "../../api/types";

export type Tenant = Json<"/v1/workspaces/{id}", "get">;
export type TenantFilters = Omit<Query<"/v1/workspaces", "get">, "cursor" | "limit">;
export type TenantCreateBody = Body<"/v1/workspaces", "post">;
export type TenantChanges = Body<"/v1/workspaces/{id}", "patch">;
export type TenantRootKeyBody = Body<"/v1/workspaces/{id}/root-keys", "post">;

/** The tenants' query keys, apart from `queryKeys.workspaces` (the signed-in person's own workspaces). */
export const tenantKeys = {
  all: ["tenants"] as const,
  list: (filters: TenantFilters) => ["tenants", "list", filters] as const,
};

export const TENANTS_PAGE_SIZE = 50;

/** The tenants matching the filters, newest first, a page at a time ("Load more"). */
export function useTenantsQuery(filters: TenantFilters) {
  return useInfiniteQuery({
    queryKey: tenantKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET("/v1/workspaces", {
          params: { query: { ...filters, limit: TENANTS_PAGE_SIZE, cursor: pageParam } },
          signal,
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

function invalidateTenants(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: tenantKeys.all }),
    queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
  ]);
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TenantCreateBody) => unwrap(api.POST("/v1/workspaces", { body })),
    onSuccess: () => invalidateTenants(queryClient),
  });
}

/** Name, plan, suspension or branding of one tenant. */
export function useUpdateTenant(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TenantChanges) =>
      unwrap(api.PATCH("/v1/workspaces/{id}", { params: { path: { id } }, body })),
    onSuccess: () => invalidateTenants(queryClient),
  });
}

export function useDeleteTenant(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/v1/workspaces/{id}", { params: { path: { id } } })),
    onSuccess: () => invalidateTenants(queryClient),
  });
}

/** A one-time link into the tenant as an admin (audited `workspace.opened` in both trails). */
export function useOpenTenant(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/v1/workspaces/{id}/open", { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
  });
}

/** A root key of the tenant, for automation inside it; its secret is in this answer only. */
export function useCreateTenantRootKey(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TenantRootKeyBody) =>
      unwrap(api.POST("/v1/workspaces/{id}/root-keys", { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
  });
}
