/**
 * The fields an identity carries, as zod schemas: its `externalId` (the platform's id of its end
 * user or customer, which a key may carry too), and its shared rate limits, each one limit across
 * every key of the identity (the verifier counts them under `identity:<id>:<name>`).
 */
import { z } from "zod";
import { rateLimitSchema, refuseRepeatedNames } from "../keys/key-fields.js";

export const MAX_EXTERNAL_ID_LENGTH = 200;
export const MAX_IDENTITY_RATE_LIMITS = 10;

/** Control characters (C0, DEL, C1): invisible in lists and logs, and NUL cannot be stored. */
const CONTROL_CHARACTER = /\p{Cc}/u;

/** The platform's id of an end user or customer: 1-200 characters, taken exactly as sent. */
export const externalIdSchema = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_EXTERNAL_ID_LENGTH, `must be at most ${MAX_EXTERNAL_ID_LENGTH} characters`)
  .refine((value) => !CONTROL_CHARACTER.test(value), "must not contain control characters")
  .describe("The platform's id of the end user or customer (1-200 characters, no control characters)");

const RATE_LIMIT_NAME = /^[a-z0-9_-]{1,50}$/;

/** One named limit shared by every key of the identity. */
export const identityRateLimitSchema = z.strictObject({
  name: z
    .string()
    .regex(RATE_LIMIT_NAME, "must be 1-50 lowercase letters, digits, _ or -")
    .describe("Names the limit (such as requests); a refusal's ratelimit is that limit's"),
  ...rateLimitSchema.shape,
});

/** At most ten limits, each name once. */
export const identityRateLimitsSchema = z
  .array(identityRateLimitSchema)
  .max(MAX_IDENTITY_RATE_LIMITS, `must hold at most ${MAX_IDENTITY_RATE_LIMITS} limits`)
  .superRefine(refuseRepeatedNames)
  .describe("Each one limit across every key of the identity, checked after the key's own");

export type IdentityRateLimit = z.infer<typeof identityRateLimitSchema>;
