/**
 * One key as a card (seed 003): its name, its attention badges, its key value (the prefix; masked with Reveal and Copy
 * when the key can be revealed), its status and switch, and its actions.
 */
import { Link } from "react-router";
import type { KeyObject } from "../../api/types";
import { formatDate, formatNumber } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import { StatusBadge } from "../../ui/StatusBadge";
import { KeyActionsMenu } from "./KeyActionsMenu";
import { KeyAttentionBadges } from "./KeyAttentionBadges";
import { KeyExternalId } from "./KeyExternalId";
import { KeyStatusSwitch } from "./KeyStatusSwitch";
import { KeyValue } from "./KeyValue";

export function KeyCard({ apiKey, appTitle }: { apiKey: KeyObject; appTitle: string | undefined }) {
  const headingId = `key-card-${apiKey.id}`;
  return (
    <li
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="truncate text-base font-semibold text-slate-900">
            <Link to={`/keys/${apiKey.id}`} className="hover:text-brand-700 hover:underline">
              {apiKey.name}
            </Link>
          </h2>
          <p className="truncate text-xs text-slate-500">
            {[appTitle, apiKey.environment, apiKey.kind === "pair" ? "key pair" : null]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <KeyExternalId externalId={apiKey.externalId} />
          <KeyAttentionBadges attention={apiKey.attention} className="mt-1.5" />
        </div>
        <KeyActionsMenu apiKey={apiKey} />
      </div>
      <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
        {apiKey.sharedKey && (
          <div>
            <p className="text-xs text-slate-500">Shared Key</p>
            <code className="block font-mono text-xs break-all text-slate-800">{apiKey.sharedKey}</code>
          </div>
        )}
        <div>
          <p className="text-xs text-slate-500">{apiKey.sharedKey ? "Secret Key" : "API key"}</p>
          <KeyValue apiKey={apiKey} />
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-xs">
        <dt className="text-slate-500">Usage count</dt>
        <dd className="text-right text-slate-800 tabular-nums">{formatNumber(apiKey.usageCount)}</dd>
        <dt className="text-slate-500">Last used</dt>
        <dd className="text-right text-slate-800">
          <RelativeTime iso={apiKey.lastUsedAt} />
        </dd>
        <dt className="text-slate-500">Created at</dt>
        <dd className="text-right text-slate-800">{formatDate(apiKey.createdAt)}</dd>
      </dl>
      <div className="mt-auto flex items-center justify-between gap-2 border-t border-slate-100 pt-3">
        <StatusBadge status={apiKey.status} />
        <KeyStatusSwitch apiKey={apiKey} showLabel />
      </div>
    </li>
  );
}
