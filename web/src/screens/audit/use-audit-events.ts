/**
 * The audit trail as server state: one page of events for the filters and cursor (the previous
 * page stays on screen while the next loads), and the CSV export of every event the filters match.
 */
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ApiRequestError } from "../../api/errors";
import { queryKeys } from "../../api/query-keys";
import type { Json, Query } from "../../api/types";

export type AuditPage = Json<"/v1/audit-events", "get">;
export type AuditEvent = AuditPage["data"][number];

/** The filters a person can set; each maps to the query parameter of the same name. */
export type AuditFilters = Pick<
  Query<"/v1/audit-events", "get">,
  "action" | "actorId" | "targetId" | "from" | "to"
>;

export const AUDIT_PAGE_SIZE = 50;

export function useAuditEventsQuery(filters: AuditFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: queryKeys.audit.list({ ...filters, cursor }),
    queryFn: async (): Promise<AuditPage> => {
      const page = await unwrap(
        api.GET("/v1/audit-events", { params: { query: { ...filters, cursor, limit: AUDIT_PAGE_SIZE } } }),
      );
      // The operation also answers text/csv (format=csv); a page is always JSON.
      if (typeof page === "string") throw new ApiRequestError(500, undefined);
      return page;
    },
    placeholderData: keepPreviousData,
  });
}

function filenameOf(response: Response): string {
  const disposition = response.headers.get("content-disposition") ?? "";
  const match = /filename="([^"]+)"/.exec(disposition);
  return match?.[1] ?? `keygate-audit-${new Date().toISOString().slice(0, 10)}.csv`;
}

/** Hands a file to the browser's downloads. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads `GET /v1/audit-events?format=csv` with the same filters as the table. */
export function useExportAuditCsv() {
  return useMutation({
    mutationFn: async (filters: AuditFilters) => {
      const result = await api
        .GET("/v1/audit-events", { params: { query: { ...filters, format: "csv" } }, parseAs: "blob" })
        .catch(() => {
          throw new ApiRequestError(0, undefined);
        });
      if (!result.response.ok || !result.data)
        throw new ApiRequestError(result.response.status, result.error);
      const filename = filenameOf(result.response);
      saveFile(result.data, filename);
      return filename;
    },
  });
}
