/**
 * One key at /keys/:keyId: the leak notice when it was found in public, its attention badges, every field (its identity too, with "Revoke all keys of <externalId>"
 * for admins and owners), the Enabled switch and the actions, the usage chart
 * (last 24 hours, 7 days, 30 days) and its audit history. A plan without API Access still sees
 * an existing key (it keeps working), under the banner that new keys need an upgrade.
 */
import { ArrowLeft } from "lucide-react";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { isApiError } from "../../api/errors";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge } from "../../ui/StatusBadge";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { actorOfId, useActorNames } from "../audit/use-actor-names";
import { KeyActionsMenu } from "./KeyActionsMenu";
import { KeyAttentionBadges } from "./KeyAttentionBadges";
import { KeyAuditHistory } from "./KeyAuditHistory";
import { KeyFields } from "./KeyFields";
import { KeyLeakNotice } from "./KeyLeakNotice";
import { KeyStatusSwitch } from "./KeyStatusSwitch";
import { ExistingKeysBanner } from "./KeysPlanGate";
import { KeyUsagePanel } from "./KeyUsagePanel";
import { RevokeIdentityKeysDialog } from "./RevokeIdentityKeysDialog";
import { useAppChoices, useKeyQuery } from "./use-keys";

export function KeyDetailScreen() {
  return <KeyDetail />;
}

function BackLink() {
  return (
    <Link
      to="/settings/api-access"
      className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
    >
      <ArrowLeft aria-hidden className="size-4" />
      API Keys
    </Link>
  );
}

function KeyDetail() {
  const { keyId = "" } = useParams();
  const { abilities, workspace, role } = useSession();
  const navigate = useNavigate();
  const key = useKeyQuery(keyId);
  const apps = useAppChoices();
  const { nameOf } = useActorNames();
  const [revokingIdentity, setRevokingIdentity] = useState(false);

  if (key.isPending) return <LoadingState label="Loading the key" />;
  if (key.isError) {
    return (
      <div>
        <BackLink />
        {isApiError(key.error, "NOT_FOUND") ? (
          <EmptyState title="Key not found">
            This key does not exist in this workspace, or it was deleted. The audit log keeps what happened to
            it.
          </EmptyState>
        ) : (
          <ErrorState error={key.error} onRetry={() => key.refetch()} />
        )}
      </div>
    );
  }

  const apiKey = key.data;
  const appTitle = apiKey.appId ? apps.data?.data.find((app) => app.id === apiKey.appId)?.title : undefined;
  return (
    <div>
      <BackLink />
      {!workspace.entitlements.apiAccess && <ExistingKeysBanner workspace={workspace} role={role} />}
      <PageHeader
        title={apiKey.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <StatusBadge status={apiKey.status} />
            <code className="font-mono text-xs">{apiKey.start}…</code>
            <KeyAttentionBadges attention={apiKey.attention} />
          </span>
        }
        actions={
          <div className="flex items-center gap-3">
            <KeyStatusSwitch apiKey={apiKey} showLabel />
            <KeyActionsMenu
              apiKey={apiKey}
              onDetailScreen
              onDeleted={() => navigate("/settings/api-access", { replace: true })}
            />
          </div>
        }
      />
      <KeyLeakNotice apiKey={apiKey} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="key-details-heading" className="min-w-0">
          <h2 id="key-details-heading" className="mb-3 text-base font-semibold text-slate-900">
            Details
          </h2>
          <KeyFields
            apiKey={apiKey}
            appTitle={appTitle}
            createdByName={apiKey.createdBy ? nameOf(actorOfId(apiKey.createdBy)) : undefined}
          />
          {apiKey.identityId && apiKey.externalId && abilities.canManageKeys && (
            <div className="mt-3 flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm sm:flex-row sm:items-center sm:justify-between">
              <p className="text-slate-600">
                The keys of {apiKey.externalId} can be revoked together, when that customer leaves or one of
                their keys leaks.
              </p>
              <Button size="sm" variant="danger" onClick={() => setRevokingIdentity(true)}>
                Revoke all keys of {apiKey.externalId}
              </Button>
              <RevokeIdentityKeysDialog
                identityId={apiKey.identityId}
                externalId={apiKey.externalId}
                open={revokingIdentity}
                onOpenChange={setRevokingIdentity}
              />
            </div>
          )}
        </section>
        <div className="min-w-0 space-y-6">
          {abilities.canSeeUsage && (
            <section aria-labelledby="key-usage-heading">
              <h2 id="key-usage-heading" className="mb-3 text-base font-semibold text-slate-900">
                Usage
              </h2>
              <div className="rounded-lg border border-slate-200 bg-white p-4">
                <KeyUsagePanel keyId={apiKey.id} />
              </div>
            </section>
          )}
          {abilities.can("audit:read") && (
            <section aria-labelledby="key-history-heading">
              <h2 id="key-history-heading" className="mb-3 text-base font-semibold text-slate-900">
                History
              </h2>
              <KeyAuditHistory keyId={apiKey.id} />
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
