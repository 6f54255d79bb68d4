/** "Generate Key": a new Shared Key + Secret Key pair for an app; the answer holds both once. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import type { KeyPairBody } from "./key-pair-request";

export function useGenerateKeyPair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: KeyPairBody) => unwrap(api.POST("/v1/keys", { body })),
    onSuccess: (_created, body) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.keys.all }),
        body.appId
          ? queryClient.invalidateQueries({ queryKey: queryKeys.apps.one(body.appId) })
          : Promise.resolve(),
        queryClient.invalidateQueries({ queryKey: [...queryKeys.apps.all, "list"] }),
      ]),
  });
}
