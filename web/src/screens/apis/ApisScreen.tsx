/**
 * Connected APIs (`/apis`): the APIs of the platform that apps connect to, with the scopes each
 * offers; create, edit and delete for those holding `apis:write`, read-only for everyone else.
 */
import { Plus } from "lucide-react";
import { type ReactNode, useState } from "react";
import type { ConnectedApi } from "../../api/types";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { ApiCard } from "./ApiCard";
import { ApiFormDialog } from "./ApiFormDialog";
import { useApisQuery, useCreateApi, useDeleteApi, useUpdateApi } from "./use-apis";

type Editing = { mode: "create" } | { mode: "edit"; api: ConnectedApi };

export function ApisScreen() {
  const { abilities } = useSession();
  const canWrite = abilities.can("apis:write");
  const apis = useApisQuery();
  const createApi = useCreateApi();
  const updateApi = useUpdateApi();
  const deleteApi = useDeleteApi();
  const [editing, setEditing] = useState<Editing>();
  const [deleting, setDeleting] = useState<ConnectedApi>();

  const newButton = canWrite && (
    <Button variant="primary" onClick={() => setEditing({ mode: "create" })}>
      <Plus aria-hidden className="size-4" />
      New API
    </Button>
  );

  let content: ReactNode;
  if (apis.isPending) content = <LoadingState label="Loading connected APIs" />;
  else if (apis.isError) content = <ErrorState error={apis.error} onRetry={() => apis.refetch()} />;
  else if (apis.data.length === 0)
    content = (
      <EmptyState title="No connected APIs yet" action={newButton || undefined}>
        Declare each API of your platform and the scopes it offers (such as <code>orders:read</code>
        ). Apps connect to APIs, and their keys may hold only those scopes.
        {!canWrite && " Ask an admin to add one."}
      </EmptyState>
    );
  else
    content = (
      <ul className="space-y-3">
        {apis.data.map((item) => (
          <ApiCard
            key={item.id}
            api={item}
            canWrite={canWrite}
            onEdit={() => setEditing({ mode: "edit", api: item })}
            onDelete={() => setDeleting(item)}
          />
        ))}
      </ul>
    );

  const editingApi = editing?.mode === "edit" ? editing.api : undefined;
  return (
    <div>
      <PageHeader
        title="Connected APIs"
        description="The APIs your apps connect to, and the scopes each one offers to their keys."
        actions={apis.data && apis.data.length > 0 ? newButton : undefined}
      />
      {content}
      <ApiFormDialog
        open={editing !== undefined}
        onOpenChange={(open) => !open && setEditing(undefined)}
        editing={editingApi}
        onSave={async (values) => {
          if (editingApi) {
            await updateApi.mutateAsync({ id: editingApi.id, body: values });
            toast(`${values.name} saved`);
          } else {
            await createApi.mutateAsync(values);
            toast(`${values.name} created`);
          }
        }}
      />
      <ConfirmDialog
        open={deleting !== undefined}
        onOpenChange={(open) => !open && setDeleting(undefined)}
        title={`Delete ${deleting?.name ?? "API"}?`}
        confirmLabel="Delete API"
        onConfirm={async () => {
          if (!deleting) return;
          await deleteApi.mutateAsync(deleting.id);
          toast(`${deleting.name} deleted`);
        }}
      >
        <p>
          <strong>{deleting?.name}</strong> and the scopes it offers will be gone. Apps still connected to it
          must be disconnected first.
        </p>
      </ConfirmDialog>
    </div>
  );
}
