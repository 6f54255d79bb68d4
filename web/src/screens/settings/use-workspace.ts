/**
 * The workspace's settings as server state: `GET /v1/workspace` and the change of its name, key
 * prefix, key policy or recoverable keys. A saved change also refreshes the session (which carries the workspace's
 * policy and plan for the other screens) and the audit trail.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import type { Body, Workspace } from "../../api/types";

export type WorkspaceChanges = Body<"/v1/workspace", "patch">;

export function useWorkspaceQuery(initial: Workspace) {
  return useQuery({
    queryKey: queryKeys.workspace,
    queryFn: () => unwrap(api.GET("/v1/workspace")),
    initialData: initial,
    initialDataUpdatedAt: 0,
  });
}

export function useUpdateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: WorkspaceChanges) => unwrap(api.PATCH("/v1/workspace", { body: changes })),
    onSuccess: (workspace) => {
      queryClient.setQueryData(queryKeys.workspace, workspace);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.session }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
        // Turning recoverable keys off makes every key unrevealable.
        queryClient.invalidateQueries({ queryKey: queryKeys.keys.all }),
      ]);
    },
  });
}
