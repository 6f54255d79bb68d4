/** A key's expiry: "Never", or the date with its distance ("in 3 months", "2 days ago"), exact on hover. */
import { formatDate, formatDateTime, formatRelative } from "../../ui/format";

export function KeyExpiry({ expiresAt }: { expiresAt: string | null }) {
  if (!expiresAt) return <span className="text-slate-500">Never</span>;
  return (
    <time dateTime={expiresAt} title={formatDateTime(expiresAt)} className="whitespace-nowrap">
      {formatDate(expiresAt)}
      <span className="block text-xs text-slate-500">{formatRelative(expiresAt)}</span>
    </time>
  );
}
