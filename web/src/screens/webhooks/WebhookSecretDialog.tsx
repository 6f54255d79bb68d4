/**
 * An endpoint's signing secret, shown once: after Add endpoint and after Rotate secret. The same
 * pattern as a key's (keys/SecretOnceDialog): Copy, a warning that it will not be shown again,
 * and only Done closes it; with a hint to check each delivery's signature with `verifyWebhook`.
 */
import { AlertTriangle } from "lucide-react";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { SecretField } from "../keys/SecretField";

export interface WebhookSecret {
  /** The endpoint's URL, to say whose secret it is. */
  url: string;
  secret: string;
  /** After Rotate secret rather than Add endpoint. */
  rotated?: boolean;
}

export interface WebhookSecretDialogProps {
  secret: WebhookSecret | null;
  onDone(): void;
  returnFocusTo?: () => HTMLElement | null | undefined;
}

export function WebhookSecretDialog({ secret, onDone, returnFocusTo }: WebhookSecretDialogProps) {
  return (
    <Dialog
      open={secret !== null}
      onOpenChange={(open) => {
        if (!open) onDone();
      }}
      title={secret?.rotated ? "Copy the new signing secret" : "Copy the signing secret"}
      description={secret ? `The signing secret of ${secret.url}.` : undefined}
      dismissible={false}
      returnFocusTo={returnFocusTo}
      footer={
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      }
    >
      {secret && (
        <div className="space-y-4">
          <div className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-900">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <div className="space-y-1">
              <p>
                <strong>It will not be shown again.</strong> Store it where your receiver reads its
                configuration (a secret manager, not the code); never put it in a repository.
              </p>
              {secret.rotated && <p>The old secret stops working now: update your receiver.</p>}
            </div>
          </div>
          <SecretField label="Signing secret" value={secret.secret} />
          <p className="text-sm text-slate-600">
            Check every delivery with it before trusting it:{" "}
            <code className="font-mono text-xs">verifyWebhook</code> from{" "}
            <code className="font-mono text-xs">@keygate/sdk</code> checks the signature and the timestamp
            headers and gives you the event.
          </p>
        </div>
      )}
    </Dialog>
  );
}
