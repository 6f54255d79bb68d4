/**
 * The keys screen's danger banner while any key of the workspace has been found leaked (asks
 * `GET /v1/keys?attention=leaked&limit=5`): how many, the first few by name, and a link to the
 * list filtered to them. Nothing shows while none is leaked.
 */

import { useQuery } from "@tanstack/react-query";
import { ShieldAlert } from "lucide-react";
import { Link } from "react-router";
import { api, unwrap } from "../../api/client";
import { queryKeys } from "../../api/query-keys";

export const LEAKED_LIST = "/settings/api-access?attention=leaked";

export function LeakedKeysBanner() {
  const leaked = useQuery({
    queryKey: [...queryKeys.keys.all, "leaked"],
    queryFn: () => unwrap(api.GET("/v1/keys", { params: { query: { attention: "leaked", limit: 5 } } })),
    refetchInterval: 60_000,
  });
  const keys = leaked.data?.data ?? [];
  if (keys.length === 0) return null;
  const more = Boolean(leaked.data?.nextCursor);
  const count = more
    ? `${keys.length} or more keys were`
    : keys.length === 1
      ? "1 key was"
      : `${keys.length} keys were`;
  return (
    <div
      role="alert"
      className="mb-4 flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2.5 text-sm text-red-900 sm:flex-row sm:items-start sm:justify-between"
    >
      <div className="flex gap-2">
        <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <div>
          <p>
            <strong>{count} found in public</strong> (a repository, a paste, a log). Anyone may be using{" "}
            {keys.length === 1 && !more ? "it" : "them"}: replace each with a new key, then revoke the leaked
            one.
          </p>
          <p className="mt-1 text-red-800">
            {keys.map((key, index) => (
              <span key={key.id}>
                {index > 0 && ", "}
                <Link to={`/keys/${key.id}`} className="font-medium underline hover:text-red-950">
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
        className="shrink-0 self-start rounded-md border border-red-300 bg-white px-2.5 py-1 font-medium text-red-800 hover:bg-red-100"
      >
        Show leaked keys
      </Link>
    </div>
  );
}
