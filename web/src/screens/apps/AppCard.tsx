/**
 * One app in the grid (seed 001): its title (a link to its detail), description, environment
 * and how many keys it has (the list's own `keyCount`).
 */
import { KeyRound } from "lucide-react";
import { Link } from "react-router";
import type { Json } from "../../api/types";
import { formatNumber } from "../../ui/format";
import { EnvironmentBadge } from "./EnvironmentBadge";

type AppSummary = Json<"/v1/apps", "get">["data"][number];

export function AppCard({ app }: { app: AppSummary }) {
  return (
    <li className="relative flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-xs focus-within:ring-2 focus-within:ring-brand-600 hover:border-brand-600/50 hover:shadow-sm">
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 text-base font-semibold break-words text-slate-900">
          <Link
            to={`/apps/${app.id}`}
            className="outline-none after:absolute after:inset-0 after:content-['']"
          >
            {app.title}
          </Link>
        </h2>
        <EnvironmentBadge environment={app.environment} />
      </div>
      <p className="line-clamp-3 flex-1 text-sm break-words text-slate-600">
        {app.description || <span className="text-slate-500">No description</span>}
      </p>
      <div className="flex items-center justify-between gap-2 text-xs text-slate-600">
        <span className="inline-flex items-center gap-1">
          <KeyRound aria-hidden className="size-3.5" />
          {formatNumber(app.keyCount)} {app.keyCount === 1 ? "key" : "keys"}
        </span>
        <span>
          {formatNumber(app.apiIds.length)} {app.apiIds.length === 1 ? "API" : "APIs"}
        </span>
      </div>
    </li>
  );
}
