/**
 * "Revoking the Key" (seed 001: toggle the icon to revoke; seed 004: revocation cannot be undone):
 * names the key, says it stops working at once and for good, takes an optional reason, and runs
 * the revoke on "Revoke key". The row stays, shown as Revoked.
 */
import { useEffect, useState } from "react";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Field, inputClass } from "../../ui/Field";

export interface RevokingTheKeyDialogProps {
  keyName: string | undefined;
  onOpenChange(open: boolean): void;
  onRevoke(reason: string): Promise<unknown>;
}

export function RevokingTheKeyDialog({ keyName, onOpenChange, onRevoke }: RevokingTheKeyDialogProps) {
  const [reason, setReason] = useState("");
  useEffect(() => {
    if (keyName !== undefined) setReason("");
  }, [keyName]);
  return (
    <ConfirmDialog
      open={keyName !== undefined}
      onOpenChange={onOpenChange}
      title="Revoking the Key"
      confirmLabel="Revoke key"
      onConfirm={() => onRevoke(reason)}
    >
      <p>
        Revoke <strong>{keyName}</strong>? Applications using it are refused from now on.
      </p>
      <p className="font-medium text-slate-900">
        Once a key is revoked, it cannot be retrieved. This cannot be undone.
      </p>
      <Field label="Reason" optional hint="Kept in the audit log, such as “replaced by a new key”.">
        {(props) => (
          <textarea
            {...props}
            value={reason}
            maxLength={500}
            rows={2}
            onChange={(event) => setReason(event.target.value)}
            className={inputClass}
          />
        )}
      </Field>
    </ConfirmDialog>
  );
}
