/**
 * The plan of a tenant as a select (every plan `GET /v1/plans` lists), with what the chosen plan
 * includes below it.
 */
import { Field, inputClass } from "../../ui/Field";
import { usePlansQuery } from "../../ui/PlanComparison";
import { PlanIncludes, planName } from "../../ui/PlanIncludes";
import type { Plan } from "./tenant-form";

export interface PlanSelectProps {
  value: Plan;
  onChange(plan: Plan): void;
  error?: string | undefined;
  label?: string;
}

export function PlanSelect({ value, onChange, error, label = "Plan" }: PlanSelectProps) {
  const plans = usePlansQuery();
  const list = plans.data?.data ?? [];
  const chosen = list.find((plan) => plan.id === value);
  return (
    <div className="space-y-2">
      <Field label={label} error={error}>
        {(props) => (
          <select
            {...props}
            className={`${inputClass} max-w-64`}
            value={value}
            onChange={(event) => {
              const plan = list.find((candidate) => candidate.id === event.target.value);
              if (plan) onChange(plan.id);
            }}
          >
            {list.length === 0 && <option value={value}>{planName(value)}</option>}
            {list.map((plan) => (
              <option key={plan.id} value={plan.id}>
                {plan.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen && (
        <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
          <p className="mb-1.5 text-xs font-medium text-slate-600">The {chosen.name} plan includes</p>
          <PlanIncludes entitlements={chosen.entitlements} className="text-xs" />
        </div>
      )}
    </div>
  );
}
