/**
 * The plan gate of seed 004: a screen whose feature the workspace's plan lacks shows "Upgrade
 * required" in its place, with what the current plan lacks, what each plan includes (from
 * `GET /v1/plans`), and whom to ask; none of the gated screen's controls are rendered.
 *
 * @example <PlanGate feature="apiAccess"><KeysScreen /></PlanGate>
 */
import { AlertTriangle } from "lucide-react";
import type { ReactNode } from "react";
import type { Role, Workspace } from "../api/types";
import { useOptionalSession, useSession } from "../app/session";
import { PageHeader } from "./PageHeader";
import { PlanComparison } from "./PlanComparison";
import { FEATURE_NAMES, type PlanFeature, planName } from "./PlanIncludes";

export interface PlanGateProps {
  /** The entitlement the screen needs; `apiAccess` for the keys screens. */
  feature?: PlanFeature;
  /** The screen, rendered only when the plan includes the feature. */
  children: ReactNode;
}

/** Renders its children when the workspace's plan includes the feature, else `UpgradeRequired`. */
export function PlanGate({ feature = "apiAccess", children }: PlanGateProps) {
  const { workspace, role } = useSession();
  if (workspace.entitlements[feature]) return <>{children}</>;
  return <UpgradeRequired feature={feature} workspace={workspace} memberRole={role} />;
}

function whomToAsk(role: Role, workspace: Workspace, platform: string | undefined): string {
  // In the key portal the platform sells the plans: the upgrade happens in its product.
  if (platform)
    return `Plans are managed in ${platform}: upgrade the plan of ${workspace.name} there to use it.`;
  if (role === "owner") {
    return `Plans are set by the operator who runs this Keygate. Ask them to move ${workspace.name} to a plan that includes it.`;
  }
  return `Ask an owner of ${workspace.name} to upgrade the plan; plans are set by the operator who runs this Keygate.`;
}

/** The features the plan lacks, in words ("API Access, IP allowlists"). */
function lacking(workspace: Workspace): string[] {
  return (Object.keys(FEATURE_NAMES) as PlanFeature[])
    .filter((feature) => !workspace.entitlements[feature])
    .map((feature) => FEATURE_NAMES[feature]);
}

export interface UpgradeRequiredProps {
  feature: PlanFeature;
  workspace: Workspace;
  /** The reader's role in the workspace, to say whom they ask. */
  memberRole: Role;
}

/** The "Upgrade required" screen for one feature of a workspace. */
export function UpgradeRequired({ feature, workspace, memberRole }: UpgradeRequiredProps) {
  const plan = planName(workspace.plan);
  const platform = useOptionalSession()?.portal?.branding.productName;
  return (
    <div>
      <PageHeader title="Upgrade required" />
      <div
        role="alert"
        className="mb-6 flex gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
      >
        <AlertTriangle aria-hidden className="mt-0.5 size-5 shrink-0 text-amber-600" />
        <div className="space-y-1.5">
          <p className="font-medium">
            {FEATURE_NAMES[feature]} is available only on supported paid plans. The {plan} plan of{" "}
            {workspace.name} does not include it.
          </p>
          <p>
            The {plan} plan lacks: {lacking(workspace).join(", ")}.
          </p>
          <p>{whomToAsk(memberRole, workspace, platform)}</p>
        </div>
      </div>
      <h2 className="mb-3 text-base font-semibold text-slate-900">What each plan includes</h2>
      <PlanComparison workspace={workspace} />
    </div>
  );
}
