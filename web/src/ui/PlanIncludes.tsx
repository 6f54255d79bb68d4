/**
 * What a plan includes, as a short list a person can read: API Access, IP allowlists, rate limits
 * and quotas, audit export, and the member and key limits. The entitlements come from the API
 * (the session's workspace, or `GET /v1/plans`), never from a copy here.
 */
import { Check, X } from "lucide-react";
import type { Workspace } from "../api/types";
import { cn } from "./cn";
import { formatNumber } from "./format";

export type Entitlements = Workspace["entitlements"];

/** The features a plan can include or lack, in the words the Upgrade required screen uses. */
export type PlanFeature = {
  [K in keyof Entitlements]: Entitlements[K] extends boolean ? K : never;
}[keyof Entitlements];

export const FEATURE_NAMES: Record<PlanFeature, string> = {
  apiAccess: "API Access",
  ipAllowlists: "IP allowlists",
  usageLimits: "Rate limits and quotas",
  auditExport: "Audit log export (CSV)",
};

const FEATURES = Object.keys(FEATURE_NAMES) as PlanFeature[];

function limitText(limit: number | null, one: string, many: string): string {
  if (limit === null) return `Unlimited ${many}`;
  if (limit === 0) return `No ${many}`;
  return `Up to ${formatNumber(limit)} ${limit === 1 ? one : many}`;
}

/** A plan's name as shown: "Free", "Pro", "Enterprise". */
export function planName(plan: string): string {
  return plan.charAt(0).toUpperCase() + plan.slice(1);
}

/** The plan's features with a tick or a cross each, then its member and key limits. */
export function PlanIncludes({
  entitlements,
  className,
}: {
  entitlements: Entitlements;
  className?: string;
}) {
  return (
    <ul className={cn("space-y-1.5 text-sm", className)}>
      {FEATURES.map((feature) => {
        const included = entitlements[feature];
        const Icon = included ? Check : X;
        return (
          <li key={feature} className="flex items-center gap-2">
            <Icon
              aria-hidden
              className={cn("size-4 shrink-0", included ? "text-green-600" : "text-slate-400")}
            />
            <span className={included ? "text-slate-800" : "text-slate-500"}>
              {FEATURE_NAMES[feature]}
              <span className="sr-only">{included ? ": included" : ": not included"}</span>
            </span>
          </li>
        );
      })}
      <li className="flex items-center gap-2 text-slate-800">
        <span aria-hidden className="size-4 shrink-0" />
        {limitText(entitlements.maxMembers, "member", "members")}
      </li>
      <li className="flex items-center gap-2 text-slate-800">
        <span aria-hidden className="size-4 shrink-0" />
        {limitText(entitlements.maxKeys, "API key", "API keys")}
      </li>
    </ul>
  );
}
