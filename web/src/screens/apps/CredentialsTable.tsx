/**
 * An app's API credentials (seed 001 "Viewing Credentials", seed 000 "Manage API Key"): Status
 * badge (Active green, Inactive or Revoked grey), the Shared Key in full (it is public), the Secret
 * Key masked (it was shown once; Reveal for a recoverable key), Creation Date, Credential ID with Copy, and for those who manage
 * keys the Enabled switch (the keys screen's, which asks before disabling), the revoke toggle and
 * Delete. Scrolls inside its own box when narrow.
 */
import { ToggleLeft, ToggleRight, Trash2 } from "lucide-react";
import type { App } from "../../api/types";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { CopyButton } from "../../ui/CopyButton";
import { formatDate, formatDateTime } from "../../ui/format";
import { StatusBadge } from "../../ui/StatusBadge";
import { KeyStatusSwitch } from "../keys/KeyStatusSwitch";
import { KeyValue, NOT_REVEALABLE, useCanReveal } from "../keys/KeyValue";

export type AppKey = App["keys"][number];

export interface CredentialsTableProps {
  keys: readonly AppKey[];
  canManage: boolean;
  onRevoke(key: AppKey): void;
  onDelete(key: AppKey): void;
}

const MASK = "••••••••••••";

/**
 * The Secret Key: masked, since it was shown once; for a recoverable key and a person who may see
 * it again, the keys screen's Reveal (then Copy and Hide); a key made while recoverable keys were
 * off says it cannot be revealed.
 */
function SecretCell({ keyObject }: { keyObject: AppKey }) {
  const { workspace } = useSession();
  const canReveal = useCanReveal(keyObject);
  if (canReveal) return <KeyValue apiKey={keyObject} compact />;
  return (
    <span className="block">
      <span className="font-mono text-xs whitespace-nowrap text-slate-700">
        {keyObject.start}
        <span aria-hidden>{MASK}</span>
        <span className="sr-only"> (hidden: shown only once, when it was generated)</span>
      </span>
      {workspace.recoverableKeys && !keyObject.recoverable && (
        <span className="block text-xs text-slate-500" title={NOT_REVEALABLE}>
          Cannot be revealed
        </span>
      )}
    </span>
  );
}

export function CredentialsTable({ keys, canManage, onRevoke, onDelete }: CredentialsTableProps) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[900px] text-left text-sm">
        <caption className="sr-only">API credentials</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2.5">
              Status
            </th>
            <th scope="col" className="px-3 py-2.5">
              Name
            </th>
            <th scope="col" className="px-3 py-2.5">
              Shared Key
            </th>
            <th scope="col" className="px-3 py-2.5">
              Secret Key
            </th>
            <th scope="col" className="px-3 py-2.5">
              Creation Date
            </th>
            <th scope="col" className="px-3 py-2.5">
              Credential ID
            </th>
            {canManage && (
              <th scope="col" className="px-3 py-2.5">
                Actions
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((key) => {
            const revoked = key.status === "revoked";
            return (
              <tr key={key.id} aria-label={key.name} className="align-top">
                <td className="px-3 py-3">
                  <StatusBadge status={key.status} />
                </td>
                <td className="px-3 py-3 font-medium break-words text-slate-900">{key.name}</td>
                <td className="max-w-64 px-3 py-3">
                  {key.sharedKey ? (
                    <div className="flex items-start gap-1">
                      <code className="font-mono text-xs break-all text-slate-800">{key.sharedKey}</code>
                      <CopyButton
                        value={key.sharedKey}
                        iconOnlyLabel={`Copy Shared Key of ${key.name}`}
                        size="sm"
                        variant="ghost"
                        className="-mt-1.5 shrink-0"
                      />
                    </div>
                  ) : (
                    <span className="text-slate-500">None (a single key)</span>
                  )}
                </td>
                <td className="max-w-56 px-3 py-3">
                  <SecretCell keyObject={key} />
                </td>
                <td className="px-3 py-3 whitespace-nowrap text-slate-700">
                  <time dateTime={key.createdAt} title={formatDateTime(key.createdAt)}>
                    {formatDate(key.createdAt)}
                  </time>
                </td>
                <td className="px-3 py-3">
                  <div className="flex items-start gap-1">
                    <code className="font-mono text-xs break-all text-slate-700">{key.id}</code>
                    <CopyButton
                      value={key.id}
                      iconOnlyLabel={`Copy Credential ID of ${key.name}`}
                      size="sm"
                      variant="ghost"
                      className="-mt-1.5 shrink-0"
                    />
                  </div>
                </td>
                {canManage && (
                  <td className="px-3 py-3">
                    <div className="flex items-center gap-1">
                      <KeyStatusSwitch apiKey={key} />
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={revoked ? `${key.name} is revoked` : `Revoke ${key.name}`}
                        title={revoked ? "Revoked" : "Revoke"}
                        disabled={revoked}
                        onClick={() => onRevoke(key)}
                      >
                        {revoked ? (
                          <ToggleLeft aria-hidden className="size-5 text-slate-400" />
                        ) : (
                          <ToggleRight aria-hidden className="size-5 text-green-600" />
                        )}
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Delete ${key.name}`}
                        title="Delete"
                        onClick={() => onDelete(key)}
                      >
                        <Trash2 aria-hidden className="size-4 text-slate-600" />
                      </Button>
                    </div>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
