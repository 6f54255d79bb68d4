/**
 * The frame of a secret shown once (a key's, an endpoint's signing secret): a warning that it will
 * not be shown again, what to do with it, the secret's fields, and only Done to close it (never a
 * click outside or Escape, so the secret is not lost by accident).
 *
 * @example
 * <ShownOnceDialog open title="Copy your API key" advice="Store it in a secret manager." onDone={close}>
 *   <SecretField label="API key" value={key} />
 * </ShownOnceDialog>
 */
import { AlertTriangle } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "./Button";
import { Dialog } from "./Dialog";

export interface ShownOnceDialogProps {
  open: boolean;
  title: string;
  description?: string | undefined;
  /** What to do with the secret, after "It will not be shown again." */
  advice: ReactNode;
  /** A second line in the warning (how long an old secret still works...). */
  note?: ReactNode;
  onDone(): void;
  /** Where focus goes after Done when what opened it is gone (see Dialog). */
  returnFocusTo?: (() => HTMLElement | null | undefined) | undefined;
  /** The secret's fields and any hint below them. */
  children: ReactNode;
}

export function ShownOnceDialog({
  open,
  title,
  description,
  advice,
  note,
  onDone,
  returnFocusTo,
  children,
}: ShownOnceDialogProps) {
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) onDone();
      }}
      title={title}
      description={description}
      dismissible={false}
      returnFocusTo={returnFocusTo}
      footer={
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      }
    >
      {open && (
        <div className="space-y-4">
          <div className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <div className="space-y-1">
              <p>
                <strong>It will not be shown again.</strong> {advice}
              </p>
              {note && <p>{note}</p>}
            </div>
          </div>
          {children}
        </div>
      )}
    </Dialog>
  );
}
