/** GET /v1/keys/{id}/usage: a key's verification outcomes per hour or day. */
import { z } from "zod";
import type { AppContext } from "../../../app/context.js";
import { isoDateTime } from "../../../domain/fields.js";
import { requirePortalFeature } from "../../../domain/portal/portal-features.js";
import { readKeyUsage, usageRange } from "../../../domain/usage/read-usage.js";
import { notFound, validationFailed } from "../../../errors.js";
import { KEY_USAGE_CODES } from "../../../verifier/outcomes.js";
import { principalOf } from "../../auth/authenticate.js";
import { errorResponse, idParams } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { KEY_TAGS } from "./key-route-parts.js";

const keyUsageQuery = z.strictObject({
  granularity: z.enum(["hour", "day"]).default("hour").describe("Bucket size (UTC hours or days)"),
  from: isoDateTime.optional().describe("Default: 24 hours (hour) or 30 days (day) before `to`"),
  to: isoDateTime.optional().describe("Default: now"),
});

const keyUsageResponse = z
  .object({
    keyId: z.string(),
    granularity: z.enum(["hour", "day"]),
    data: z.array(
      z.object({
        bucket: z.string().describe("Start of the bucket"),
        counts: z.object(Object.fromEntries(KEY_USAGE_CODES.map((code) => [code, z.number()]))),
        total: z.number(),
      }),
    ),
  })
  .describe("Verification outcomes per bucket, oldest first; at most 1000 buckets");

export function keyUsageRoute(app: ZodApp, ctx: AppContext): void {
  app.get(
    "/v1/keys/:id/usage",
    {
      config: { auth: "keys:read" },
      schema: {
        tags: KEY_TAGS,
        summary: "Usage of a key",
        description:
          "Counts of each verification outcome per UTC hour or day. Counts arrive within about a second of the verification. A portal session needs the `usage` feature.",
        params: idParams("key"),
        querystring: keyUsageQuery,
        response: {
          200: keyUsageResponse,
          400: errorResponse,
          401: errorResponse,
          403: errorResponse,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      requirePortalFeature(principal, "usage");
      const { granularity, from, to } = request.query;
      const range = usageRange(
        granularity,
        from === undefined ? undefined : new Date(from),
        to === undefined ? undefined : new Date(to),
        ctx.clock.now(),
      );
      if (typeof range === "string") throw validationFailed(range);
      const report = await readKeyUsage(ctx.store.db, {
        workspaceId: principal.workspaceId,
        keyId: request.params.id,
        granularity,
        range,
      });
      if (!report) throw notFound("key");
      return report;
    },
  );
}
