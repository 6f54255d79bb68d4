/**
 * "Revoke all keys of <externalId>" (admins and owners, from a key's detail): every live key of
 * the identity the key belongs to is revoked in one call (`POST /v1/identities/{id}/revoke-keys`),
 * each recorded in the audit log as key.revoked. It cannot be undone.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Field, inputClass } from "../../ui/Field";
import { formatNumber } from "../../ui/format";
import { toast } from "../../ui/toast";

export interface RevokeIdentityKeysDialogProps {
  identityId: string;
  externalId: string;
  open: boolean;
  onOpenChange(open: boolean): void;
}

function useRevokeIdentityKeys(identityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string | undefined) =>
      unwrap(
        api.POST("/v1/identities/{idOrExternalId}/revoke-keys", {
          params: { path: { idOrExternalId: identityId } },
          body: reason ? { reason } : {},
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.keys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.apps.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.audit.all }),
      ]),
  });
}

export function RevokeIdentityKeysDialog({
  identityId,
  externalId,
  open,
  onOpenChange,
}: RevokeIdentityKeysDialogProps) {
  const revoke = useRevokeIdentityKeys(identityId);
  const [reason, setReason] = useState("");
  useEffect(() => {
    if (open) setReason("");
  }, [open]);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Revoke all keys of ${externalId}?`}
      confirmLabel="Revoke all keys"
      onConfirm={async () => {
        const { revoked } = await revoke.mutateAsync(reason.trim() || undefined);
        toast(
          revoked === 1
            ? `1 key of ${externalId} revoked`
            : `${formatNumber(revoked)} keys of ${externalId} revoked`,
        );
      }}
    >
      <p>
        <strong>Every key that belongs to {externalId} is revoked at once,</strong> this one included:
        applications using any of them are refused from their next request. Revocation cannot be undone; the
        keys stay in the list as Revoked.
      </p>
      <p>Each revocation is recorded in the audit log.</p>
      <Field label="Reason" optional hint="Kept in the audit log with each key.">
        {(props) => (
          <textarea
            {...props}
            rows={2}
            maxLength={500}
            className={inputClass}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        )}
      </Field>
    </ConfirmDialog>
  );
}
