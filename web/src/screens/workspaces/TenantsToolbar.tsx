/**
 * The Workspaces screen's search and filters: "Search workspaces" (a name or External ID, as you
 * type), Plan and Status. Labels are visible; the choices live in the URL (the screen keeps them).
 */
import { Search } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "../../ui/cn";
import { inputClass } from "../../ui/Field";
import { usePlansQuery } from "../../ui/PlanComparison";
import type { Plan } from "./tenant-form";

export type TenantStatusFilter = "" | "active" | "suspended";

export interface TenantsToolbarProps {
  search: string;
  onSearchChange(search: string): void;
  plan: Plan | "";
  onPlanChange(plan: Plan | ""): void;
  status: TenantStatusFilter;
  onStatusChange(status: TenantStatusFilter): void;
  busy: boolean;
}

function Labelled({
  id,
  label,
  children,
  className,
}: {
  id: string;
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)}>
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

export function TenantsToolbar(props: TenantsToolbarProps) {
  const plans = usePlansQuery();
  const planList = plans.data?.data ?? [];
  return (
    <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-end">
      <Labelled id="tenants-search" label="Search workspaces" className="flex-1">
        <div className="relative">
          <Search
            aria-hidden
            className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400"
          />
          <input
            id="tenants-search"
            type="search"
            className={cn(inputClass, "pl-8")}
            placeholder="Name or External ID"
            autoComplete="off"
            spellCheck={false}
            value={props.search}
            aria-busy={props.busy || undefined}
            onChange={(event) => props.onSearchChange(event.target.value)}
          />
        </div>
      </Labelled>
      <div className="grid grid-cols-2 gap-3 sm:flex sm:items-end">
        <Labelled id="tenants-plan" label="Plan" className="sm:w-44">
          <select
            id="tenants-plan"
            className={inputClass}
            value={props.plan}
            onChange={(event) =>
              props.onPlanChange(planList.find((plan) => plan.id === event.target.value)?.id ?? "")
            }
          >
            <option value="">All plans</option>
            {props.plan && planList.length === 0 && <option value={props.plan}>{props.plan}</option>}
            {planList.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="tenants-status" label="Status" className="sm:w-44">
          <select
            id="tenants-status"
            className={inputClass}
            value={props.status}
            onChange={(event) => {
              const value = event.target.value;
              props.onStatusChange(value === "active" || value === "suspended" ? value : "");
            }}
          >
            <option value="">All statuses</option>
            <option value="active">Active</option>
            <option value="suspended">Suspended</option>
          </select>
        </Labelled>
      </div>
    </div>
  );
}
