/**
 * Delete a key (seeds 000, 002, 003): a confirmation that names the key and warns that every
 * integration using it stops at once; `DELETE /v1/keys/{id}` (204) only on "Delete key".
 */
import type { KeyObject } from "../../api/types";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { toast } from "../../ui/toast";
import { useDeleteKey } from "./use-keys";

export interface KeyDialogProps {
  apiKey: Pick<KeyObject, "id" | "name" | "environment" | "start">;
  open: boolean;
  onOpenChange(open: boolean): void;
}

export interface DeleteKeyDialogProps extends KeyDialogProps {
  /** After the key is gone (say, leave its detail screen). */
  onDeleted?(): void;
}

export function DeleteKeyDialog({ apiKey, open, onOpenChange, onDeleted }: DeleteKeyDialogProps) {
  const remove = useDeleteKey(apiKey.id);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete ${apiKey.name}?`}
      confirmLabel="Delete key"
      onConfirm={async () => {
        await remove.mutateAsync();
        toast(`${apiKey.name} deleted`);
        onDeleted?.();
      }}
    >
      <p>
        Deleting <strong>{apiKey.name}</strong> (<code className="font-mono">{apiKey.start}…</code>)
        immediately stops all integrations using that key. It will no longer be available for authentication,
        and it disappears from the list; the audit log keeps what happened.
      </p>
      <p>
        Delete a key only when you are replacing it or retiring the integration; the app's configuration must
        then be updated too.
      </p>
    </ConfirmDialog>
  );
}
