/**
 * Reveal from the actions menu: the secret of a recoverable key (for a pair, both halves), asked
 * of the server on "Reveal secret" and recorded in the audit log as key.revealed.
 */
import { useEffect } from "react";
import { describeError } from "../../api/errors";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import type { KeyDialogProps } from "./DeleteKeyDialog";
import { SecretField } from "./SecretField";
import { useRevealKey } from "./use-keys";

export function RevealKeyDialog({ apiKey, open, onOpenChange }: KeyDialogProps) {
  const reveal = useRevealKey(apiKey.id);
  const { reset } = reveal;
  useEffect(() => {
    if (!open) reset();
  }, [open, reset]);

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Secret of ${apiKey.name}`}
      description="Revealing a key is recorded in the audit log. Share it only with the technical owner who needs it."
      footer={<Button onClick={() => onOpenChange(false)}>Done</Button>}
    >
      {!reveal.data && (
        <Button variant="primary" busy={reveal.isPending} onClick={() => reveal.mutate()}>
          Reveal secret
        </Button>
      )}
      {reveal.isError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {describeError(reveal.error)}
        </p>
      )}
      {reveal.data && (
        <div className="space-y-4">
          {reveal.data.sharedKey && <SecretField label="Shared Key" value={reveal.data.sharedKey} />}
          <SecretField label={reveal.data.sharedKey ? "Secret Key" : "API key"} value={reveal.data.secret} />
        </div>
      )}
    </Dialog>
  );
}
