/**
 * An endpoint's signing secret, shown once: after Add endpoint and after Rotate secret. The same
 * pattern as a key's (keys/SecretOnceDialog): Copy, a warning that it will not be shown again,
 * and only Done closes it; with a hint to check each delivery's signature with `verifyWebhook`.
 */
import { ShownOnceDialog } from "../../ui/ShownOnceDialog";
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
    <ShownOnceDialog
      open={secret !== null}
      title={secret?.rotated ? "Copy the new signing secret" : "Copy the signing secret"}
      description={secret ? `The signing secret of ${secret.url}.` : undefined}
      advice="Store it where your receiver reads its configuration (a secret manager, not the code); never put it in a repository."
      note={secret?.rotated ? "The old secret stops working now: update your receiver." : undefined}
      onDone={onDone}
      returnFocusTo={returnFocusTo}
    >
      {secret && <SecretField label="Signing secret" value={secret.secret} />}
      <p className="text-sm text-slate-600">
        Check every delivery with it before trusting it:{" "}
        <code className="font-mono text-xs">verifyWebhook</code> from{" "}
        <code className="font-mono text-xs">@keygate/sdk</code> checks the signature and the timestamp headers
        and gives you the event.
      </p>
    </ShownOnceDialog>
  );
}
