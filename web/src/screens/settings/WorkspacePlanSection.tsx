/**
 * The workspace's plan, read-only: which plan it is on and what that includes, next to the other
 * plans. Plans are set by the operator who runs this Keygate (`keygate workspace plan`).
 */
import type { Workspace } from "../../api/types";
import { PlanComparison } from "../../ui/PlanComparison";
import { planName } from "../../ui/PlanIncludes";

export function WorkspacePlanSection({ workspace }: { workspace: Workspace }) {
  return (
    <section aria-labelledby="workspace-plan" className="border-t border-slate-200 py-6">
      <h2 id="workspace-plan" className="text-base font-semibold text-slate-900">
        Plan: {planName(workspace.plan)}
      </h2>
      <p className="mt-1 mb-4 max-w-3xl text-sm text-slate-600">
        Plans are set by the operator who runs this Keygate (with{" "}
        <code className="font-mono text-xs">keygate workspace plan</code>); they cannot be changed here.
      </p>
      <PlanComparison workspace={workspace} />
    </section>
  );
}
