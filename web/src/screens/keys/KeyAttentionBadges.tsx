/**
 * What needs attention about a key, as badges on its row, card and detail: "Rotation due",
 * "Unused 30+ days" (the workspace's own number of days), "Never expires", "Expires soon", and
 * "Leaked" in red. The badges are the server's (`attention` on the key object); the days come
 * from the workspace's key policy.
 */
import { useOptionalSession } from "../../app/session";
import { cn } from "../../ui/cn";

export type AttentionBadge = "rotation_due" | "unused" | "no_expiry" | "expiring_soon" | "leaked";

/** The badges in the order they are shown: the most urgent first. */
export const ATTENTION_ORDER: AttentionBadge[] = [
  "leaked",
  "expiring_soon",
  "rotation_due",
  "unused",
  "no_expiry",
];

const LOOK: Record<AttentionBadge, string> = {
  leaked: "bg-red-600 text-white ring-red-700",
  expiring_soon: "bg-amber-100 text-amber-900 ring-amber-600/30",
  rotation_due: "bg-amber-100 text-amber-900 ring-amber-600/30",
  unused: "bg-slate-100 text-slate-700 ring-slate-500/30",
  no_expiry: "bg-slate-100 text-slate-700 ring-slate-500/30",
};

/** "Unused 30+ days" needs the workspace's number of days. */
export function attentionLabel(badge: AttentionBadge, unusedKeyDays: number | null | undefined): string {
  switch (badge) {
    case "leaked":
      return "Leaked";
    case "expiring_soon":
      return "Expires soon";
    case "rotation_due":
      return "Rotation due";
    case "unused":
      return unusedKeyDays ? `Unused ${unusedKeyDays}+ days` : "Unused";
    case "no_expiry":
      return "Never expires";
  }
}

/** What the badge means, for its tooltip and screen readers. */
const MEANING: Record<AttentionBadge, string> = {
  leaked: "This key was reported public; replace it and revoke it",
  expiring_soon: "This key expires within 7 days; rotate it before it stops working",
  rotation_due: "This key is older than the rotation reminder; rotate it",
  unused: "Nothing has used this key lately; revoke it if it is no longer needed",
  no_expiry: "This key has no expiry date",
};

export function KeyAttentionBadges({
  attention,
  className,
}: {
  attention: readonly string[] | undefined;
  className?: string;
}) {
  const session = useOptionalSession();
  const unusedKeyDays = session?.workspace.policy.unusedKeyDays;
  const badges = ATTENTION_ORDER.filter((badge) => attention?.includes(badge));
  if (badges.length === 0) return null;
  return (
    <ul aria-label="Needs attention" className={cn("flex flex-wrap gap-1", className)}>
      {badges.map((badge) => (
        <li
          key={badge}
          title={MEANING[badge]}
          className={cn(
            "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
            LOOK[badge],
          )}
        >
          {attentionLabel(badge, unusedKeyDays)}
        </li>
      ))}
    </ul>
  );
}
