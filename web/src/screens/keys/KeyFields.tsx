/** Every field of a key, as a description list: its id and secret, the identity (External ID) it belongs to, app, status, scopes, limits, usage and history. */
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { KeyObject } from "../../api/types";
import { CopyButton } from "../../ui/CopyButton";
import { formatDateTime, formatNumber } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import { StatusBadge } from "../../ui/StatusBadge";
import { KeyValue } from "./KeyValue";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 px-4 py-2.5 sm:grid-cols-[11rem_1fr] sm:gap-4">
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-slate-500">{children}</span>;
}

function When({ iso, empty }: { iso: string | null; empty: string }) {
  if (!iso) return <Muted>{empty}</Muted>;
  return (
    <>
      <time dateTime={iso}>{formatDateTime(iso)}</time>{" "}
      <Muted>
        (<RelativeTime iso={iso} />)
      </Muted>
    </>
  );
}

function Copyable({ value, label }: { value: string; label: string }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <code className="font-mono text-xs break-all">{value}</code>
      <CopyButton value={value} size="sm" variant="ghost" iconOnlyLabel={label} />
    </span>
  );
}

const seconds = (ms: number) => `${formatNumber(ms / 1000)} ${ms === 1000 ? "second" : "seconds"}`;

export interface KeyFieldsProps {
  apiKey: KeyObject;
  appTitle: string | undefined;
  /** Who created it, in words (a member's name, a root key's name), when known. */
  createdByName?: string | undefined;
}

export function KeyFields({ apiKey, appTitle, createdByName }: KeyFieldsProps) {
  const { rateLimits, quota } = apiKey;
  return (
    <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
      <Row label="Key ID">
        <Copyable value={apiKey.id} label="Copy key ID" />
      </Row>
      <Row label="Name">{apiKey.name}</Row>
      <Row label="Kind">{apiKey.kind === "pair" ? "Key pair (Shared Key and Secret Key)" : "Single key"}</Row>
      <Row label="Prefix">
        <Copyable value={apiKey.start} label="Copy prefix" />
      </Row>
      {apiKey.sharedKey && (
        <Row label="Shared Key">
          <Copyable value={apiKey.sharedKey} label="Copy Shared Key" />
        </Row>
      )}
      <Row label={apiKey.sharedKey ? "Secret Key" : "API key"}>
        <KeyValue apiKey={apiKey} />
      </Row>
      <Row label="Recoverable">
        {apiKey.recoverable ? (
          "Yes: admins and owners can reveal its secret (recorded in the audit log)"
        ) : (
          <Muted>No: its secret was shown once and cannot be revealed</Muted>
        )}
      </Row>
      <Row label="Key prefix">
        <code className="font-mono text-xs">{apiKey.prefix}</code>
      </Row>
      <Row label="Identity">
        {apiKey.externalId ? (
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Copyable value={apiKey.externalId} label="Copy External ID" />
            {apiKey.identityId && (
              <code className="font-mono text-xs text-slate-500">{apiKey.identityId}</code>
            )}
            <Link
              to={`/settings/api-access?externalId=${encodeURIComponent(apiKey.externalId)}`}
              className="text-brand-700 hover:underline"
            >
              All keys of {apiKey.externalId}
            </Link>
          </span>
        ) : (
          <Muted>None: the key belongs to no end user or customer</Muted>
        )}
      </Row>
      <Row label="App">
        {apiKey.appId ? (
          <Link to={`/apps/${apiKey.appId}`} className="text-brand-700 hover:underline">
            {appTitle ?? apiKey.appId}
          </Link>
        ) : (
          <Muted>No app (a workspace key)</Muted>
        )}
      </Row>
      <Row label="Environment">
        <span className="capitalize">{apiKey.environment}</span>
      </Row>
      <Row label="Status">
        <StatusBadge status={apiKey.status} />
      </Row>
      <Row label="Enabled">{apiKey.enabled ? "Yes" : "No"}</Row>
      <Row label="Scopes">
        {apiKey.scopes.length > 0 ? (
          <ul className="flex flex-wrap gap-1.5">
            {apiKey.scopes.map((scope) => (
              <li key={scope} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
                {scope}
              </li>
            ))}
          </ul>
        ) : (
          <Muted>None</Muted>
        )}
      </Row>
      <Row label="Expiry">
        <When iso={apiKey.expiresAt} empty="Never" />
      </Row>
      <Row label="IP allowlist">
        {apiKey.ipAllowlist.length > 0 ? (
          <code className="font-mono text-xs">{apiKey.ipAllowlist.join(", ")}</code>
        ) : (
          <Muted>Every network</Muted>
        )}
      </Row>
      <Row label="Rate limits">
        {rateLimits.length > 0 ? (
          <ul className="space-y-0.5">
            {rateLimits.map((limit) => (
              <li key={limit.name}>
                <code className="font-mono text-xs">{limit.name}</code>:{" "}
                {`${formatNumber(limit.limit)} requests per ${seconds(limit.windowMs)}`}
              </li>
            ))}
          </ul>
        ) : (
          <Muted>None</Muted>
        )}
      </Row>
      <Row label="Quota">
        {quota ? (
          `${formatNumber(quota.remaining)} verifications left${
            quota.refill
              ? `, refilled to ${formatNumber(quota.refill.amount)} every ${quota.refill.interval}`
              : ""
          }`
        ) : (
          <Muted>None</Muted>
        )}
      </Row>
      <Row label="Meta">
        {Object.keys(apiKey.meta).length > 0 ? (
          <pre className="overflow-x-auto rounded bg-slate-50 p-2 font-mono text-xs">
            {JSON.stringify(apiKey.meta, null, 2)}
          </pre>
        ) : (
          <Muted>None</Muted>
        )}
      </Row>
      <Row label="Usage count">{formatNumber(apiKey.usageCount)}</Row>
      <Row label="Last used">
        <When iso={apiKey.lastUsedAt} empty="Never" />
      </Row>
      <Row label="Last used from">
        {apiKey.lastUsedIp ? (
          <code className="font-mono text-xs">{apiKey.lastUsedIp}</code>
        ) : (
          <Muted>{apiKey.lastUsedAt ? "Not sent by the verifying server" : "Never used"}</Muted>
        )}
      </Row>
      <Row label="Created at">
        <When iso={apiKey.createdAt} empty="" />
      </Row>
      <Row label="Created by">
        {createdByName && createdByName !== apiKey.createdBy ? (
          createdByName
        ) : apiKey.createdBy ? (
          <code className="font-mono text-xs">{apiKey.createdBy}</code>
        ) : (
          <Muted>Unknown</Muted>
        )}
      </Row>
      <Row label="Updated at">
        <When iso={apiKey.updatedAt} empty="" />
      </Row>
      <Row label="Rotated at">
        <When iso={apiKey.rotatedAt} empty="Never rotated" />
      </Row>
      <Row label="Revoked at">
        <When iso={apiKey.revokedAt} empty="Not revoked" />
      </Row>
      {apiKey.revokedAt && (
        <Row label="Revocation reason">{apiKey.revokedReason ?? <Muted>None given</Muted>}</Row>
      )}
    </dl>
  );
}
