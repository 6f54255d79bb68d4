/**
 * `GET /v1/reports/keys`: the key hygiene report of the caller's workspace (domain/hygiene/
 * key-report.ts), as JSON (the default) or as a CSV file to download. Needs `reports:read`.
 */
import type { AppContext } from "../../app/context.js";
import { openKeyReport } from "../../domain/hygiene/key-report.js";
import { keyReportCsvStream, keyReportJsonStream } from "../../domain/hygiene/key-report-streams.js";
import { principalOf } from "../auth/authenticate.js";
import { errorResponse } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";
import { keyReportCsvSchema, keyReportSchema, reportQuery } from "./reports-schemas.js";

export function reportRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/v1/reports/keys",
    {
      config: { auth: "reports:read" },
      schema: {
        tags: ["reports"],
        summary: "The key hygiene report",
        description:
          "Every active or disabled key with its age, last rotation, last use and expiry, the policies it breaks (`breaches`) and its attention badges. `format=csv` answers a file to download, one key per row.",
        querystring: reportQuery,
        response: {
          200: {
            description: "The report, as JSON or CSV",
            content: {
              "application/json": { schema: keyReportSchema },
              "text/csv": { schema: keyReportCsvSchema },
            },
          },
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const now = ctx.clock.now();
      const report = await openKeyReport(ctx.store.db, principalOf(request).workspaceId, now);
      const onError = (error: Error) =>
        request.log.error({ err: error, requestId: request.id }, "key report failed mid-stream");
      if (request.query.format === "json") {
        return reply.type("application/json; charset=utf-8").send(keyReportJsonStream(report, onError));
      }
      const date = now.toISOString().slice(0, 10);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="keygate-key-report-${date}.csv"`)
        .send(keyReportCsvStream(report, onError));
    },
  );
}
