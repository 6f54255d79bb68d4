/**
 * The keys screen's danger banner while any key of the workspace has been found leaked (asks
 * `GET /v1/keys?attention=leaked&limit=5`): how many, the first few by name, and a link to the
 * list filtered to them. Leaked keys already revoked (the default leak response) get a milder
 * notice for 30 days after the report, to check their replacements; then nothing.
 */

import { useQuery } from "@tanstack/react-query";
import { ShieldAlert } from "lucide-react";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";
import { cn } from "../../ui/cn";

export const LEAKED_LIST = "/settings/api-access?attention=leaked";

/** A revoked leaked key is still mentioned this long after its report, so its replacement gets checked. */
const REVOKED_NOTICE_MS = 30 * 86_400_000;

export function LeakedKeysBanner() {
  const leaked = useQuery({
    queryKey: [...queryKeys.keys.all, "leaked"],
    queryFn: () => unwrap(api.GET("/v1/keys", { params: { query: { attention: "leaked", limit: 5 } } })),
    refetchInterval: 60_000,
  });
  const keys = leaked.data?.data ?? [];
  if (keys.length === 0) return null;
  const more = Boolean(leaked.data?.nextCursor);
  const live = keys.filter((key) => key.status !== "revoked");
  const now = Date.now();
  const recent = keys.filter(
    (key) => key.leak && now - new Date(key.leak.reportedAt).getTime() < REVOKED_NOTICE_MS,
  );
  // Only revoked leaks, all of them old: nobody can use them, nothing left to say.
  if (live.length === 0 && recent.length === 0) return null;
  const danger = live.length > 0;
  const shown = danger ? live : recent;
  const several = shown.length > 1 || more;
  const count = more
    ? `${keys.length} or more keys were`
    : several
      ? `${shown.length} keys were`
      : "1 key was";
  return (
    <div
      role={danger ? "alert" : "status"}
      className={cn(
        "mb-4 flex flex-col gap-2 rounded-md border px-3 py-2.5 text-sm sm:flex-row sm:items-start sm:justify-between",
        danger ? "border-red-300 bg-red-50 text-red-900" : "border-amber-300 bg-amber-50 text-amber-900",
      )}
    >
      <div className="flex gap-2">
        <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <div>
          <p>
            <strong>{count} found in public</strong> (a repository, a paste, a log).{" "}
            {danger
              ? several
                ? "Anyone who saw them can use them: replace each with a new key, then revoke the leaked ones."
                : "Anyone who saw it can use it: replace it with a new key, then revoke the leaked one."
              : several
                ? "They are revoked; make sure the applications that used them have their replacements."
                : "It is revoked; make sure the application that used it has its replacement."}
          </p>
          <p className="mt-1">
            {shown.map((key, index) => (
              <span key={key.id}>
                {index > 0 && ", "}
                <Link to={`/keys/${key.id}`} className="font-medium underline">
                  {key.name}
                </Link>
              </span>
            ))}
            {more ? ", …" : ""}
          </p>
        </div>
      </div>
      <Link
        to={LEAKED_LIST}
        className={cn(
          "shrink-0 self-start rounded-md border bg-white px-2.5 py-1 font-medium",
          danger
            ? "border-red-300 text-red-800 hover:bg-red-100"
            : "border-amber-300 text-amber-900 hover:bg-amber-100",
        )}
      >
        Show leaked keys
      </Link>
    </div>
  );
}
