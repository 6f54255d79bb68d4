/**
 * The audit trail: the caller's workspace's events, newest first, filtered and cursor-paged, or
 * exported whole as CSV (`format=csv`, a plan feature).
 */
import { Readable } from "node:stream";
import { z } from "zod";
import type { AppContext } from "../../app/context.js";
import { auditCsvStream } from "../../domain/audit/audit-csv.js";
import {
  type AuditFilter,
  listAuditEvents,
  MAX_EXPORT_EVENTS,
  openAuditExport,
  toPublicAuditEvent,
} from "../../domain/audit/list-audit-events.js";
import { isoDateTime } from "../../domain/fields.js";
import { isId } from "../../domain/ids.js";
import { pageOf, pageQuery, toPage } from "../../domain/paging.js";
import { requireFeature } from "../../domain/workspaces/entitlements.js";
import { getWorkspace } from "../../domain/workspaces/workspaces.js";
import { principalOf } from "../auth/authenticate.js";
import { errorResponse } from "../schemas.js";
import type { ZodApp } from "../zod-app.js";

const ACTION_FILTER = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*(?:\.\*)?$/;
/** The longest id an event names: `portal:` and a portal user's externalId (at most 200 characters). */
const MAX_ID = 207;
const idFilter = z.string().min(1, "must not be empty").max(MAX_ID, `must be at most ${MAX_ID} characters`);

export const auditQuery = z
  .strictObject({
    action: z
      .string()
      .max(100, "must be at most 100 characters")
      .regex(ACTION_FILTER, "must be an action such as key.created, or a prefix such as key.*")
      .optional()
      .describe("An exact action (`key.created`) or a prefix ending in `.*` (`key.*`)"),
    targetId: idFilter.optional().describe("Only events about this entity"),
    actorId: idFilter
      .optional()
      .describe("Only events by this user or root key (its id), or portal user (`portal:<externalId>`)"),
    from: isoDateTime.optional().describe("Events at or after this time"),
    to: isoDateTime.optional().describe("Events before this time"),
    limit: pageQuery.limit,
    cursor: z
      .string()
      .refine((cursor) => isId("event", cursor), "must be the nextCursor of a previous page")
      .optional(),
    format: z.enum(["json", "csv"]).default("json").describe("`csv` exports every matching event"),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < Date.parse(query.to), {
    path: ["to"],
    message: "must be after from",
  });

const auditEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.object({
    type: z.enum(["user", "root_key", "system", "portal"]),
    id: z.string().nullable().describe("A user's or root key's id; portal:<externalId> for a portal user"),
    label: z.string().nullable().describe("A portal user's email; null for the other actors"),
  }),
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

export function auditEventRoutes(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/v1/audit-events",
    {
      config: { auth: "audit:read" },
      schema: {
        tags: ["audit"],
        summary: "List or export the audit trail",
        description: `Newest first. \`format=csv\` (plans with audit export) answers \`text/csv\` with every matching event, up to ${MAX_EXPORT_EVENTS.toLocaleString("en")}; \`limit\` does not apply to it.`,
        querystring: auditQuery,
        response: {
          200: {
            description: "A page of events, or the CSV export",
            content: {
              "application/json": { schema: pageOf(auditEventSchema) },
              "text/csv": {
                schema: z
                  .instanceof(Readable)
                  .meta({ type: "string", description: "A header row, then one row per event" }),
              },
            },
          },
          400: errorResponse,
          401: errorResponse,
          402: errorResponse,
          403: errorResponse,
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { action, targetId, actorId, from, to, limit, cursor, format } = request.query;
      const filter: AuditFilter = {
        workspaceId: principal.workspaceId,
        action,
        targetId,
        actorId,
        from: from === undefined ? undefined : new Date(from),
        to: to === undefined ? undefined : new Date(to),
        before: cursor,
      };
      if (format === "json") {
        const rows = await listAuditEvents(ctx.store.db, filter, limit + 1);
        const page = toPage(rows, limit);
        return { data: page.data.map(toPublicAuditEvent), nextCursor: page.nextCursor };
      }
      requireFeature((await getWorkspace(ctx.store.db, principal.workspaceId)).plan, "auditExport");
      const rows = await openAuditExport(ctx.store.db, filter);
      const date = ctx.clock.now().toISOString().slice(0, 10);
      const csv = auditCsvStream(rows, (error) =>
        request.log.error({ err: error, requestId: request.id }, "audit export failed mid-stream"),
      );
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="keygate-audit-${date}.csv"`)
        .send(csv);
    },
  );
}
