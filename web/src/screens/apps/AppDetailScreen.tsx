/**
 * An app's page (`/apps/:appId`; seed 001's Application Details, seed 000's Manage API Key): App
 * Information with Edit and Delete, then the tabs "API Credentials" (its key pairs) and
 * "Connected APIs". What a role may not do is not offered; the API refuses it anyway.
 */
import { ArrowLeft, Pencil, Trash2 } from "lucide-react";
import { Tabs } from "radix-ui";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { isApiError } from "../../api/errors";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { ApiCredentialsTab } from "./ApiCredentialsTab";
import { AppInformation } from "./AppInformation";
import { ConnectedApisTab } from "./ConnectedApisTab";
import { EditAppDialog } from "./EditAppDialog";
import { useAppQuery, useDeleteApp, useUpdateApp } from "./use-apps";

const tabClass =
  "-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 " +
  "focus-visible:outline-2 focus-visible:outline-brand-600 data-[state=active]:border-brand-600 data-[state=active]:text-brand-700";

function BackToApps() {
  return (
    <Link
      to="/apps"
      className="mb-3 inline-flex items-center gap-1 text-sm font-medium text-slate-600 hover:text-slate-900"
    >
      <ArrowLeft aria-hidden className="size-4" />
      Apps
    </Link>
  );
}

export function AppDetailScreen() {
  const { appId = "" } = useParams();
  const { abilities } = useSession();
  const navigate = useNavigate();
  const app = useAppQuery(appId);
  const update = useUpdateApp(appId);
  const remove = useDeleteApp();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  if (app.isPending) return <LoadingState label="Loading the app" />;
  if (app.isError)
    return (
      <div>
        <BackToApps />
        {isApiError(app.error, "NOT_FOUND") || isApiError(app.error, "VALIDATION_FAILED") ? (
          <>
            <PageHeader title="App not found" />
            <EmptyState title="There is no such app in this workspace">
              It may have been deleted. Go back to Apps to see the ones there are.
            </EmptyState>
          </>
        ) : (
          <ErrorState error={app.error} onRetry={() => app.refetch()} />
        )}
      </div>
    );

  const canWrite = abilities.can("apps:write");
  const keyCount = app.data.keys.length;
  return (
    <div className="space-y-6">
      <div>
        <BackToApps />
        <PageHeader
          title={app.data.title}
          description={app.data.description || undefined}
          actions={
            canWrite && (
              <>
                <Button onClick={() => setEditing(true)}>
                  <Pencil aria-hidden className="size-4" />
                  Edit app
                </Button>
                <Button variant="danger" onClick={() => setDeleting(true)}>
                  <Trash2 aria-hidden className="size-4" />
                  Delete app
                </Button>
              </>
            )
          }
        />
        <AppInformation app={app.data} />
      </div>

      <Tabs.Root defaultValue="credentials">
        <Tabs.List
          aria-label="App sections"
          className="mb-4 flex gap-2 overflow-x-auto border-b border-slate-200"
        >
          <Tabs.Trigger value="credentials" className={tabClass}>
            API Credentials
          </Tabs.Trigger>
          <Tabs.Trigger value="apis" className={tabClass}>
            Connected APIs
          </Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="credentials" className="focus-visible:outline-none">
          <h2 className="sr-only">API Credentials</h2>
          <ApiCredentialsTab app={app.data} />
        </Tabs.Content>
        <Tabs.Content value="apis" className="focus-visible:outline-none">
          <h2 className="sr-only">Connected APIs</h2>
          <ConnectedApisTab app={app.data} />
        </Tabs.Content>
      </Tabs.Root>

      <EditAppDialog
        app={app.data}
        open={editing}
        onOpenChange={setEditing}
        onSave={async (change) => {
          await update.mutateAsync(change);
          toast("App saved");
        }}
      />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${app.data.title}?`}
        confirmLabel="Delete app"
        onConfirm={async () => {
          await remove.mutateAsync(app.data.id);
          toast(`${app.data.title} deleted`);
          navigate("/apps", { replace: true });
        }}
      >
        <p>
          <strong>{app.data.title}</strong> and its {keyCount} {keyCount === 1 ? "key" : "keys"} will be
          deleted. Every integration using those keys stops at once. The audit log keeps what happened.
        </p>
      </ConfirmDialog>
    </div>
  );
}
