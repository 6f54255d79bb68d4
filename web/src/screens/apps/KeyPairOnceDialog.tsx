/**
 * "Generate Key" on an app's page: the new Shared Key and Secret Key, once, in a dialog that only
 * "Done" closes (no outside click or Escape loses the secret by accident).
 */
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { KeyPairSecrets } from "./KeyPairSecrets";

export interface KeyPairOnceDialogProps {
  pair: { name: string; sharedKey: string; secretKey: string } | undefined;
  onDone(): void;
}

export function KeyPairOnceDialog({ pair, onDone }: KeyPairOnceDialogProps) {
  return (
    <Dialog
      open={pair !== undefined}
      onOpenChange={(open) => !open && onDone()}
      dismissible={false}
      title="Successfully Generated your API Keys!"
      description={pair ? `The new key pair ${pair.name} is in API Credentials.` : undefined}
      footer={
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      }
    >
      {pair && <KeyPairSecrets sharedKey={pair.sharedKey} secretKey={pair.secretKey} />}
    </Dialog>
  );
}
