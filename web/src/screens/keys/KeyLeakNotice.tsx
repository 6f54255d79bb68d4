/**
 * On a key's detail: the notice that it was found leaked, where (the reported URL) and when, and
 * what to do (rotate or replace it, then revoke it). Nothing for a key never reported.
 */
import { ShieldAlert } from "lucide-react";
import type { KeyObject } from "../../api/types";
import { formatDateTime } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";

export function KeyLeakNotice({ apiKey }: { apiKey: KeyObject }) {
  const leak = apiKey.leak;
  if (!leak) return null;
  return (
    <div
      role="alert"
      className="mb-4 flex gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2.5 text-sm text-red-900"
    >
      <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 space-y-1">
        <p>
          <strong>This key was found in public</strong>, reported{" "}
          <time dateTime={leak.reportedAt} title={formatDateTime(leak.reportedAt)}>
            {formatDateTime(leak.reportedAt)}
          </time>{" "}
          (<RelativeTime iso={leak.reportedAt} />
          ).
        </p>
        {leak.url && (
          <p className="break-all">
            Where:{" "}
            <a
              href={leak.url}
              target="_blank"
              rel="noreferrer noopener"
              className="font-mono text-xs underline"
            >
              {leak.url}
            </a>
          </p>
        )}
        <p>
          {apiKey.status === "revoked"
            ? "It is revoked: nobody can use it any more. Make sure its replacement is in use."
            : "Anyone who saw it can use it. Rotate it (or create a replacement), update the application, then revoke it."}
        </p>
      </div>
    </div>
  );
}
