/**
 * `/settings/workspace`: the workspace's name, default key prefix, key policy and plan, and for the
 * operator's workspace (platform mode) the key portal's branding. Owners change them; everyone
 * else reads them.
 */
import { useSession } from "../../app/session";
import { PageHeader } from "../../ui/PageHeader";
import { ErrorState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { PortalBrandingSection } from "./PortalBrandingSection";
import { RecoverableKeysSection } from "./RecoverableKeysSection";
import { useUpdateWorkspace, useWorkspaceQuery } from "./use-workspace";
import { WorkspacePlanSection } from "./WorkspacePlanSection";
import { WorkspaceSettingsForm } from "./WorkspaceSettingsForm";

export function WorkspaceSettingsScreen() {
  const session = useSession();
  const query = useWorkspaceQuery(session.workspace);
  const update = useUpdateWorkspace();
  const canEdit = session.abilities.can("workspace:write");
  const workspace = query.data;

  return (
    <>
      <PageHeader
        title="Workspace"
        description={
          canEdit
            ? "The name, key prefix, key policy and plan of this workspace."
            : `Only owners can change these settings; you are ${session.role === "admin" ? "an" : "a"} ${session.role} here.`
        }
      />
      {query.isError && !workspace ? (
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white px-4 py-6 sm:px-6">
          <WorkspaceSettingsForm
            workspace={workspace}
            canEdit={canEdit}
            onSave={async (changes) => {
              const saved = await update.mutateAsync(changes);
              toast("Workspace settings saved");
              return saved;
            }}
          />
          <RecoverableKeysSection
            workspace={workspace}
            canEdit={canEdit}
            onChange={(recoverableKeys) => update.mutateAsync({ recoverableKeys })}
          />
          {workspace.kind === "operator" && (
            <PortalBrandingSection
              branding={workspace.branding}
              canEdit={canEdit}
              onSave={async (branding) => {
                await update.mutateAsync({ branding });
                toast("Portal branding saved");
              }}
            />
          )}
          <WorkspacePlanSection workspace={workspace} />
        </div>
      )}
    </>
  );
}
