/**
 * The key object every key endpoint answers with (shared/API.md "The key object", plus
 * `environment`, `prefix`, `kind` and `source`), its status rule, and the shape of a freshly issued secret.
 * Its `attention` badges (hygiene/key-attention.ts) depend on the workspace's hygiene policy, so
 * every caller passes that in with the row. No field ever holds a secret or its hash.
 */
import { z } from "zod";
import type { KeyRow } from "../../store/schema.js";
import type { AttentionPolicy } from "../hygiene/hygiene-policy.js";
import { ATTENTION_BADGES, attentionOf } from "../hygiene/key-attention.js";
import {
  environmentSchema,
  keyKindSchema,
  keyRateLimitSchema,
  type QuotaRefill,
  quotaRefillSchema,
  rateLimitSchema,
} from "./key-fields.js";
import { defaultRateLimitOf, storedRateLimits } from "./key-rate-limits.js";

export const KEY_STATUSES = ["active", "disabled", "revoked", "expired"] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

export const keyObjectSchema = z
  .object({
    id: z.string(),
    kind: keyKindSchema,
    name: z.string(),
    appId: z.string().nullable(),
    environment: environmentSchema,
    prefix: z.string(),
    start: z
      .string()
      .describe("The prefix and first characters of the secret: identifies it, exposes nothing"),
    sharedKey: z.string().nullable().describe("The public half of a pair; null for a token"),
    status: z.enum(KEY_STATUSES),
    enabled: z.boolean(),
    scopes: z.array(z.string()),
    meta: z.record(z.string(), z.unknown()),
    expiresAt: z.string().nullable(),
    ipAllowlist: z.array(z.string()),
    rateLimit: rateLimitSchema
      .nullable()
      .describe("The limit named default in rateLimits, or null without one (kept for compatibility)"),
    rateLimits: z
      .array(keyRateLimitSchema)
      .describe("The key's named rate limits (at most 5); a verification must pass every one"),
    quota: z.object({ remaining: z.number(), refill: quotaRefillSchema.nullable() }).nullable(),
    usageCount: z.number(),
    lastUsedAt: z.string().nullable(),
    lastUsedIp: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.string().nullable(),
    revokedAt: z.string().nullable(),
    revokedReason: z.string().nullable(),
    rotatedAt: z.string().nullable(),
    externalId: z
      .string()
      .nullable()
      .describe(
        "The platform's id of the end user or customer the key is for (its identity's); set at creation",
      ),
    identityId: z
      .string()
      .nullable()
      .describe("The identity the key belongs to; null without one (or once the identity is deleted)"),
    source: z
      .enum(["keygate", "import"])
      .describe(
        "keygate: issued here; import: imported by the SHA-256 of a secret issued elsewhere (POST /v1/keys/import)",
      ),
    recoverable: z
      .boolean()
      .describe(
        "Whether its secret is kept encrypted and can be revealed (POST /v1/keys/{id}/reveal): made or rotated while the workspace had recoverable keys on",
      ),
    attention: z
      .array(z.enum(ATTENTION_BADGES))
      .describe(
        "What about the key wants a look, by the workspace's hygiene policy: rotation_due (not rotated for rotationReminderDays), unused (no verification for unusedKeyDays), no_expiry, expiring_soon (within 7 days), leaked. Only a key neither revoked nor expired gets any but leaked",
      ),
    leak: z
      .object({
        reportedAt: z.string().describe("When its secret was last reported found in public"),
        url: z.string().nullable().describe("Where it was found"),
      })
      .nullable()
      .describe("The last leak report of its secret; null when it has none"),
  })
  .describe("A key, without its secret");

export type PublicKey = z.infer<typeof keyObjectSchema>;

/** The key object plus its new secret, answered once by create and rotate. */
export const issuedKeySchema = keyObjectSchema
  .extend({
    key: z.string().optional().describe("The token (kind token); shown only in this response"),
    secretKey: z.string().optional().describe("The Secret Key (kind pair); shown only in this response"),
  })
  .describe("A key and its new secret, shown only once");

export type IssuedKey = z.infer<typeof issuedKeySchema>;

/** The key object of a row with its new secret: `secretKey` for a pair, `key` for a token. */
export function toIssuedKey(row: KeyRow, secret: string, now: Date, policy: AttentionPolicy): IssuedKey {
  const key = toPublicKey(row, now, policy);
  return row.kind === "pair" ? { ...key, secretKey: secret } : { ...key, key: secret };
}

/** revoked, else disabled, else expired (expiresAt reached), else active. */
export function keyStatus(row: Pick<KeyRow, "revoked_at" | "enabled" | "expires_at">, now: Date): KeyStatus {
  if (row.revoked_at) return "revoked";
  if (!row.enabled) return "disabled";
  if (row.expires_at && row.expires_at.getTime() <= now.getTime()) return "expired";
  return "active";
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The key object of a row, its status and badges judged at `now` by its workspace's policy. */
export function toPublicKey(row: KeyRow, now: Date, policy: AttentionPolicy): PublicKey {
  const rateLimits = storedRateLimits(row.rate_limits);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    appId: row.app_id,
    environment: row.environment,
    prefix: row.prefix,
    start: row.start,
    sharedKey: row.shared_key,
    status: keyStatus(row, now),
    enabled: row.enabled,
    scopes: row.scopes as string[],
    meta: row.meta as Record<string, unknown>,
    expiresAt: iso(row.expires_at),
    ipAllowlist: row.ip_allowlist as string[],
    rateLimit: defaultRateLimitOf(rateLimits),
    rateLimits,
    quota:
      row.quota_remaining === null
        ? null
        : { remaining: row.quota_remaining, refill: (row.quota_refill as QuotaRefill | null) ?? null },
    usageCount: row.usage_count,
    lastUsedAt: iso(row.last_used_at),
    lastUsedIp: row.last_used_ip,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    createdBy: row.created_by,
    revokedAt: iso(row.revoked_at),
    revokedReason: row.revoked_reason,
    rotatedAt: iso(row.rotated_at),
    externalId: row.external_id,
    identityId: row.identity_id,
    source: row.source,
    recoverable: row.secret_ciphertext !== null,
    attention: attentionOf(row, now, policy),
    leak: row.leaked_at === null ? null : { reportedAt: row.leaked_at.toISOString(), url: row.leaked_url },
  };
}
