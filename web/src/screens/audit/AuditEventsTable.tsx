/**
 * The audit trail as a table: when (relative, and the exact local time), who, what, about which
 * entity, and a disclosure per row with the event's details, address and id. It scrolls inside its
 * own frame on narrow screens.
 */
import { ChevronDown, ChevronRight, Filter } from "lucide-react";
import { Fragment, useState } from "react";
import { Link } from "react-router";
import { cn } from "../../ui/cn";
import { formatDateTime } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import { ActorName } from "./ActorName";
import { describeAction } from "./audit-actions";
import type { AuditEvent } from "./use-audit-events";

export interface AuditEventsTableProps {
  events: AuditEvent[];
  nameOf(actor: AuditEvent["actor"]): string;
  /** Narrows the log to one target (the filter button beside each target). */
  onFilterTarget(targetId: string): void;
}

function targetLink(target: NonNullable<AuditEvent["target"]>): string | undefined {
  if (target.type === "key") return `/keys/${target.id}`;
  if (target.type === "app") return `/apps/${target.id}`;
  return undefined;
}

function detailText(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function EventDetails({ event }: { event: AuditEvent }) {
  const entries = Object.entries(event.details);
  return (
    <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-4 gap-y-1 text-xs">
      {entries.map(([name, value]) => (
        <Fragment key={name}>
          <dt className="font-medium text-slate-600">{name}</dt>
          <dd className="font-mono break-all whitespace-pre-wrap text-slate-900">{detailText(value)}</dd>
        </Fragment>
      ))}
      <dt className="font-medium text-slate-600">IP address</dt>
      <dd className="font-mono text-slate-900">{event.ip ?? "None"}</dd>
      <dt className="font-medium text-slate-600">Event ID</dt>
      <dd className="font-mono break-all text-slate-900">{event.id}</dd>
      <dt className="font-medium text-slate-600">Exact time</dt>
      <dd className="text-slate-900">
        {formatDateTime(event.createdAt)} ({event.createdAt})
      </dd>
    </dl>
  );
}

function EventRow({
  event,
  nameOf,
  onFilterTarget,
}: { event: AuditEvent } & Omit<AuditEventsTableProps, "events">) {
  const [open, setOpen] = useState(false);
  const detailsId = `audit-details-${event.id}`;
  const link = event.target ? targetLink(event.target) : undefined;
  const Chevron = open ? ChevronDown : ChevronRight;
  return (
    <>
      <tr className={cn("align-top", open ? "bg-slate-50" : "border-b border-slate-100")}>
        <td className="px-3 py-2.5 whitespace-nowrap">
          <div className="text-slate-900">
            <RelativeTime iso={event.createdAt} />
          </div>
          <div aria-hidden className="text-xs text-slate-500">
            {formatDateTime(event.createdAt)}
          </div>
        </td>
        <td className="max-w-56 px-3 py-2.5 break-words text-slate-800">
          <ActorName actor={event.actor} name={nameOf(event.actor)} />
        </td>
        <td className="px-3 py-2.5">
          <span className="text-slate-900">{describeAction(event.action)}</span>
          <code className="block text-xs text-slate-500">{event.action}</code>
        </td>
        <td className="px-3 py-2.5">
          {event.target ? (
            <div className="flex items-start gap-1">
              <div className="min-w-0">
                <span className="block text-xs text-slate-500 capitalize">
                  {event.target.type.replace(/_/g, " ")}
                </span>
                {link ? (
                  <Link to={link} className="font-mono text-xs break-all text-brand-700 hover:underline">
                    {event.target.id}
                  </Link>
                ) : (
                  <span className="font-mono text-xs break-all text-slate-800">{event.target.id}</span>
                )}
              </div>
              <button
                type="button"
                onClick={() => onFilterTarget(event.target?.id ?? "")}
                aria-label={`Only events about ${event.target.id}`}
                title="Only events about this target"
                className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
              >
                <Filter aria-hidden className="size-3.5" />
              </button>
            </div>
          ) : (
            <span className="text-slate-500">None</span>
          )}
        </td>
        <td className="px-3 py-2.5 text-right">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            onClick={() => setOpen(!open)}
            className="inline-flex items-center gap-1 rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
          >
            <Chevron aria-hidden className="size-4" />
            Details
            <span className="sr-only">
              {" "}
              of {describeAction(event.action)} at {formatDateTime(event.createdAt)}
            </span>
          </button>
        </td>
      </tr>
      {open && (
        <tr id={detailsId} className="border-b border-slate-100 bg-slate-50">
          <td colSpan={5} className="px-3 pt-1 pb-3">
            <EventDetails event={event} />
          </td>
        </tr>
      )}
    </>
  );
}

export function AuditEventsTable({ events, nameOf, onFilterTarget }: AuditEventsTableProps) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[720px] text-left text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Time
            </th>
            <th scope="col" className="px-3 py-2">
              Actor
            </th>
            <th scope="col" className="px-3 py-2">
              Action
            </th>
            <th scope="col" className="px-3 py-2">
              Target
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              <span className="sr-only">Details</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <EventRow key={event.id} event={event} nameOf={nameOf} onFilterTarget={onFilterTarget} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
