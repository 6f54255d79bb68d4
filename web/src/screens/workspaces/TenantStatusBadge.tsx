/** A tenant's status: Active in green, Suspended in amber (its keys do not verify). */
import { cn } from "../../ui/cn";

export function TenantStatusBadge({ suspended }: { suspended: boolean }) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        suspended
          ? "bg-amber-100 text-amber-800 ring-amber-600/20"
          : "bg-green-100 text-green-800 ring-green-600/20",
      )}
    >
      {suspended ? "Suspended" : "Active"}
    </span>
  );
}
