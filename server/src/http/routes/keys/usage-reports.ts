/**
 * POST /v1/keys/usage-reports: an SDK that judged keys locally (from the records of
 * `record: true` verifications) reports what it decided, in batches, so usage counts, last use and
 * the /usage buckets stay true. Caller: `keys:verify` (its workspace's keys) or `keys:verify:any`;
 * reports of keys it cannot reach are ignored and counted in `ignored`, never refused.
 */
import { z } from "zod";
import type { AppContext } from "../../../app/context.js";
import { isoDateTime } from "../../../domain/fields.js";
import { REPORT_WINDOW_MS, reportUsage } from "../../../domain/usage/report-usage.js";
import { KEY_USAGE_CODES } from "../../../verifier/outcomes.js";
import { requireVerifyReach } from "../../../verifier/verify-reach.js";
import { principalOf } from "../../auth/authenticate.js";
import { requireVerifyReachHook } from "../../auth/require-verify-reach.js";
import { errorResponse } from "../../schemas.js";
import type { ZodApp } from "../../zod-app.js";
import { KEY_TAGS } from "./key-route-parts.js";

const MAX_REPORTS = 1000;
const MAX_COUNT = 1_000_000;

const usageReport = z.strictObject({
  keyId: z
    .string()
    .min(1)
    .max(64, "must be at most 64 characters")
    .describe("The key the outcomes belong to"),
  outcome: z
    .enum(KEY_USAGE_CODES)
    .describe("The verify code the SDK answered (never MALFORMED or NOT_FOUND)"),
  count: z
    .number()
    .int()
    .min(1, "must be at least 1")
    .max(MAX_COUNT, `must be at most ${MAX_COUNT}`)
    .describe("How many verifications had this outcome"),
  lastUsedAt: isoDateTime.describe(
    `The latest of them; counted within the last hour (${REPORT_WINDOW_MS / 60_000} minutes) and never in the future`,
  ),
  lastUsedIp: z
    .union([z.ipv4(), z.ipv6()], { error: "must be an IPv4 or IPv6 address" })
    .nullable()
    .describe("The end client's address of the latest one, or null"),
});

const usageReportsBody = z.strictObject({
  reports: z
    .array(usageReport)
    .min(1, "must hold at least 1 report")
    .max(MAX_REPORTS, `must hold at most ${MAX_REPORTS} reports`),
});

const usageReportsResponse = z
  .object({
    accepted: z.number().describe("Reports recorded"),
    ignored: z.number().describe("Reports of keys the caller cannot verify (or that do not exist)"),
  })
  .describe("Recorded reports show in usageCount, lastUsedAt and /usage within about a second");

export function usageReportsRoute(app: ZodApp, ctx: AppContext): void {
  // A deleted key's reports are ignored from its deletion on.
  ctx.invalidation.subscribe((message) => {
    if (message.kind === "key") ctx.verifier.knownKeys.forget(message.keyIds);
    else if (message.kind === "channel") ctx.verifier.knownKeys.clear();
  });
  app.post(
    "/v1/keys/usage-reports",
    {
      // Any caller, then the verify rule: keys:verify or keys:verify:any, before the body is read.
      config: { auth: "any" },
      onRequest: requireVerifyReachHook,
      schema: {
        tags: KEY_TAGS,
        summary: "Report locally judged verifications",
        description:
          "Adds `count` outcomes per report to the key's usage as server-side verifications do. Reports of keys the caller cannot verify are ignored (counted in `ignored`). Needs keys:verify (or keys:verify:any).",
        body: usageReportsBody,
        response: { 202: usageReportsResponse, 400: errorResponse, 401: errorResponse, 403: errorResponse },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const counted = await reportUsage(
        { db: ctx.store.db, clock: ctx.clock, usage: ctx.usage, knownKeys: ctx.verifier.knownKeys },
        { workspaceId: principal.workspaceId, reach: requireVerifyReach(principal) },
        request.body.reports,
      );
      return reply.code(202).send(counted);
    },
  );
}
