/**
 * One endpoint at /webhooks/:id: its URL, description, events and state; for owners and admins
 * Edit, Enabled on/off, Rotate secret (confirmed, then the new secret once), Delete (confirmed) and
 * Send test event; and its delivery log.
 */
import { AlertTriangle, ArrowLeft, Send } from "lucide-react";
import { type ReactNode, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { describeError, isApiError } from "../../api/errors";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { RelativeTime } from "../../ui/RelativeTime";
import { StatusSwitch } from "../../ui/StatusSwitch";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { DeliveryLog } from "./DeliveryLog";
import { EndpointFormDialog } from "./EndpointFormDialog";
import { describeEventType } from "./event-groups";
import {
  useDeleteWebhook,
  useRotateWebhookSecret,
  useSendTestEvent,
  useUpdateWebhook,
  useWebhookQuery,
  type WebhookEndpoint,
} from "./use-webhooks";
import { EndpointStateBadge, FailingBadge } from "./WebhookBadges";
import { type WebhookSecret, WebhookSecretDialog } from "./WebhookSecretDialog";

function BackLink() {
  return (
    <Link
      to="/webhooks"
      className="mb-3 inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900"
    >
      <ArrowLeft aria-hidden className="size-4" />
      Webhooks
    </Link>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 px-4 py-2.5 sm:grid-cols-[9rem_1fr] sm:gap-4">
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

export function WebhookDetailScreen() {
  const { webhookId = "" } = useParams();
  const query = useWebhookQuery(webhookId);
  if (query.isPending) return <LoadingState label="Loading the endpoint" />;
  if (query.isError) {
    return (
      <div>
        <BackLink />
        {isApiError(query.error, "NOT_FOUND") ? (
          <EmptyState title="Endpoint not found">
            This endpoint does not exist in this workspace, or it was deleted.
          </EmptyState>
        ) : (
          <ErrorState error={query.error} onRetry={() => query.refetch()} />
        )}
      </div>
    );
  }
  return <EndpointDetail endpoint={query.data} />;
}

type Dialog = "edit" | "rotate" | "delete";

function EndpointDetail({ endpoint }: { endpoint: WebhookEndpoint }) {
  const { abilities } = useSession();
  const navigate = useNavigate();
  const canWrite = abilities.can("webhooks:write");
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [secret, setSecret] = useState<WebhookSecret | null>(null);
  const update = useUpdateWebhook(endpoint.id);
  const rotate = useRotateWebhookSecret(endpoint.id);
  const remove = useDeleteWebhook(endpoint.id);
  const test = useSendTestEvent(endpoint.id);
  const openDialog = (which: Dialog) => (open: boolean) => setDialog(open ? which : null);

  const setEnabled = (enabled: boolean) =>
    update.mutate(
      { enabled },
      {
        onSuccess: () => toast(enabled ? "Endpoint enabled" : "Endpoint disabled: no event is sent to it"),
        onError: (error) => toast(describeError(error), "error"),
      },
    );

  return (
    <div>
      <BackLink />
      <PageHeader
        title={endpoint.description || "Webhook endpoint"}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <EndpointStateBadge enabled={endpoint.enabled} />
            {endpoint.failingSince && <FailingBadge since={endpoint.failingSince} />}
            <code className="font-mono text-xs break-all">{endpoint.url}</code>
          </span>
        }
        actions={
          canWrite && (
            <>
              <Button
                variant="primary"
                busy={test.isPending}
                disabled={!endpoint.enabled}
                title={endpoint.enabled ? undefined : "Enable the endpoint to send it a test event"}
                onClick={() =>
                  test.mutate(undefined, {
                    onSuccess: () => toast("Test event queued: it appears in the log below"),
                    onError: (error) => toast(describeError(error), "error"),
                  })
                }
              >
                <Send aria-hidden className="size-4" />
                Send test event
              </Button>
              <Button onClick={() => setDialog("edit")}>Edit</Button>
              <Button onClick={() => setDialog("rotate")}>Rotate secret</Button>
              <Button variant="danger" onClick={() => setDialog("delete")}>
                Delete
              </Button>
            </>
          )
        }
      />
      {endpoint.failingSince && (
        <div
          role="alert"
          className="mb-4 flex gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2.5 text-sm text-red-900"
        >
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>
            Deliveries to this endpoint have failed since {formatDateTime(endpoint.failingSince)}. Open a
            delivery below to see what the endpoint answered; fix it, then Redeliver.
          </p>
        </div>
      )}
      <div className="space-y-6">
        <section aria-labelledby="endpoint-details-heading" className="min-w-0 max-w-3xl">
          <h2 id="endpoint-details-heading" className="mb-3 text-base font-semibold text-slate-900">
            Details
          </h2>
          <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
            <Row label="Enabled">
              <StatusSwitch
                label="Enabled"
                visibleLabel={endpoint.enabled ? "Enabled" : "Disabled"}
                checked={endpoint.enabled}
                disabled={!canWrite || update.isPending}
                onCheckedChange={setEnabled}
              />
            </Row>
            <Row label="URL">
              <code className="font-mono text-xs break-all">{endpoint.url}</code>
            </Row>
            <Row label="Description">
              {endpoint.description || <span className="text-slate-500">None</span>}
            </Row>
            <Row label="Events">
              <ul className="flex flex-wrap gap-1">
                {endpoint.events.map((type) => (
                  <li
                    key={type}
                    title={type}
                    className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700"
                  >
                    {describeEventType(type)}
                  </li>
                ))}
              </ul>
            </Row>
            {endpoint.allTenants && <Row label="Tenants">Receives the events of every tenant</Row>}
            <Row label="Created">
              <RelativeTime iso={endpoint.createdAt} />
            </Row>
            <Row label="Updated">
              <RelativeTime iso={endpoint.updatedAt} />
            </Row>
          </dl>
        </section>
        <section aria-labelledby="endpoint-deliveries-heading" className="min-w-0">
          <h2 id="endpoint-deliveries-heading" className="mb-3 text-base font-semibold text-slate-900">
            Deliveries
          </h2>
          <DeliveryLog endpointId={endpoint.id} />
        </section>
      </div>
      {canWrite && (
        <>
          <EndpointFormDialog
            open={dialog === "edit"}
            onOpenChange={openDialog("edit")}
            endpoint={endpoint}
          />
          <ConfirmDialog
            open={dialog === "rotate"}
            onOpenChange={openDialog("rotate")}
            title="Rotate the signing secret?"
            confirmLabel="Rotate secret"
            tone="primary"
            onConfirm={async () => {
              const answer = await rotate.mutateAsync();
              setSecret({ url: endpoint.url, secret: answer.secret, rotated: true });
            }}
          >
            <p>
              A new secret signs every delivery from now on, and the old one stops working at once. Tell the
              receiver's owner first, and update the receiver right after.
            </p>
          </ConfirmDialog>
          <ConfirmDialog
            open={dialog === "delete"}
            onOpenChange={openDialog("delete")}
            title="Delete this endpoint?"
            confirmLabel="Delete endpoint"
            onConfirm={async () => {
              await remove.mutateAsync();
              toast("Endpoint deleted");
              navigate("/webhooks", { replace: true });
            }}
          >
            <p>
              <code className="font-mono text-xs break-all">{endpoint.url}</code> stops receiving events, and
              its delivery log is deleted with it. This cannot be undone.
            </p>
          </ConfirmDialog>
          <WebhookSecretDialog secret={secret} onDone={() => setSecret(null)} />
        </>
      )}
    </div>
  );
}
