/**
 * What `POST /v1/keys/import` takes: up to {@link MAX_IMPORT_ROWS} keys issued elsewhere, each by
 * the SHA-256 of its whole secret. The body's envelope is checked as a whole (not this shape, or
 * too many rows: 400); each row is then checked on its own with {@link importKeyRowSchema}, so a
 * bad row refuses that row only. The row's fields are those of key creation (key-inputs.ts) minus
 * what only a new secret has (kind, prefix, environment), plus `hash`, `start` and `enabled`.
 */
import { z } from "zod";
import { isoDateTime, nameSchema } from "../fields.js";
import { externalIdSchema } from "../identities/identity-fields.js";
import {
  ipAllowlistSchema,
  keyRateLimitsSchema,
  metaSchema,
  oneRateLimitField,
  quotaSchema,
  rateLimitSchema,
  scopeListSchema,
} from "./key-fields.js";

/** Most keys one import takes. */
export const MAX_IMPORT_ROWS = 1000;
const SHA256_BYTES = 32;
const MAX_START_LENGTH = 64;

/**
 * A SHA-256 as the store keeps it (base64url, no padding), from 64 hex characters or 43-44
 * characters of base64 or base64url; `undefined` when it is neither.
 */
export function normaliseSha256(value: string): string | undefined {
  let bytes: Buffer;
  if (/^[0-9a-fA-F]{64}$/.test(value)) bytes = Buffer.from(value, "hex");
  else if (/^[A-Za-z0-9+/]{43}=?$/.test(value) || /^[A-Za-z0-9_-]{43}$/.test(value)) {
    bytes = Buffer.from(
      value.replace(/=$/, ""),
      value.includes("+") || value.includes("/") ? "base64" : "base64url",
    );
  } else return undefined;
  if (bytes.length !== SHA256_BYTES) return undefined;
  const canonical = bytes.toString("base64url");
  // Stray bits in the last character would name the same bytes twice: refuse them.
  const plain = value.replace(/=$/, "").replaceAll("+", "-").replaceAll("/", "_");
  if (!/^[0-9a-fA-F]{64}$/.test(value) && plain !== canonical) return undefined;
  return canonical;
}

export const importKeyRowSchema = z
  .strictObject({
    hash: z
      .string()
      .transform((value, context) => {
        const hash = normaliseSha256(value);
        if (hash === undefined) {
          context.addIssue({
            code: "custom",
            message: "must be a SHA-256 of the whole key: 64 hex characters, or base64 / base64url",
          });
          return z.NEVER;
        }
        return hash;
      })
      .describe("SHA-256 of the whole key: 64 hex characters, or base64 / base64url (43 or 44 characters)"),
    name: nameSchema,
    start: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(MAX_START_LENGTH, `must be at most ${MAX_START_LENGTH} characters`)
      .optional()
      .describe(
        "What lists show to identify the key (`sk_live_4eC3`); never the whole key. Defaults to the prefix of the workspace's first foreign key format, else its key prefix",
      ),
    appId: z
      .string()
      .max(100)
      .optional()
      .describe("The app the key belongs to; it takes the app's environment"),
    externalId: externalIdSchema
      .optional()
      .describe("The identity (end user or customer) the key joins, created when the workspace has none yet"),
    scopes: scopeListSchema.default([]),
    meta: metaSchema.default({}),
    expiresAt: isoDateTime.nullable().optional(),
    ipAllowlist: ipAllowlistSchema.default([]),
    rateLimit: rateLimitSchema
      .nullable()
      .optional()
      .describe("The limit named default (null or absent: none); use rateLimits for named limits, not both"),
    rateLimits: keyRateLimitsSchema.optional().describe("The key's named rate limits (at most 5)"),
    quota: quotaSchema.nullable().default(null),
    enabled: z.boolean().default(true).describe("false imports the key disabled"),
  })
  .superRefine(oneRateLimitField)
  .describe("A key issued elsewhere, by the SHA-256 of its secret");
export type ImportKeyRow = z.infer<typeof importKeyRowSchema>;

/** The body as documented (and as the SDK's types show it). */
export const importKeysBody = z.strictObject({
  keys: z.array(importKeyRowSchema).min(1, "must hold at least 1 key").max(MAX_IMPORT_ROWS),
  dryRun: z.boolean().default(false).describe("true: answer the same report and write nothing"),
});

/** The body as checked before its rows: the envelope; each row is checked on its own. */
export const importKeysEnvelope = z.strictObject({
  keys: z
    .array(z.record(z.string(), z.unknown()))
    .min(1, "must hold at least 1 key")
    .max(MAX_IMPORT_ROWS, `must hold at most ${MAX_IMPORT_ROWS} keys`),
  dryRun: z.boolean().default(false),
});

/** A row that passed its own checks, with its place in the request. */
export interface ImportCandidate {
  index: number;
  row: ImportKeyRow;
}

/** A refused row: its place in the request and why, as an error would say it. */
export interface ImportRefusal {
  index: number;
  code: string;
  message: string;
}

export const importReportSchema = z.object({
  imported: z
    .array(z.object({ index: z.number().int(), id: z.string() }))
    .describe("Rows stored as new keys, with their ids"),
  skipped: z
    .array(z.object({ index: z.number().int(), id: z.string(), reason: z.literal("ALREADY_IMPORTED") }))
    .describe("Rows whose hash is already a key of this workspace (a re-run): that key's id"),
  refused: z
    .array(z.object({ index: z.number().int(), code: z.string(), message: z.string() }))
    .describe("Rows not stored, each with the error code and message a key creation would give"),
});
export type ImportReport = z.infer<typeof importReportSchema>;
