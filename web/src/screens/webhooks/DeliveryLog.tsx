/**
 * An endpoint's delivery log, newest first: event type, status, attempts, the last response code,
 * when it was created and when the next attempt is due. Each row opens to the JSON body that was
 * sent and every attempt (time, status code, duration, the start of the answer, the error), with
 * Redeliver for those who may write webhooks. While a delivery is pending the log asks again
 * every few seconds (use-webhooks.ts).
 */
import { ChevronDown, ChevronRight, RotateCw } from "lucide-react";
import { useState } from "react";
import { describeError } from "../../api/errors";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { cn } from "../../ui/cn";
import { formatDateTime, formatNumber } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { describeEventType } from "./event-groups";
import { useDeliveriesQuery, useRedeliver, type WebhookDelivery } from "./use-webhooks";
import { DeliveryStatusBadge } from "./WebhookBadges";

const HEADERS = ["Event", "Status", "Attempts", "Last response", "Created", "Next attempt"];

/** The body Keygate sends: the event's id, type, timestamp and data (Standard Webhooks). */
function bodyOf(delivery: WebhookDelivery): string {
  const { id, type, timestamp, data } = delivery.event;
  return JSON.stringify({ id, type, timestamp, data }, null, 2);
}

function Attempts({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.attemptLog.length === 0) {
    return <p className="text-sm text-slate-600">No attempt yet: it is queued to be sent.</p>;
  }
  return (
    <ol className="space-y-2">
      {delivery.attemptLog.map((attempt, index) => (
        <li key={attempt.attemptedAt} className="rounded-md border border-slate-200 bg-white p-2.5 text-xs">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span className="font-medium text-slate-800">Attempt {index + 1}</span>
            <time dateTime={attempt.attemptedAt} className="text-slate-700">
              {formatDateTime(attempt.attemptedAt)}
            </time>
            <span className="text-slate-700">
              Status{" "}
              <span
                className={cn(
                  "font-mono font-medium",
                  attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300
                    ? "text-green-800"
                    : "text-red-800",
                )}
              >
                {attempt.statusCode ?? "no answer"}
              </span>
            </span>
            <span className="text-slate-700">{formatNumber(attempt.durationMs)} ms</span>
          </div>
          {attempt.error && <p className="mt-1 text-red-800">{attempt.error}</p>}
          {attempt.responseExcerpt && (
            <pre className="mt-1.5 rounded bg-slate-50 p-2 font-mono whitespace-pre-wrap break-all text-slate-800">
              {attempt.responseExcerpt}
            </pre>
          )}
        </li>
      ))}
    </ol>
  );
}

function DeliveryRow({ delivery, canWrite }: { delivery: WebhookDelivery; canWrite: boolean }) {
  const [open, setOpen] = useState(false);
  const redeliver = useRedeliver();
  const detailsId = `delivery-${delivery.id}`;
  const Chevron = open ? ChevronDown : ChevronRight;
  const eventName = describeEventType(delivery.eventType);
  return (
    <>
      <tr className={cn("align-top", open ? "bg-slate-50" : "border-b border-slate-100")}>
        <th scope="row" className="px-3 py-2.5 text-left font-normal">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(!open)}
            className="inline-flex items-start gap-1 rounded text-left hover:text-brand-700"
          >
            <Chevron aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              <span className="block text-slate-900">{eventName}</span>
              <code className="block text-xs text-slate-500">{delivery.eventType}</code>
            </span>
          </button>
        </th>
        <td className="px-3 py-2.5">
          <DeliveryStatusBadge status={delivery.status} />
        </td>
        <td className="px-3 py-2.5 tabular-nums">{formatNumber(delivery.attempts)}</td>
        <td className="px-3 py-2.5 font-mono">
          {delivery.lastStatusCode ?? <span className="text-slate-500">None</span>}
        </td>
        <td className="px-3 py-2.5 whitespace-nowrap">
          <RelativeTime iso={delivery.createdAt} />
        </td>
        <td className="px-3 py-2.5 whitespace-nowrap">
          {delivery.status === "pending" ? (
            <RelativeTime iso={delivery.nextAttemptAt} empty="Soon" />
          ) : (
            <span className="text-slate-500">None</span>
          )}
        </td>
      </tr>
      {open && (
        <tr id={detailsId} className="border-b border-slate-100 bg-slate-50">
          <td colSpan={HEADERS.length} className="px-3 pt-1 pb-3">
            {/* On a phone the table scrolls sideways; what opens stays within the screen's width. */}
            <div className="grid max-w-[calc(100vw-3.5rem)] gap-4 sm:max-w-none lg:grid-cols-2">
              <section aria-label={`Body of ${eventName}`} className="min-w-0">
                <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-slate-600 uppercase">
                  Body sent
                </h3>
                <pre className="rounded-md border border-slate-200 bg-white p-2.5 font-mono text-xs break-all whitespace-pre-wrap text-slate-800">
                  {bodyOf(delivery)}
                </pre>
                <p className="mt-1 text-xs text-slate-500">
                  Event ID <code className="font-mono">{delivery.eventId}</code>
                  {delivery.finishedAt ? ` · finished ${formatDateTime(delivery.finishedAt)}` : ""}
                </p>
              </section>
              <section aria-label={`Attempts of ${eventName}`} className="min-w-0">
                <div className="mb-1.5 flex items-center justify-between gap-2">
                  <h3 className="text-xs font-semibold tracking-wide text-slate-600 uppercase">Attempts</h3>
                  {canWrite && (
                    <Button
                      size="sm"
                      busy={redeliver.isPending}
                      onClick={() =>
                        redeliver.mutate(delivery.id, {
                          onSuccess: () => toast("Queued to be delivered again"),
                          onError: (error) => toast(describeError(error), "error"),
                        })
                      }
                    >
                      <RotateCw aria-hidden className="size-4" />
                      Redeliver
                    </Button>
                  )}
                </div>
                <Attempts delivery={delivery} />
              </section>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const { abilities } = useSession();
  const deliveries = useDeliveriesQuery(endpointId);
  if (deliveries.isPending) return <LoadingState label="Loading the deliveries" />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />;
  const rows = deliveries.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) {
    return (
      <EmptyState title="No deliveries yet">
        Each event this endpoint subscribes to is listed here with every attempt to deliver it. Send a test
        event to see one now.
      </EmptyState>
    );
  }
  return (
    <>
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full min-w-[720px] text-left text-sm">
          <caption className="sr-only">Deliveries, newest first</caption>
          <thead className="border-b border-slate-200 bg-slate-50">
            <tr>
              {HEADERS.map((header) => (
                <th
                  key={header}
                  scope="col"
                  className="px-3 py-2.5 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase"
                >
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((delivery) => (
              <DeliveryRow key={delivery.id} delivery={delivery} canWrite={abilities.can("webhooks:write")} />
            ))}
          </tbody>
        </table>
      </div>
      {deliveries.hasNextPage && (
        <div className="mt-3 flex justify-center">
          <Button onClick={() => deliveries.fetchNextPage()} busy={deliveries.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      )}
    </>
  );
}
