/**
 * What the verifier caches per secret: everything a verification judges, parsed once (allowlist,
 * scopes, times as milliseconds) and the constant part of the VALID answer already serialised, so a
 * cache hit allocates almost nothing.
 */
import type { KeyKind } from "../store/schema.js";
import { IpAllowlist } from "./ip-allowlist.js";
import { ScopeSet } from "./scope-set.js";

export interface RateLimitConfig {
  limit: number;
  windowMs: number;
}

export interface VerificationRecord {
  keyId: string;
  workspaceId: string;
  kind: KeyKind;
  /** The public half of a pair; null for a token. */
  sharedKey: string | null;
  revoked: boolean;
  enabled: boolean;
  /** The key's own expiry. */
  expiresAtMs: number | null;
  /** When this secret stops working: set for an old secret in its rotation grace. */
  secretExpiresAtMs: number | null;
  /** null when the key may be used from anywhere. */
  ipAllowlist: IpAllowlist | null;
  scopes: ScopeSet;
  rateLimit: RateLimitConfig | null;
  /** Whether the key has a quota: then a VALID verification spends it in the store. */
  hasQuota: boolean;
  /**
   * The VALID answer up to and including `expiresAt`, without the closing brace:
   * `{"valid":true,"code":"VALID","keyId":...,"expiresAt":null`.
   */
  validHead: string;
  /** The whole VALID answer when the key has neither rate limit nor quota (it never changes). */
  validBody: string | null;
}

/** The columns of a key and its secret that a verification needs, as the store returns them. */
export interface VerificationRow {
  id: string;
  workspace_id: string;
  app_id: string | null;
  kind: KeyKind;
  name: string;
  shared_key: string | null;
  scopes: unknown;
  meta: unknown;
  expires_at: Date | null;
  ip_allowlist: unknown;
  rate_limit: unknown;
  quota_remaining: number | null;
  enabled: boolean;
  revoked_at: Date | null;
  secret_expires_at: Date | null;
}

const stringArray = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

function rateLimitOf(value: unknown): RateLimitConfig | null {
  if (typeof value !== "object" || value === null) return null;
  const { limit, windowMs } = value as { limit?: unknown; windowMs?: unknown };
  if (typeof limit !== "number" || typeof windowMs !== "number" || limit < 1 || windowMs < 1) return null;
  return { limit, windowMs };
}

/** Builds the cached record of a key row and one of its secrets. */
export function toVerificationRecord(row: VerificationRow): VerificationRecord {
  const scopes = stringArray(row.scopes);
  const allowlist = stringArray(row.ip_allowlist);
  const meta = typeof row.meta === "object" && row.meta !== null ? row.meta : {};
  const rateLimit = rateLimitOf(row.rate_limit);
  const hasQuota = row.quota_remaining !== null;
  const valid = JSON.stringify({
    valid: true,
    code: "VALID",
    keyId: row.id,
    name: row.name,
    appId: row.app_id,
    workspaceId: row.workspace_id,
    scopes,
    meta,
    expiresAt: row.expires_at?.toISOString() ?? null,
  });
  const validHead = valid.slice(0, -1);
  return {
    keyId: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    sharedKey: row.shared_key,
    revoked: row.revoked_at !== null,
    enabled: row.enabled,
    expiresAtMs: row.expires_at?.getTime() ?? null,
    secretExpiresAtMs: row.secret_expires_at?.getTime() ?? null,
    ipAllowlist: allowlist.length > 0 ? new IpAllowlist(allowlist) : null,
    scopes: new ScopeSet(scopes),
    rateLimit,
    hasQuota,
    validHead,
    validBody: rateLimit === null && !hasQuota ? `${validHead},"ratelimit":null,"quota":null}` : null,
  };
}
