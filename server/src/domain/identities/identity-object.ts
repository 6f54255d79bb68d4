/**
 * The identity object every identity endpoint answers with, and what callers send to create,
 * edit, list, delete and revoke the keys of identities: strict zod objects that validate the
 * request, type the domain operation and document the API at once.
 */
import { z } from "zod";
import type { IdentityRow } from "../../store/schema.js";
import { metaSchema } from "../keys/key-fields.js";
import { revokeKeyBody } from "../keys/key-inputs.js";
import { pageQuery } from "../paging.js";
import {
  externalIdSchema,
  type IdentityRateLimit,
  identityRateLimitSchema,
  identityRateLimitsSchema,
} from "./identity-fields.js";

export const identityObjectSchema = z
  .object({
    id: z.string(),
    externalId: z.string().describe("The platform's id of the end user or customer"),
    meta: z.record(z.string(), z.unknown()).describe("Returned with every valid verification of its keys"),
    rateLimits: z.array(identityRateLimitSchema),
    keyCount: z.number().describe("Its keys that are not deleted (revoked ones included)"),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .describe("An end user or customer of the workspace, shared by all its keys");
export type PublicIdentity = z.infer<typeof identityObjectSchema>;

export const createIdentityBody = z.strictObject({
  externalId: externalIdSchema,
  meta: metaSchema.default({}),
  rateLimits: identityRateLimitsSchema.default([]),
});
export type CreateIdentityInput = z.infer<typeof createIdentityBody>;

export const updateIdentityBody = z
  .strictObject({
    meta: metaSchema.optional(),
    rateLimits: identityRateLimitsSchema.optional().describe("[] removes every shared limit"),
  })
  .refine((body) => Object.keys(body).length > 0, {
    message: "send at least one field to change",
    when: (payload) => payload.issues.length === 0,
  });
export type UpdateIdentityInput = z.infer<typeof updateIdentityBody>;

export const listIdentitiesQuery = z.strictObject({
  search: z
    .string()
    .max(200, "must be at most 200 characters")
    .optional()
    .describe("Part of an externalId (case-insensitive), or an identity id"),
  ...pageQuery,
});
export type ListIdentitiesQuery = z.infer<typeof listIdentitiesQuery>;

export const deleteIdentityQuery = z.strictObject({
  revokeKeys: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true")
    .describe(
      "true revokes its keys that are not revoked yet, in the same change; otherwise they refuse it (409)",
    ),
});
export type DeleteIdentityQuery = z.infer<typeof deleteIdentityQuery>;

/** Optional: no body (or `null`) revokes without a reason; the same body as revoking one key. */
export const revokeIdentityKeysBody = revokeKeyBody;
export type RevokeIdentityKeysInput = z.infer<typeof revokeIdentityKeysBody>;

export const revokedKeysSchema = z
  .object({
    revoked: z.number().describe("How many keys this call revoked"),
    keyIds: z.array(z.string()).describe("The keys it revoked, newest first"),
  })
  .describe("The keys of the identity revoked by this call");

/** The identity object of a row and its live-key count. */
export function toPublicIdentity(row: IdentityRow, keyCount: number): PublicIdentity {
  return {
    id: row.id,
    externalId: row.external_id,
    meta: row.meta as Record<string, unknown>,
    rateLimits: row.rate_limits as IdentityRateLimit[],
    keyCount,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
