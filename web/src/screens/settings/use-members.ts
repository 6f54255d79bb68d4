/**
 * The workspace's members and root keys as server state: the member list, a role change and a
 * removal (each invalidating the members and the audit trail), and the root keys (listed, also so
 * the audit log can say which key acted; created; deleted).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import type { Body, Json, Role } from "../../api/types";

export type Member = Json<"/v1/members", "get">["data"][number];
export type RootKey = Json<"/v1/root-keys", "get">["data"][number];

export function useMembersQuery(enabled = true) {
  return useQuery({
    queryKey: queryKeys.members.all,
    queryFn: async () => (await unwrap(api.GET("/v1/members"))).data,
    enabled,
  });
}

export function useRootKeysQuery(enabled = true) {
  return useQuery({
    queryKey: queryKeys.rootKeys.all,
    queryFn: async () => (await unwrap(api.GET("/v1/root-keys"))).data,
    enabled,
  });
}

export function useCreateRootKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Body<"/v1/root-keys", "post">) => unwrap(api.POST("/v1/root-keys", { body: input })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.rootKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
      ]),
  });
}

export function useDeleteRootKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/v1/root-keys/{id}", { params: { path: { id } } })),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.rootKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
      ]),
  });
}

function useInvalidateMembers() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.members.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
    ]);
}

export function useChangeRole() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      unwrap(api.PATCH("/v1/members/{userId}", { params: { path: { userId } }, body: { role } })),
    onSettled: invalidate,
  });
}

export function useRemoveMember() {
  const invalidate = useInvalidateMembers();
  return useMutation({
    mutationFn: (userId: string) =>
      unwrap(api.DELETE("/v1/members/{userId}", { params: { path: { userId } } })),
    onSettled: invalidate,
  });
}
