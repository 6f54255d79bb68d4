/**
 * The key hygiene report as server state (`GET /v1/reports/keys?format=json`, reports:read), and
 * the address of its CSV download (the same request with the session cookie, as a plain link).
 */
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "../../api/client";
import { ApiRequestError } from "../../api/errors";
import { queryKeys } from "../../api/query-keys";
import type { Json } from "../../api/types";

type Answer = Json<"/v1/reports/keys", "get">;
export type KeyReport = Exclude<Answer, string>;
export type KeyReportRow = KeyReport["keys"][number];

export const KEY_REPORT_CSV = "/v1/reports/keys?format=csv";

export function useKeyReport() {
  return useQuery({
    queryKey: queryKeys.reports.keys,
    queryFn: async (): Promise<KeyReport> => {
      const report = await unwrap(api.GET("/v1/reports/keys", { params: { query: { format: "json" } } }));
      // The operation also answers text/csv (format=csv); this asks for JSON.
      if (typeof report === "string") throw new ApiRequestError(500, undefined);
      return report;
    },
  });
}
