/**
 * The plan gate of seed 004: a screen whose feature the workspace's plan lacks shows "Upgrade
 * required" in its place, with what the current plan lacks, what the plans include, and whom to
 * ask; none of the gated screen's controls are rendered.
 *
 * @example <PlanGate feature="apiAccess"><KeysScreen /></PlanGate>
 */
import { AlertTriangle } from "lucide-react";
import type { ReactNode } from "react";
import type { Workspace } from "../api/types";
import { useSession } from "../app/session";
import { PageHeader } from "./PageHeader";
import { FEATURE_NAMES, type PlanFeature, PlanIncludes, planName } from "./PlanIncludes";

export interface PlanGateProps {
  /** The entitlement the screen needs; `apiAccess` for the keys screens. */
  feature?: PlanFeature;
  /** The screen, rendered only when the plan includes the feature. */
  children: ReactNode;
}

/** Renders its children when the workspace's plan includes the feature, else `UpgradeRequired`. */
export function PlanGate({ feature = "apiAccess", children }: PlanGateProps) {
  const { workspace } = useSession();
  if (workspace.entitlements[feature]) return <>{children}</>;
  return <UpgradeRequired feature={feature} />;
}

function whomToAsk(role: string, workspace: Workspace): string {
  if (role === "owner") {
    return `Plans are set by the operator who runs this Keygate. Ask them to move ${workspace.name} to a plan that includes it.`;
  }
  return `Ask an owner of ${workspace.name} to upgrade the plan; plans are set by the operator who runs this Keygate.`;
}

/** The "Upgrade required" screen for one feature, with the current plan's entitlements. */
export function UpgradeRequired({ feature = "apiAccess" }: { feature?: PlanFeature }) {
  const { workspace, role } = useSession();
  const featureName = FEATURE_NAMES[feature];
  return (
    <div>
      <PageHeader title="Upgrade required" />
      <div
        role="alert"
        className="mb-6 flex gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
      >
        <AlertTriangle aria-hidden className="mt-0.5 size-5 shrink-0 text-amber-600" />
        <div className="space-y-1">
          <p className="font-medium">
            {featureName} is available only on supported paid plans. The {planName(workspace.plan)} plan of{" "}
            {workspace.name} does not include it.
          </p>
          <p>{whomToAsk(role, workspace)}</p>
        </div>
      </div>
      <div className="max-w-md rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-3 text-base font-semibold text-slate-900">Your plan: {planName(workspace.plan)}</h2>
        <PlanIncludes entitlements={workspace.entitlements} />
      </div>
    </div>
  );
}
