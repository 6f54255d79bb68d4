/**
 * Delete a tenant, after typing its name: it says what stops at once (its keys stop verifying,
 * its root keys and sessions end) and that it leaves the list; the audit log keeps what happened.
 */
import { type FormEvent, useEffect, useState } from "react";
import { describeError } from "../../api/errors";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { Field, inputClass } from "../../ui/Field";
import { toast } from "../../ui/toast";
import { FormAlert } from "../auth/FormAlert";
import type { TenantDialogProps } from "./ChangePlanDialog";
import { useDeleteTenant } from "./use-tenants";

export function DeleteTenantDialog({ tenant, open, onOpenChange }: TenantDialogProps) {
  const remove = useDeleteTenant(tenant.id);
  const [typed, setTyped] = useState("");
  const [failure, setFailure] = useState<unknown>();
  useEffect(() => {
    if (!open) return;
    setTyped("");
    setFailure(undefined);
  }, [open]);
  const matches = typed.trim() === tenant.name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!matches) return;
    setFailure(undefined);
    try {
      await remove.mutateAsync();
      onOpenChange(false);
      toast(`${tenant.name} deleted`);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !remove.isPending && onOpenChange(next)}
      title={`Delete ${tenant.name}?`}
    >
      <form noValidate onSubmit={submit} className="space-y-3 text-sm text-slate-700">
        <p>
          <strong>Everything in {tenant.name} stops at once:</strong> its keys stop verifying (they answer{" "}
          <code className="font-mono text-xs">WORKSPACE_SUSPENDED</code>), and its root keys, sessions and
          portal sessions end.
        </p>
        <p>
          It leaves this list and cannot be opened again. This cannot be undone; the audit log keeps what
          happened.
        </p>
        <Field label={`Type ${tenant.name} to confirm`}>
          {(props) => (
            <input
              {...props}
              className={inputClass}
              value={typed}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => setTyped(event.target.value)}
            />
          )}
        </Field>
        <FormAlert message={failure ? describeError(failure) : undefined} />
        <div className="flex flex-wrap justify-end gap-2 pt-2">
          <Button onClick={() => onOpenChange(false)} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" busy={remove.isPending} disabled={!matches}>
            Delete workspace
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
