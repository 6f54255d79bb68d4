/**
 * A key's usage: verifications by outcome for the last 24 hours, 7 days or 30 days (tabs), as a
 * chart (lazy-loaded, so the first screen stays small) and as totals a screen reader reads.
 */
import { Tabs } from "radix-ui";
import { lazy, Suspense, useState } from "react";
import { cn } from "../../ui/cn";
import { formatNumber } from "../../ui/format";
import { ErrorState, LoadingState } from "../../ui/states";
import { OUTCOMES } from "./usage-outcomes";
import { type KeyUsageRange, useKeyUsage } from "./use-keys";

const KeyUsageChart = lazy(() => import("./KeyUsageChart"));

const RANGES: Array<[KeyUsageRange, string, string]> = [
  ["24h", "24 hours", "per hour"],
  ["7d", "7 days", "per hour"],
  ["30d", "30 days", "per day"],
];

function UsageRange({ keyId, range, per }: { keyId: string; range: KeyUsageRange; per: string }) {
  const usage = useKeyUsage(keyId, range);
  if (usage.isPending) return <LoadingState label="Loading usage" />;
  if (usage.isError) return <ErrorState error={usage.error} onRetry={() => usage.refetch()} />;
  const totals = OUTCOMES.map((outcome) => ({
    ...outcome,
    count: usage.data.data.reduce((sum, bucket) => sum + bucket.counts[outcome.code], 0),
  }));
  const total = totals.reduce((sum, outcome) => sum + outcome.count, 0);
  const label = RANGES.find(([id]) => id === range)?.[1] ?? range;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        <strong>{formatNumber(total)}</strong> {total === 1 ? "verification" : "verifications"} in the last{" "}
        {label}, shown {per} by outcome.
      </p>
      {total === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500">
          No verifications in the last {label}.
        </p>
      ) : (
        <>
          <Suspense fallback={<LoadingState label="Loading the chart" />}>
            <KeyUsageChart usage={usage.data} />
          </Suspense>
          <ul
            aria-label="Verifications by outcome"
            className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700"
          >
            {totals
              .filter((outcome) => outcome.count > 0)
              .map((outcome) => (
                <li key={outcome.code} className="inline-flex items-center gap-1.5">
                  <span aria-hidden className="size-2.5 rounded-sm" style={{ background: outcome.color }} />
                  {outcome.label}: {formatNumber(outcome.count)}
                </li>
              ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function KeyUsagePanel({ keyId }: { keyId: string }) {
  const [range, setRange] = useState<KeyUsageRange>("24h");
  return (
    <Tabs.Root
      value={range}
      onValueChange={(value) => setRange(RANGES.find(([id]) => id === value)?.[0] ?? "24h")}
    >
      <Tabs.List
        aria-label="Usage range"
        className="mb-3 inline-flex rounded-md border border-slate-300 bg-white p-0.5"
      >
        {RANGES.map(([id, label]) => (
          <Tabs.Trigger
            key={id}
            value={id}
            className={cn(
              "rounded px-3 py-1 text-sm font-medium text-slate-600",
              "focus-visible:outline-2 focus-visible:outline-brand-600 data-[state=active]:bg-slate-900 data-[state=active]:text-white",
            )}
          >
            {label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {RANGES.map(([id, , per]) => (
        <Tabs.Content key={id} value={id}>
          <UsageRange keyId={keyId} range={id} per={per} />
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}
