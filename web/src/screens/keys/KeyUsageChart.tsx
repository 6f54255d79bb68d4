/**
 * The usage chart of a key (recharts, loaded only on the key detail screen): verifications per
 * hour or day, stacked by outcome. Default export, for React.lazy.
 */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Json } from "../../api/types";
import { formatNumber } from "../../ui/format";
import { OUTCOMES } from "./usage-outcomes";

export type KeyUsage = Json<"/v1/keys/{id}/usage", "get">;

function bucketLabel(iso: string, granularity: KeyUsage["granularity"]): string {
  const options: Intl.DateTimeFormatOptions =
    granularity === "hour"
      ? { hour: "numeric", day: "numeric", month: "short" }
      : { day: "numeric", month: "short" };
  return new Intl.DateTimeFormat(navigator.language, options).format(new Date(iso));
}

export default function KeyUsageChart({ usage }: { usage: KeyUsage }) {
  const rows = usage.data.map((bucket) => ({
    label: bucketLabel(bucket.bucket, usage.granularity),
    ...bucket.counts,
  }));
  const present = OUTCOMES.filter((outcome) => usage.data.some((bucket) => bucket.counts[outcome.code] > 0));
  return (
    <div aria-hidden className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis
            allowDecimals={false}
            tick={{ fontSize: 11 }}
            width={40}
            tickFormatter={(value: number) => formatNumber(value)}
          />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {(present.length > 0 ? present : OUTCOMES.slice(0, 1)).map((outcome) => (
            <Bar
              key={outcome.code}
              dataKey={outcome.code}
              name={outcome.label}
              stackId="outcomes"
              fill={outcome.color}
              // Drawn at once: a bar growing in over 1.5 s reads as "no data" to a quick glance.
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
