/**
 * Change a tenant's plan (what the platform's billing does with `PATCH /v1/workspaces/{id}
 * { plan }` when a customer upgrades or lapses); it takes effect on the tenant's very next request.
 * A move to a plan without API Access says what it means: existing keys keep working, and no new
 * keys can be made until it moves back.
 */
import { AlertTriangle } from "lucide-react";
import { type FormEvent, useEffect, useState } from "react";
import { describeError } from "../../api/errors";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { formatNumber } from "../../ui/format";
import { usePlansQuery } from "../../ui/PlanComparison";
import { planName } from "../../ui/PlanIncludes";
import { toast } from "../../ui/toast";
import { FormAlert } from "../auth/FormAlert";
import { PlanSelect } from "./PlanSelect";
import type { Plan } from "./tenant-form";
import { type Tenant, useUpdateTenant } from "./use-tenants";

export interface TenantDialogProps {
  tenant: Tenant;
  open: boolean;
  onOpenChange(open: boolean): void;
}

const keyCount = (count: number) => (count === 1 ? "1 key" : `${formatNumber(count)} keys`);

export function ChangePlanDialog({ tenant, open, onOpenChange }: TenantDialogProps) {
  const update = useUpdateTenant(tenant.id);
  const plans = usePlansQuery();
  const [plan, setPlan] = useState<Plan>(tenant.plan);
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => {
    if (!open) return;
    setPlan(tenant.plan);
    setFailure(undefined);
  }, [open, tenant.plan]);

  const chosen = plans.data?.data.find((candidate) => candidate.id === plan);
  const losesApiAccess =
    chosen !== undefined && !chosen.entitlements.apiAccess && tenant.entitlements.apiAccess;
  const staysWithout =
    chosen !== undefined && !chosen.entitlements.apiAccess && !tenant.entitlements.apiAccess;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    if (plan === tenant.plan) {
      onOpenChange(false);
      return;
    }
    try {
      await update.mutateAsync({ plan });
      onOpenChange(false);
      toast(`${tenant.name} is now on the ${planName(plan)} plan`);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !update.isPending && onOpenChange(next)}
      title={`Change the plan of ${tenant.name}`}
      description={`Now on the ${planName(tenant.plan)} plan. A change takes effect on its very next request.`}
    >
      <form noValidate onSubmit={submit} className="space-y-4">
        <FormAlert message={failure ? describeError(failure) : undefined} />
        <PlanSelect value={plan} onChange={setPlan} label="New plan" />
        {(losesApiAccess || staysWithout) && chosen && (
          <div
            role="status"
            className="flex gap-2.5 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          >
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
            <p>
              The {chosen.name} plan does not include API Access. Existing keys keep working
              {tenant.keyCount > 0 ? ` (${tenant.name} has ${keyCount(tenant.keyCount)})` : ""}; no new keys
              can be made until {tenant.name} moves to a plan with API Access.
            </p>
          </div>
        )}
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <Button onClick={() => onOpenChange(false)} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={update.isPending} disabled={plan === tenant.plan}>
            Change plan
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
