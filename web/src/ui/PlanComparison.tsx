/**
 * Every plan side by side, from `GET /v1/plans`: each plan's name and what it includes or lacks,
 * with the workspace's current plan marked. While the plans load (or if they cannot be read) it
 * shows the current plan alone, from the session's own entitlements.
 */
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../api/client";
import { queryKeys } from "../api/query-keys";
import type { Json, Workspace } from "../api/types";
import { cn } from "./cn";
import { PlanIncludes, planName } from "./PlanIncludes";

export type PlanCatalog = Json<"/v1/plans", "get">;

export function usePlansQuery() {
  return useQuery({
    queryKey: queryKeys.plans,
    queryFn: () => unwrap(api.GET("/v1/plans")),
    staleTime: 5 * 60_000,
  });
}

interface PlanCard {
  id: string;
  name: string;
  entitlements: Workspace["entitlements"];
}

export function PlanComparison({ workspace }: { workspace: Workspace }) {
  const plans = usePlansQuery();
  const cards: PlanCard[] = plans.data?.data ?? [
    { id: workspace.plan, name: planName(workspace.plan), entitlements: workspace.entitlements },
  ];
  return (
    <ul aria-label="Plans" className="grid grid-cols-1 gap-3 sm:grid-cols-3" aria-busy={plans.isPending}>
      {cards.map((plan) => {
        const current = plan.id === workspace.plan;
        const headingId = `plan-${plan.id}`;
        return (
          <li
            key={plan.id}
            className={cn(
              "rounded-lg border bg-white p-4",
              current ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200",
            )}
          >
            <div className="mb-3 flex items-center justify-between gap-2">
              <h3 id={headingId} className="text-base font-semibold text-slate-900">
                {plan.name}
              </h3>
              {current && (
                <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">
                  Current plan
                </span>
              )}
            </div>
            <PlanIncludes entitlements={plan.entitlements} />
          </li>
        );
      })}
    </ul>
  );
}
