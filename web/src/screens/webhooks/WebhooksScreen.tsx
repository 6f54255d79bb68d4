/**
 * Webhooks at /webhooks: the endpoints Keygate sends this workspace's key events to, each with its
 * URL, description, events, Enabled / Disabled and "Failing since …"; a banner at the top while
 * any endpoint is failing; an empty state that says what webhooks are for. Owners and admins
 * (webhooks:write) add endpoints; everyone else reads.
 */
import { AlertTriangle, Plus } from "lucide-react";
import { type ReactNode, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { EndpointFormDialog } from "./EndpointFormDialog";
import { describeEventType, WEBHOOK_EVENT_TYPES } from "./event-groups";
import { useWebhooksQuery, type WebhookEndpoint } from "./use-webhooks";
import { EndpointStateBadge, FailingBadge } from "./WebhookBadges";

/** "All events", the names of up to three, or "5 events". */
export function describeEvents(events: readonly string[]): string {
  if (WEBHOOK_EVENT_TYPES.every((type) => events.includes(type))) return "All events";
  if (events.length <= 3) return events.map(describeEventType).join(", ");
  return `${events.length} events`;
}

export function WebhooksScreen() {
  const { abilities } = useSession();
  const navigate = useNavigate();
  const endpoints = useWebhooksQuery();
  const [adding, setAdding] = useState(false);
  const headerAdd = useRef<HTMLButtonElement>(null);
  const canWrite = abilities.can("webhooks:write");
  const rows = endpoints.data?.data ?? [];
  const failing = rows.filter((endpoint) => endpoint.failingSince);
  const empty = endpoints.isSuccess && rows.length === 0;

  let content: ReactNode;
  if (endpoints.isPending) content = <LoadingState label="Loading the endpoints" />;
  else if (endpoints.isError)
    content = <ErrorState error={endpoints.error} onRetry={() => endpoints.refetch()} />;
  else if (empty) {
    content = (
      <EmptyState
        title="No webhook endpoints yet"
        action={
          canWrite && (
            <Button variant="primary" onClick={() => setAdding(true)}>
              <Plus aria-hidden className="size-4" />
              Add endpoint
            </Button>
          )
        }
      >
        <p>
          A webhook tells your own systems the moment something happens to a key: created, rotated, revoked,
          about to expire, unused, or found leaked. Keygate signs every request, retries until your server
          answers, and logs each attempt here.
        </p>
        {!canWrite && <p className="mt-2">Owners and admins add endpoints.</p>}
      </EmptyState>
    );
  } else content = <EndpointsList endpoints={rows} />;

  return (
    <div>
      <PageHeader
        title="Webhooks"
        description="Signed HTTP requests to your servers when a key changes or needs attention."
        actions={
          canWrite &&
          !empty && (
            <Button ref={headerAdd} variant="primary" onClick={() => setAdding(true)}>
              <Plus aria-hidden className="size-4" />
              Add endpoint
            </Button>
          )
        }
      />
      {failing.length > 0 && (
        <div
          role="alert"
          className="mb-4 flex gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2.5 text-sm text-red-900"
        >
          <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>
            {failing.length === 1
              ? "1 endpoint is failing: a delivery to it was retried for a day without success."
              : `${failing.length} endpoints are failing: a delivery to each was retried for a day without success.`}{" "}
            New events are still sent. Open the endpoint to see each attempt's answer, fix the receiver, then
            redeliver what it missed.
          </p>
        </div>
      )}
      {content}
      {canWrite && (
        <EndpointFormDialog
          open={adding}
          onOpenChange={setAdding}
          returnFocusTo={() => headerAdd.current}
          onCreated={(endpoint) => navigate(`/webhooks/${endpoint.id}`)}
        />
      )}
    </div>
  );
}

function EndpointsList({ endpoints }: { endpoints: WebhookEndpoint[] }) {
  return (
    <ul
      aria-label="Webhook endpoints"
      className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
    >
      {endpoints.map((endpoint) => (
        <li
          key={endpoint.id}
          className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between"
        >
          <div className="min-w-0">
            <Link
              to={`/webhooks/${endpoint.id}`}
              className="block truncate font-mono text-sm font-medium text-slate-900 hover:text-brand-700 hover:underline"
            >
              {endpoint.url}
            </Link>
            {endpoint.description && (
              <p className="truncate text-sm text-slate-600">{endpoint.description}</p>
            )}
            <p className="text-xs text-slate-500">
              {describeEvents(endpoint.events)}
              {endpoint.allTenants ? " · every tenant" : ""}
            </p>
          </div>
          <div className="flex shrink-0 flex-wrap items-center gap-2">
            {endpoint.failingSince && <FailingBadge since={endpoint.failingSince} />}
            <EndpointStateBadge enabled={endpoint.enabled} />
          </div>
        </li>
      ))}
    </ul>
  );
}
