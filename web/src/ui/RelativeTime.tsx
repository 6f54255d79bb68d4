/** A time as "3 hours ago", with the exact local time on hover and for screen readers (`<time>`). */
import { formatDateTime, formatRelative } from "./format";

export function RelativeTime({ iso, empty = "Never" }: { iso: string | null | undefined; empty?: string }) {
  if (!iso) return <span className="text-slate-500">{empty}</span>;
  const exact = formatDateTime(iso);
  return (
    <time dateTime={iso} title={exact}>
      {formatRelative(iso)}
      <span className="sr-only"> ({exact})</span>
    </time>
  );
}
