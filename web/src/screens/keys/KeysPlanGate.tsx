/**
 * The plan gate of the keys screens. A workspace whose plan includes API Access sees the screen
 * as it is. One whose plan lacks it (never had it, or a platform moved it down) is refused new
 * keys by the API (402 PLAN_REQUIRED) but its existing keys keep verifying: so when it has keys
 * it still sees them, with a banner saying they keep working and that new keys need an upgrade;
 * with no keys at all it sees "Upgrade required" (seed 004).
 *
 * @example <KeysPlanGate><KeysList /></KeysPlanGate>
 */
import { Info } from "lucide-react";
import type { ReactNode } from "react";
import type { Role, Workspace } from "../../api/types";
import { useSession } from "../../app/session";
import { UpgradeRequired } from "../../ui/PlanGate";
import { planName } from "../../ui/PlanIncludes";
import { ErrorState, LoadingState } from "../../ui/states";
import { useKeysQuery } from "./use-keys";

/** Whether the workspace may create keys: its plan includes API Access. */
export function useCanCreateKeys(): boolean {
  return useSession().workspace.entitlements.apiAccess;
}

export function KeysPlanGate({ children }: { children: ReactNode }) {
  const { workspace, role } = useSession();
  if (workspace.entitlements.apiAccess) return <>{children}</>;
  return (
    <ExistingKeysOnly workspace={workspace} role={role}>
      {children}
    </ExistingKeysOnly>
  );
}

function ExistingKeysOnly({
  workspace,
  role,
  children,
}: {
  workspace: Workspace;
  role: Role;
  children: ReactNode;
}) {
  // The same first page the list asks for, so the list renders from the cache.
  const keys = useKeysQuery({});
  if (keys.isPending) return <LoadingState label="Loading keys" />;
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => keys.refetch()} />;
  const hasKeys = keys.data.pages.some((page) => page.data.length > 0);
  if (!hasKeys) return <UpgradeRequired feature="apiAccess" workspace={workspace} memberRole={role} />;
  return (
    <>
      <ExistingKeysBanner workspace={workspace} role={role} />
      {children}
    </>
  );
}

/** "Your keys keep working; new keys need an upgrade", and whom to ask. */
export function ExistingKeysBanner({ workspace, role }: { workspace: Workspace; role: Role }) {
  const plan = planName(workspace.plan);
  // In the key portal the platform sells the plans: the upgrade happens in its product.
  const platform = useSession().portal?.branding.productName;
  return (
    <div
      role="status"
      className="mb-4 flex gap-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
    >
      <Info aria-hidden className="mt-0.5 size-5 shrink-0 text-amber-600" />
      <div className="space-y-1">
        <p className="font-medium">
          The {plan} plan of {workspace.name} does not include API Access. Existing keys keep working; new
          keys need an upgrade.
        </p>
        <p>
          You can still see, disable, rotate and revoke the keys below.{" "}
          {platform
            ? `Plans are managed in ${platform}: upgrade the plan of ${workspace.name} there to create keys again.`
            : role === "owner"
              ? `Ask the operator who runs this Keygate to move ${workspace.name} to a plan with API Access to create keys again.`
              : `Ask an owner of ${workspace.name} to upgrade the plan to create keys again.`}
        </p>
      </div>
    </div>
  );
}
