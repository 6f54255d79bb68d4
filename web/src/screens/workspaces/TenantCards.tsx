/**
 * The tenants as cards, for a phone (a table's seven columns do not fit 390 px): name and
 * External ID, status and actions, then plan, keys and last verification.
 */
import { formatNumber } from "../../ui/format";
import { planName } from "../../ui/PlanIncludes";
import { RelativeTime } from "../../ui/RelativeTime";
import { TenantActionsMenu } from "./TenantActionsMenu";
import { TenantStatusBadge } from "./TenantStatusBadge";
import type { Tenant } from "./use-tenants";

export function TenantCards({ tenants, canWrite }: { tenants: Tenant[]; canWrite: boolean }) {
  return (
    <ul aria-label="Workspaces of your customers" className="flex flex-col gap-3">
      {tenants.map((tenant) => {
        const headingId = `tenant-card-${tenant.id}`;
        return (
          <li
            key={tenant.id}
            aria-labelledby={headingId}
            className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
          >
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <h2 id={headingId} className="truncate text-base font-semibold text-slate-900">
                  {tenant.name}
                </h2>
                <code className="block truncate font-mono text-xs text-slate-500">
                  <span className="sr-only">External ID: </span>
                  {tenant.externalId}
                </code>
              </div>
              <div className="flex shrink-0 items-center gap-1">
                <TenantStatusBadge suspended={tenant.suspended} />
                <TenantActionsMenu tenant={tenant} canWrite={canWrite} />
              </div>
            </div>
            <dl className="grid grid-cols-3 gap-2 border-t border-slate-100 pt-3 text-xs">
              <div>
                <dt className="text-slate-500">Plan</dt>
                <dd className="text-slate-900">{planName(tenant.plan)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Keys</dt>
                <dd className="text-slate-900 tabular-nums">{formatNumber(tenant.keyCount)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Last verification</dt>
                <dd className="text-slate-900">
                  <RelativeTime iso={tenant.lastVerifiedAt} />
                </dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
