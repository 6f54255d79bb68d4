/** A key's status as a badge: Active in green, Disabled/Inactive, Revoked and Expired in grey or amber. */
import { cn } from "./cn";

export type KeyStatus = "active" | "disabled" | "revoked" | "expired";

const LOOK: Record<KeyStatus, { label: string; className: string }> = {
  active: { label: "Active", className: "bg-green-100 text-green-800 ring-green-600/20" },
  disabled: { label: "Inactive", className: "bg-slate-100 text-slate-700 ring-slate-500/20" },
  revoked: { label: "Revoked", className: "bg-slate-200 text-slate-700 ring-slate-500/30" },
  expired: { label: "Expired", className: "bg-amber-100 text-amber-800 ring-amber-600/20" },
};

export function StatusBadge({ status }: { status: KeyStatus }) {
  const look = LOOK[status];
  return (
    <span
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        look.className,
      )}
    >
      {look.label}
    </span>
  );
}
