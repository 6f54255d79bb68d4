/**
 * A new secret, shown once: after creating or rotating a key. A token shows "Copy your API key";
 * a pair shows "Successfully Generated your API Keys!" with the Shared Key and the Secret Key
 * (seed 001). Each value has Copy (clipboard, then "Copied"); only Done closes it, never a click
 * outside or Escape, so the secret is not lost by accident.
 *
 * @example
 * const [secret, setSecret] = useState<OnceSecret | null>(null);
 * <SecretOnceDialog secret={secret} onDone={() => setSecret(null)} />
 */
import type { ReactNode } from "react";
import { ShownOnceDialog } from "../../ui/ShownOnceDialog";
import { SecretField } from "./SecretField";

/** The secret of a key just created or rotated. */
export type OnceSecret =
  | { kind: "token"; keyName: string; key: string }
  | { kind: "pair"; keyName: string; sharedKey: string; secretKey: string };

/** The secret in a create or rotate answer (`key`, or `sharedKey` + `secretKey`), if it holds one. */
export function secretOf(answer: {
  name: string;
  key?: string;
  sharedKey: string | null;
  secretKey?: string;
}): OnceSecret | null {
  if (answer.key) return { kind: "token", keyName: answer.name, key: answer.key };
  if (answer.sharedKey && answer.secretKey) {
    return { kind: "pair", keyName: answer.name, sharedKey: answer.sharedKey, secretKey: answer.secretKey };
  }
  return null;
}

export interface SecretOnceDialogProps {
  /** The secret to show; the dialog is open while it is set. */
  secret: OnceSecret | null;
  /** Done was pressed: forget the secret. */
  onDone(): void;
  /** A line under the warning, e.g. how long the old secret of a rotated key still works. */
  note?: ReactNode;
  /** Where focus goes after Done when what opened it is gone (see Dialog). */
  returnFocusTo?: () => HTMLElement | null | undefined;
}

export function SecretOnceDialog({ secret, onDone, note, returnFocusTo }: SecretOnceDialogProps) {
  const title = secret?.kind === "pair" ? "Successfully Generated your API Keys!" : "Copy your API key";
  return (
    <ShownOnceDialog
      open={secret !== null}
      title={title}
      description={secret ? `The secret of ${secret.keyName}.` : undefined}
      advice="Copy it now and store it in your approved secure location; share it only with the technical owner who needs it."
      note={note}
      onDone={onDone}
      returnFocusTo={returnFocusTo}
    >
      {secret?.kind === "token" && <SecretField label="API key" value={secret.key} />}
      {secret?.kind === "pair" && (
        <>
          <SecretField label="Shared Key" value={secret.sharedKey} />
          <SecretField label="Secret Key" value={secret.secretKey} />
        </>
      )}
    </ShownOnceDialog>
  );
}
