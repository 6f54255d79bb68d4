/**
 * The key hygiene report at /reports/keys (reports:read): how many keys break each policy of the
 * workspace (rotation, unused, expiry required, lifetime, leaked), then every key with its prefix,
 * status, age, last rotation, last use and address, expiry and breaches; "Only keys breaking a
 * policy" (kept in the URL), and Download CSV (the same report as a file, for an audit).
 */
import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { cn } from "../../ui/cn";
import { formatDateTime, formatNumber } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { RelativeTime } from "../../ui/RelativeTime";
import { StatusBadge } from "../../ui/StatusBadge";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { KeyExpiry } from "../keys/KeyExpiry";
import { BREACHES, breachLabel } from "./breaches";
import { KEY_REPORT_CSV, type KeyReport, type KeyReportRow, useKeyReport } from "./use-key-report";

const HEADERS = ["Key", "Status", "Age", "Last rotated", "Last used", "Expiry", "Breaches"];

function days(value: number): string {
  return `${formatNumber(value)} ${value === 1 ? "day" : "days"}`;
}

function policyLine(policy: KeyReport["policy"]): string {
  const parts = [
    policy.rotationReminderDays
      ? `rotate every ${days(policy.rotationReminderDays)}`
      : "no rotation reminder",
    `unused after ${days(policy.unusedKeyDays)}`,
    policy.expiryRequired ? "expiry required" : "expiry optional",
    policy.maxKeyLifetimeSeconds
      ? `at most ${days(Math.round(policy.maxKeyLifetimeSeconds / 86_400))} long`
      : "no maximum lifetime",
  ];
  return parts.join(" · ");
}

function BreachBadge({ breach }: { breach: string }) {
  return (
    <li
      className={cn(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        breach === "leaked"
          ? "bg-red-600 text-white ring-red-700"
          : "bg-amber-100 text-amber-900 ring-amber-600/30",
      )}
    >
      {breachLabel(breach)}
    </li>
  );
}

interface SummaryCard {
  label: string;
  /** null: the workspace's policy does not check this. */
  count: number | null;
  meaning: string;
  danger?: boolean;
}

