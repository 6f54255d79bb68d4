/**
 * Schemas of key hygiene: the workspace's policy as the API answers it (GET /v1/workspace and the
 * report), and the key hygiene report (GET /v1/reports/keys).
 */
import { Readable } from "node:stream";
import { z } from "zod";
import { isoDateTime } from "../../domain/fields.js";
import { ATTENTION_BADGES } from "../../domain/hygiene/key-attention.js";
import { BREACHES } from "../../domain/hygiene/key-report.js";
import { environmentSchema } from "../../domain/keys/key-fields.js";
import { KEY_STATUSES } from "../../domain/keys/key-object.js";

export const leakResponseSchema = z
  .enum(["revoke", "disable", "notify"])
  .describe("What a report of the key's secret found in public does: revoke it, disable it, or only notify");

export const hygienePolicySchema = z
  .object({
    maxKeyLifetimeSeconds: z
      .number()
      .int()
      .nullable()
      .describe("The longest a new key may live; null: no limit"),
    expiryRequired: z.boolean().describe("Whether every new key must have an expiry"),
    rotationReminderDays: z
      .number()
      .int()
      .nullable()
      .describe("A key not rotated for this many days is due for rotation (badge, report); null: off"),
    unusedKeyDays: z
      .number()
      .int()
      .describe("A key not verified for this many days counts as unused (badge, report, key.unused event)"),
    autoDisableUnusedDays: z
      .number()
      .int()
      .nullable()
      .describe("A key not verified for this many days is disabled by the server; null: never"),
    leakResponse: leakResponseSchema,
  })
  .describe("The workspace's key policy and key hygiene policy");

export const reportQuery = z.strictObject({
  format: z
    .enum(["json", "csv"])
    .default("json")
    .describe("`csv`: a file to download, one key per row, breaches joined with `;`"),
});

const reportKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  start: z.string(),
  appId: z.string().nullable(),
  environment: environmentSchema,
  status: z.enum(KEY_STATUSES),
  createdAt: isoDateTime,
  ageDays: z.number().int().describe("Whole days since it was created"),
  lastRotatedAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  lastUsedIp: z.string().nullable(),
  expiresAt: isoDateTime.nullable(),
  breaches: z
    .array(z.enum(BREACHES))
    .describe(
      "The policies it breaks: rotation_overdue, unused, no_expiry_required (an expiry is required and it has none), lifetime_exceeded (it lives longer than the longest lifetime), leaked",
    ),
  attention: z.array(z.enum(ATTENTION_BADGES)),
});

export const keyReportSchema = z
  .object({
    generatedAt: isoDateTime,
    policy: hygienePolicySchema,
    keys: z.array(reportKeySchema).describe("Every key that is neither revoked, deleted nor expired"),
  })
  .describe("The key hygiene report");

/** The CSV form of the report, for the OpenAPI document. */
export const keyReportCsvSchema = z
  .instanceof(Readable)
  .meta({ type: "string", description: "A header row, then one row per key" });
