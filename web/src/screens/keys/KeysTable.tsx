/**
 * The keys as a table (seed 004): Name (with its app, environment and External ID), Prefix, Usage count, Last used, Expiry, Status (with the attention badges), Created
 * at, Actions (the Enabled switch and the actions menu). It scrolls inside its own box on narrow
 * screens, so the page never scrolls sideways.
 */
import { Link } from "react-router";
import type { KeyObject } from "../../api/types";
import { formatDate, formatDateTime, formatNumber } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import { StatusBadge } from "../../ui/StatusBadge";
import { KeyActionsMenu } from "./KeyActionsMenu";
import { KeyAttentionBadges } from "./KeyAttentionBadges";
import { KeyExpiry } from "./KeyExpiry";
import { KeyExternalId } from "./KeyExternalId";
import { KeyStatusSwitch } from "./KeyStatusSwitch";
import { KeyValue } from "./KeyValue";

export interface KeysTableProps {
  keys: KeyObject[];
  /** The title of each app by id, to say whose key it is. */
  appTitles: ReadonlyMap<string, string>;
}

const HEADERS = ["Name", "Prefix", "Usage count", "Last used", "Expiry", "Status", "Created at", "Actions"];

export function KeysTable({ keys, appTitles }: KeysTableProps) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">API keys</caption>
        <thead className="bg-slate-50">
          <tr>
            {HEADERS.map((header) => (
              <th
                key={header}
                scope="col"
                className={`px-3 py-2.5 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase ${header === "Usage count" ? "text-right" : ""}`}
              >
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => {
            const app = key.appId ? appTitles.get(key.appId) : undefined;
            return (
              <tr key={key.id} className="hover:bg-slate-50">
                <th scope="row" className="max-w-64 px-3 py-2.5 text-left font-normal">
                  <Link
                    to={`/keys/${key.id}`}
                    className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {key.name}
                  </Link>
                  <span className="block truncate text-xs text-slate-500">
                    {[app, key.environment, key.kind === "pair" ? "key pair" : null]
                      .filter(Boolean)
                      .join(" · ")}
                  </span>
                  <KeyExternalId externalId={key.externalId} />
                </th>
                <td className="px-3 py-2.5">
                  <KeyValue apiKey={key} compact />
                </td>
                <td className="px-3 py-2.5 text-right tabular-nums">{formatNumber(key.usageCount)}</td>
                <td className="px-3 py-2.5 whitespace-nowrap">
                  <RelativeTime iso={key.lastUsedAt} />
                </td>
                <td className="px-3 py-2.5">
                  <KeyExpiry expiresAt={key.expiresAt} />
                </td>
                <td className="px-3 py-2.5">
                  <StatusBadge status={key.status} />
                  <KeyAttentionBadges attention={key.attention} className="mt-1 max-w-48" />
                </td>
                <td className="px-3 py-2.5 whitespace-nowrap">
                  <time dateTime={key.createdAt} title={formatDateTime(key.createdAt)}>
                    {formatDate(key.createdAt)}
                  </time>
                </td>
                <td className="px-3 py-2.5">
                  <div className="flex items-center justify-end gap-2">
                    <KeyStatusSwitch apiKey={key} />
                    <KeyActionsMenu apiKey={key} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
