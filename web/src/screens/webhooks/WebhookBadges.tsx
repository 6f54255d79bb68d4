/**
 * The badges of the webhook screens: an endpoint's Enabled / Disabled and, while its deliveries
 * keep failing, "Failing since …" in red; a delivery's Pending, Delivered or Failed.
 */
import { cn } from "../../ui/cn";
import { formatDateTime, formatRelative } from "../../ui/format";

const badgeClass = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

export function EndpointStateBadge({ enabled }: { enabled: boolean }) {
  return (
    <span
      className={cn(
        badgeClass,
        enabled
          ? "bg-green-100 text-green-800 ring-green-600/20"
          : "bg-slate-100 text-slate-700 ring-slate-500/20",
      )}
    >
      {enabled ? "Enabled" : "Disabled"}
    </span>
  );
}

export function FailingBadge({ since }: { since: string }) {
  return (
    <span className={cn(badgeClass, "bg-red-100 text-red-800 ring-red-600/20")}>
      Failing since&nbsp;
      <time dateTime={since} title={formatRelative(since)}>
        {formatDateTime(since)}
      </time>
    </span>
  );
}

export type DeliveryStatus = "pending" | "delivered" | "failed";

const DELIVERY_LOOK: Record<DeliveryStatus, { label: string; className: string }> = {
  pending: { label: "Pending", className: "bg-amber-100 text-amber-800 ring-amber-600/20" },
  delivered: { label: "Delivered", className: "bg-green-100 text-green-800 ring-green-600/20" },
  failed: { label: "Failed", className: "bg-red-100 text-red-800 ring-red-600/20" },
};

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  const look = DELIVERY_LOOK[status];
  return <span className={cn(badgeClass, look.className)}>{look.label}</span>;
}
