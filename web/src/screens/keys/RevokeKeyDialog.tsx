/**
 * Revoke a key (seeds 001, 004): a confirmation that revocation cannot be undone, the checks to make
 * first, and an optional reason kept in the audit log. The key stays in the list as Revoked.
 */
import { useEffect, useState } from "react";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Field, inputClass } from "../../ui/Field";
import { toast } from "../../ui/toast";
import type { KeyDialogProps } from "./DeleteKeyDialog";
import { useRevokeKey } from "./use-keys";

export interface RevokeKeyDialogProps extends KeyDialogProps {
  /** The dialog's title; "Revoke <name>?" by default (the app page says "Revoking the Key", as seed 001). */
  title?: string;
}

export function RevokeKeyDialog({ apiKey, open, onOpenChange, title }: RevokeKeyDialogProps) {
  const revoke = useRevokeKey(apiKey.id);
  const [reason, setReason] = useState("");
  useEffect(() => {
    if (open) setReason("");
  }, [open]);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title ?? `Revoke ${apiKey.name}?`}
      confirmLabel="Revoke key"
      onConfirm={async () => {
        await revoke.mutateAsync(reason.trim() || undefined);
        toast(`${apiKey.name} revoked`);
      }}
    >
      <p>
        <strong>Revocation cannot be undone for that key.</strong> Applications using {apiKey.name} are
        refused from now on, and it cannot be enabled, edited or rotated again. It stays in the list as
        Revoked.
      </p>
      <p>Before revoking:</p>
      <ul className="list-disc space-y-0.5 pl-5">
        <li>Confirm the key is no longer needed</li>
        <li>Confirm any replacement key is already in use</li>
        <li>Check with the technical owner if you are unsure</li>
      </ul>
      <Field label="Reason" optional hint="Kept in the audit log.">
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
