/**
 * What the API Credentials table does to an app's keys: switch one on or off (optimistically, on
 * the app's cached detail, rolled back when refused), revoke it, delete it. Each change refreshes
 * the app and every key list.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import type { App } from "../../api/types";

function useRefresh(appId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.apps.one(appId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.keys.all }),
    ]);
}

export function useSetAppKeyEnabled(appId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(appId);
  return useMutation({
    mutationFn: ({ keyId, enabled }: { keyId: string; enabled: boolean }) =>
      unwrap(
        enabled
          ? api.POST("/v1/keys/{id}/enable", { params: { path: { id: keyId } } })
          : api.POST("/v1/keys/{id}/disable", { params: { path: { id: keyId } } }),
      ),
    onMutate: async ({ keyId, enabled }) => {
      const queryKey = queryKeys.apps.one(appId);
      await queryClient.cancelQueries({ queryKey });
      const before = queryClient.getQueryData<App>(queryKey);
      if (before)
        queryClient.setQueryData<App>(queryKey, {
          ...before,
          keys: before.keys.map((key) => {
            if (key.id !== keyId || key.status === "revoked") return key;
            const switchable = key.status === "active" || key.status === "disabled";
            return { ...key, enabled, status: switchable ? (enabled ? "active" : "disabled") : key.status };
          }),
        });
      return { before };
    },
    onError: (_error, _variables, context) => {
      if (context?.before) queryClient.setQueryData(queryKeys.apps.one(appId), context.before);
    },
    onSettled: refresh,
  });
}

export function useRevokeAppKey(appId: string) {
  const refresh = useRefresh(appId);
  return useMutation({
    mutationFn: ({ keyId, reason }: { keyId: string; reason: string }) =>
      unwrap(
        api.POST("/v1/keys/{id}/revoke", {
          params: { path: { id: keyId } },
          body: reason.trim() === "" ? {} : { reason: reason.trim() },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useDeleteAppKey(appId: string) {
  const refresh = useRefresh(appId);
  return useMutation({
    mutationFn: (keyId: string) => unwrap(api.DELETE("/v1/keys/{id}", { params: { path: { id: keyId } } })),
    onSuccess: refresh,
  });
}
