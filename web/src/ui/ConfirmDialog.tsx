/**
 * "Are you sure?" for changes that break integrations: names the thing, says what happens, and
 * runs the change on confirm. The dialog stays open with the server's message if it fails.
 *
 * @example <ConfirmDialog open title="Delete crm-integration?" confirmLabel="Delete key" tone="danger" onConfirm={remove}>…</ConfirmDialog>
 */
import { type ReactNode, useState } from "react";
import { describeError } from "../api/errors";
import { Button } from "./Button";
import { Dialog } from "./Dialog";

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  /** What happens, in the user's words. */
  children: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  /** The change; the dialog closes when it resolves and shows its error when it throws. */
  onConfirm(): Promise<unknown>;
}

export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  tone = "danger",
  onConfirm,
}: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const change = (next: boolean) => {
    if (busy) return;
    setError(undefined);
    onOpenChange(next);
  };

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      onOpenChange(false);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={title}
      footer={
        <>
          <Button onClick={() => change(false)} disabled={busy}>
            Cancel
          </Button>
          <Button variant={tone} busy={busy} onClick={confirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <div className="space-y-3 text-sm text-slate-700">{children}</div>
      {error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
    </Dialog>
  );
}
