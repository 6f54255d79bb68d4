/**
 * What callers send to create, edit, rotate and revoke keys: strict zod objects (unknown fields are
 * refused) that validate the request, type the domain operation and document the API at once.
 */
import { z } from "zod";
import { isoDateTime, nameSchema } from "../fields.js";
import { externalIdSchema } from "../identities/identity-fields.js";
import {
  environmentSchema,
  ipAllowlistSchema,
  keyKindSchema,
  keyRateLimitsSchema,
  metaSchema,
  oneRateLimitField,
  prefixSchema,
  quotaSchema,
  rateLimitSchema,
  scopeListSchema,
} from "./key-fields.js";

const MAX_GRACE_SECONDS = 30 * 24 * 3600;
const MAX_REASON_LENGTH = 500;

export const createKeyBody = z
  .strictObject({
    name: nameSchema,
    kind: keyKindSchema.default("token").describe("token: one secret; pair: a Shared Key and a Secret Key"),
    appId: z
      .string()
      .max(100)
      .optional()
      .describe("The app the key belongs to; it takes the app's environment"),
    environment: environmentSchema
      .optional()
      .describe("For a key without an app (default production); a key of an app takes the app's"),
    prefix: prefixSchema.optional().describe("Defaults to the workspace's key prefix"),
    scopes: scopeListSchema.default([]),
    meta: metaSchema.default({}),
    expiresAt: isoDateTime.nullable().optional(),
    ipAllowlist: ipAllowlistSchema.default([]),
    rateLimit: rateLimitSchema
      .nullable()
      .optional()
      .describe("The limit named default (null or absent: none); use rateLimits for named limits, not both"),
    rateLimits: keyRateLimitsSchema
      .optional()
      .describe("The key's named rate limits (at most 5); every one must allow a verification"),
    quota: quotaSchema.nullable().default(null),
    externalId: externalIdSchema
      .optional()
      .describe(
        "The platform's id of the end user or customer the key is for: the key joins that identity (created when missing) and keeps this id for good",
      ),
  })
  .superRefine(oneRateLimitField);
export type CreateKeyInput = z.infer<typeof createKeyBody>;

export const updateKeyBody = z
  .strictObject({
    name: nameSchema.optional(),
    scopes: scopeListSchema.optional(),
    meta: metaSchema.optional(),
    expiresAt: isoDateTime.nullable().optional().describe("null removes the expiry"),
    enabled: z.boolean().optional(),
    ipAllowlist: ipAllowlistSchema.optional().describe("[] allows every network"),
    rateLimit: rateLimitSchema
      .nullable()
      .optional()
      .describe(
        "Sets the limit named default, the key's other limits kept; null removes it. Not with rateLimits",
      ),
    rateLimits: keyRateLimitsSchema
      .optional()
      .describe("Replaces every named rate limit of the key ([] removes them all). Not with rateLimit"),
    quota: quotaSchema.nullable().optional().describe("null removes the quota; a new quota starts now"),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: "send at least one field to change",
    when: (payload) => payload.issues.length === 0,
  })
  .superRefine(oneRateLimitField);
export type UpdateKeyInput = z.infer<typeof updateKeyBody>;

const rotateFields = z.strictObject({
  gracePeriodSeconds: z
    .number()
    .int()
    .min(0, "must not be negative")
    .max(MAX_GRACE_SECONDS, `must be at most ${MAX_GRACE_SECONDS} (30 days)`)
    .default(0)
    .describe("How long the old secret keeps working; 0 ends it at once"),
});
/** Optional: no body (or `null`) rotates with no grace period. */
export const rotateKeyBody = rotateFields.nullish().transform((body) => body ?? rotateFields.parse({}));
export type RotateKeyInput = z.infer<typeof rotateKeyBody>;

const revokeFields = z.strictObject({
  reason: z
    .string()
    .trim()
    .max(MAX_REASON_LENGTH, `must be at most ${MAX_REASON_LENGTH} characters`)
    .optional(),
});
/** Optional: no body (or `null`) revokes without a reason. */
export const revokeKeyBody = revokeFields.nullish().transform((body) => body ?? {});
export type RevokeKeyInput = z.infer<typeof revokeKeyBody>;
