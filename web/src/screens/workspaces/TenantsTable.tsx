/**
 * The tenants as a table: Name, External ID, Plan, Keys, Last verification (relative, exact time
 * on hover), Status and Actions. It scrolls inside its own box on narrow screens, with the name
 * column kept in view, so the page never scrolls sideways.
 */
import { formatDate, formatDateTime, formatNumber } from "../../ui/format";
import { planName } from "../../ui/PlanIncludes";
import { RelativeTime } from "../../ui/RelativeTime";
import { TenantActionsMenu } from "./TenantActionsMenu";
import { TenantStatusBadge } from "./TenantStatusBadge";
import type { Tenant } from "./use-tenants";

const HEADERS = ["Name", "External ID", "Plan", "Keys", "Last verification", "Status", "Actions"];

const cell = "px-3 py-2.5";

export function TenantsTable({ tenants, canWrite }: { tenants: Tenant[]; canWrite: boolean }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Workspaces of your customers</caption>
        <thead className="bg-slate-50">
          <tr>
            {HEADERS.map((header) => (
              <th
                key={header}
                scope="col"
                className={`px-3 py-2.5 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase ${header === "Keys" ? "text-right" : ""} ${header === "Actions" ? "text-right" : ""}`}
              >
                {header === "Actions" ? <span className="sr-only">Actions</span> : header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {tenants.map((tenant) => (
            <tr key={tenant.id} className="hover:bg-slate-50">
              <th scope="row" className={`${cell} max-w-64 text-left font-normal`}>
                <span className="block truncate font-medium text-slate-900">{tenant.name}</span>
                <span className="block truncate text-xs text-slate-500">
                  Since{" "}
                  <time dateTime={tenant.createdAt} title={formatDateTime(tenant.createdAt)}>
                    {formatDate(tenant.createdAt)}
                  </time>
                </span>
              </th>
              <td className={`${cell} max-w-56`}>
                <code
                  className="block truncate font-mono text-xs text-slate-800"
                  title={tenant.externalId ?? undefined}
                >
                  {tenant.externalId}
                </code>
              </td>
              <td className={`${cell} whitespace-nowrap`}>{planName(tenant.plan)}</td>
              <td className={`${cell} text-right tabular-nums`}>{formatNumber(tenant.keyCount)}</td>
              <td className={`${cell} whitespace-nowrap`}>
                <RelativeTime iso={tenant.lastVerifiedAt} />
              </td>
              <td className={cell}>
                <TenantStatusBadge suspended={tenant.suspended} />
              </td>
              <td className={`${cell} text-right`}>
                <TenantActionsMenu tenant={tenant} canWrite={canWrite} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