function Summary({ report }: { report: KeyReport }) {
  const breaking = report.keys.filter((key) => key.breaches.length > 0).length;
  const cards: SummaryCard[] = [
    { label: "Keys", count: report.keys.length, meaning: "Every active or disabled key of the workspace." },
    { label: "Breaking a policy", count: breaking, meaning: "Keys with one breach or more." },
    ...BREACHES.map(({ breach, label, meaning, checked }) =>
      checked(report.policy)
        ? {
            label,
            meaning,
            count: report.keys.filter((key) => key.breaches.includes(breach)).length,
            danger: breach === "leaked",
          }
        : { label, meaning: `${meaning} The workspace's policy does not check this.`, count: null },
    ),
  ];
  return (
    <dl aria-label="Summary" className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7">
      {cards.map((card) => {
        const alarming = card.danger && card.count !== null && card.count > 0;
        return (
          <div
            key={card.label}
            title={card.meaning}
            className={cn(
              "flex flex-col justify-between gap-1 rounded-lg border px-3 py-2.5",
              alarming ? "border-red-300 bg-red-50" : "border-slate-200 bg-white",
            )}
          >
            <dt className="text-xs font-medium text-slate-600">{card.label}</dt>
            <dd
              className={cn(
                "font-semibold tabular-nums",
                card.count === null ? "text-sm text-slate-500" : "text-2xl",
                alarming ? "text-red-800" : card.count !== null && "text-slate-900",
              )}
            >
              {card.count === null ? "Not checked" : formatNumber(card.count)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function ReportTable({ rows }: { rows: KeyReportRow[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Key hygiene, one row per key</caption>
        <thead className="bg-slate-50">
          <tr>
            {HEADERS.map((header) => (
              <th
                key={header}
                scope="col"
                className={cn(
                  "px-3 py-2.5 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase",
                  header === "Age" && "text-right",
                )}
              >
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((key) => (
            <tr key={key.id} className="align-top hover:bg-slate-50">
              <th scope="row" className="max-w-64 px-3 py-2.5 text-left font-normal">
                <Link
                  to={`/keys/${key.id}`}
                  className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
                >
                  {key.name}
                </Link>
                <span className="block truncate text-xs text-slate-500">
                  <code className="font-mono">{key.start}…</code> · {key.environment}
                </span>
              </th>
              <td className="px-3 py-2.5">
                <StatusBadge status={key.status} />
              </td>
              <td className="px-3 py-2.5 text-right whitespace-nowrap tabular-nums">{days(key.ageDays)}</td>
              <td className="px-3 py-2.5 whitespace-nowrap">
                <RelativeTime iso={key.lastRotatedAt} />
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap">
                <RelativeTime iso={key.lastUsedAt} />
                {key.lastUsedIp && (
                  <span className="block font-mono text-xs text-slate-500">{key.lastUsedIp}</span>
                )}
              </td>
              <td className="px-3 py-2.5">
                <KeyExpiry expiresAt={key.expiresAt} />
              </td>
              <td className="px-3 py-2.5">
                {key.breaches.length > 0 ? (
                  <ul aria-label={`Breaches of ${key.name}`} className="flex flex-wrap gap-1">
                    {key.breaches.map((breach) => (
                      <BreachBadge key={breach} breach={breach} />
                    ))}
                  </ul>
                ) : (
                  <span className="text-slate-500">None</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function KeyReportScreen() {
  const report = useKeyReport();
  const [params, setParams] = useSearchParams();
  const onlyBreaking = params.get("breaking") === "true";
  const setOnlyBreaking = (on: boolean) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (on) next.set("breaking", "true");
        else next.delete("breaking");
        return next;
      },
      { replace: true },
    );

  let content: ReactNode;
  if (report.isPending) content = <LoadingState label="Loading the report" />;
  else if (report.isError) content = <ErrorState error={report.error} onRetry={() => report.refetch()} />;
  else {
    const rows = onlyBreaking ? report.data.keys.filter((key) => key.breaches.length > 0) : report.data.keys;
    content = (
      <>
        <p className="mb-3 text-sm text-slate-600">
          Policy: {policyLine(report.data.policy)}. Generated {formatDateTime(report.data.generatedAt)};{" "}
          <Link to="/settings/workspace" className="text-brand-700 underline">
            change the key policies
          </Link>
          .
        </p>
        <Summary report={report.data} />
        <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
          <label className="inline-flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              className="size-4 rounded border-slate-300 accent-brand-600"
              checked={onlyBreaking}
              onChange={(event) => setOnlyBreaking(event.target.checked)}
            />
            Only keys breaking a policy
          </label>
          <p aria-live="polite" className="text-sm text-slate-600">
            {formatNumber(rows.length)} {rows.length === 1 ? "key" : "keys"}
          </p>
        </div>
        {rows.length === 0 ? (
          <EmptyState title={onlyBreaking ? "No key breaks a policy" : "No keys yet"}>
            {onlyBreaking
              ? "Every key follows the workspace's key policies."
              : "The report lists each key once the workspace has some."}
          </EmptyState>
        ) : (
          <ReportTable rows={rows} />
        )}
      </>
    );
  }

  return (
    <div>
      <PageHeader
        title="Key hygiene"
        description="Which keys are old, unused, without an expiry or leaked, measured against the workspace's key policies. Rotate keys regularly and revoke the stale ones."
        actions={
          <a
            href={KEY_REPORT_CSV}
            download
            className="inline-flex h-9 items-center justify-center gap-1.5 rounded-md border border-slate-300 bg-white px-3.5 text-sm font-medium text-slate-800 shadow-xs hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            <Download aria-hidden className="size-4" />
            Download CSV
          </a>
        }
      />
      {content}
    </div>
  );
}
