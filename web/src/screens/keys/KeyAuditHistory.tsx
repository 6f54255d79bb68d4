/**
 * What happened to a key, newest first (`GET /v1/audit-events?targetId=`): the action in words,
 * who did it, when, from where, and the event's details. Shown only to people who read the audit
 * log.
 */
import { Link } from "react-router";
import { Button } from "../../ui/Button";
import { RelativeTime } from "../../ui/RelativeTime";
import { ErrorState, LoadingState } from "../../ui/states";
import { ActorName } from "../audit/ActorName";
import { describeAction } from "../audit/audit-actions";
import { useActorNames } from "../audit/use-actor-names";
import { useKeyAuditEvents } from "./use-keys";

function detailsText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([name, value]) => `${name}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(" · ");
}

export function KeyAuditHistory({ keyId }: { keyId: string }) {
  const events = useKeyAuditEvents(keyId);
  const { nameOf } = useActorNames();
  if (events.isPending) return <LoadingState label="Loading the key's history" />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => events.refetch()} />;
  const rows = events.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) return <p className="text-sm text-slate-500">No events recorded for this key.</p>;
  return (
    <div className="space-y-3">
      <ol
        aria-label="Key history"
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
      >
        {rows.map((event) => (
          <li
            key={event.id}
            className="flex flex-col gap-0.5 px-4 py-2.5 text-sm sm:flex-row sm:items-baseline sm:gap-4"
          >
            <span className="shrink-0 text-slate-500 sm:w-36">
              <RelativeTime iso={event.createdAt} />
            </span>
            <span className="min-w-0 flex-1">
              <span className="font-medium text-slate-900">{describeAction(event.action)}</span>
              <span className="text-slate-600">
                {" "}
                by <ActorName actor={event.actor} name={nameOf(event.actor)} />
              </span>
              {event.ip && <span className="text-slate-500"> from {event.ip}</span>}
              {Object.keys(event.details).length > 0 && (
                <span className="block truncate text-xs text-slate-500">{detailsText(event.details)}</span>
              )}
            </span>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap items-center gap-3">
        {events.hasNextPage && (
          <Button size="sm" onClick={() => events.fetchNextPage()} busy={events.isFetchingNextPage}>
            Load older events
          </Button>
        )}
        <Link
          to={`/audit?targetId=${encodeURIComponent(keyId)}`}
          className="text-sm text-brand-700 hover:underline"
        >
          Open in the audit log
        </Link>
      </div>
    </div>
  );
}
