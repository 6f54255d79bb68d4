/**
 * `/settings/root-keys`, Root keys: the workspace's management credentials for the API (name,
 * start, permissions, created, last used). Owners and admins create one (its secret shown once)
 * and delete one after a confirmation naming it; it stops working at once.
 */
import { KeyRound, Trash2 } from "lucide-react";
import { type ReactNode, useState } from "react";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { formatDate } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { RelativeTime } from "../../ui/RelativeTime";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { type OnceSecret, SecretOnceDialog } from "../keys/SecretOnceDialog";
import { CreateRootKeyDialog } from "./CreateRootKeyDialog";
import { rootKeyPermissionsFor } from "./root-key-permissions";
import { type RootKey, useCreateRootKey, useDeleteRootKey, useRootKeysQuery } from "./use-members";

export function RootKeysScreen() {
  const { abilities, workspace } = useSession();
  const canRead = abilities.can("root_keys:read");
  const canWrite = abilities.can("root_keys:write");
  const keys = useRootKeysQuery(canRead);
  const create = useCreateRootKey();
  const remove = useDeleteRootKey();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<OnceSecret | null>(null);
  const [deleting, setDeleting] = useState<RootKey>();

  let body: ReactNode;
  if (!canRead) {
    body = <EmptyState title="Only owners and admins see root keys" />;
  } else if (keys.isPending) {
    body = <LoadingState label="Loading the root keys" />;
  } else if (keys.isError) {
    body = <ErrorState error={keys.error} onRetry={() => keys.refetch()} />;
  } else if (keys.data.length === 0) {
    body = (
      <EmptyState
        title="No root keys yet"
        action={
          canWrite && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              Create root key
            </Button>
          )
        }
      >
        A root key lets a script or your platform's servers call the Keygate API, for instance to verify keys.
      </EmptyState>
    );
  } else {
    body = (
      <ul
        aria-label="Root keys"
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
      >
        {keys.data.map((key) => (
          <li
            key={key.id}
            className="flex flex-col gap-2 px-4 py-3 text-sm md:flex-row md:items-center md:gap-4"
          >
            <div className="min-w-0 flex-1">
              <p className="flex items-center gap-2 font-medium text-slate-900">
                <KeyRound aria-hidden className="size-4 text-slate-500" />
                {key.name}
                <code className="font-mono text-xs font-normal text-slate-500">{key.start}…</code>
              </p>
              <p className="mt-1 flex flex-wrap gap-1">
                {key.permissions.map((permission) => (
                  <code
                    key={permission}
                    className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700"
                  >
                    {permission}
                  </code>
                ))}
              </p>
            </div>
            <p className="text-slate-600">
              Created {formatDate(key.createdAt)} · last used{" "}
              <RelativeTime iso={key.lastUsedAt} empty="never" />
            </p>
            {canWrite && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setDeleting(key)}
                aria-label={`Delete ${key.name}`}
              >
                <Trash2 aria-hidden className="size-4" />
                Delete
              </Button>
            )}
          </li>
        ))}
      </ul>
    );
  }

  return (
    <>
      <PageHeader
        title="Root keys"
        description="Management credentials for the Keygate API (Authorization: Bearer <root key>), for scripts and your platform's servers. Each acts with its own permissions."
        actions={
          canWrite &&
          keys.data &&
          keys.data.length > 0 && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              Create root key
            </Button>
          )
        }
      />
      {body}
      {canWrite && (
        <CreateRootKeyDialog
          open={creating}
          onOpenChange={setCreating}
          permissions={rootKeyPermissionsFor(workspace.kind)}
          onCreate={async (input) => {
            const created = await create.mutateAsync(input);
            setSecret({ kind: "token", keyName: created.name, key: created.key });
          }}
        />
      )}
      <SecretOnceDialog secret={secret} onDone={() => setSecret(null)} />
      <ConfirmDialog
        open={deleting !== undefined}
        onOpenChange={(open) => !open && setDeleting(undefined)}
        title={deleting ? `Delete ${deleting.name}?` : "Delete root key?"}
        confirmLabel="Delete root key"
        onConfirm={async () => {
          if (!deleting) return;
          await remove.mutateAsync(deleting.id);
          toast(`${deleting.name} was deleted`);
        }}
      >
        <p>Scripts and servers using it are refused at once, on every node. This cannot be undone.</p>
      </ConfirmDialog>
    </>
  );
}
