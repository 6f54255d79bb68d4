/**
 * Invitations as server state: the pending ones, inviting by email with a role (the answer holds
 * the one-use link, shown once), revoking; and, on the public invitation screen, looking a link up
 * and accepting it. Each change refreshes the invitations, the members and the audit trail.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import type { Body, Json } from "../../api/types";

export type Invitation = Json<"/v1/invitations", "get">["data"][number];
export type CreatedInvitation = Json<"/v1/invitations", "post">;
export type InvitationInput = Body<"/v1/invitations", "post">;
export type InvitationPreview = Json<"/v1/invitations/lookup", "get">;
export type AcceptInput = Body<"/v1/invitations/accept", "post">;

export function useInvitationsQuery(enabled = true) {
  return useQuery({
    queryKey: queryKeys.invitations.all,
    queryFn: async () => (await unwrap(api.GET("/v1/invitations"))).data,
    enabled,
  });
}

function useInvalidateInvitations() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.invitations.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
    ]);
}

export function useCreateInvitation() {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (input: InvitationInput) => unwrap(api.POST("/v1/invitations", { body: input })),
    onSuccess: invalidate,
  });
}

export function useRevokeInvitation() {
  const invalidate = useInvalidateInvitations();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/v1/invitations/{id}", { params: { path: { id } } })),
    onSettled: invalidate,
  });
}

export function useInvitationLookup(token: string, enabled = true) {
  return useQuery({
    queryKey: ["invitations", "lookup", token],
    queryFn: () => unwrap(api.GET("/v1/invitations/lookup", { params: { query: { token } } })),
    enabled: enabled && token !== "",
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAcceptInvitation() {
  return useMutation({
    mutationFn: (input: AcceptInput) => unwrap(api.POST("/v1/invitations/accept", { body: input })),
  });
}
