/**
 * What the verifier caches per secret: everything a verification judges, parsed once (allowlist,
 * scopes, times as milliseconds) and the VALID answer already serialised, once, so a cache hit
 * allocates almost nothing and a cached key costs about 0.6 KB (`bench/cache-bytes.ts` measures it).
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
   * The whole VALID answer as a key without rate limit or quota gives it, serialised once and
   * kept as the one copy: `{"valid":true,"code":"VALID","keyId":...,"ratelimit":null,"quota":null}`.
   * A key with a rate limit or a quota answers it with those two filled in (verify-response.ts).
   */
  validBody: string;
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
  // One flat string per key; a joined head and tail would keep two near-copies once flattened.
  const validBody = JSON.stringify({
    valid: true,
    code: "VALID",
    keyId: row.id,
    name: row.name,
    appId: row.app_id,
    workspaceId: row.workspace_id,
    scopes,
    meta,
    expiresAt: row.expires_at?.toISOString() ?? null,
    ratelimit: null,
    quota: null,
  });
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
    scopes: ScopeSet.of(scopes),
    rateLimit,
    hasQuota,
    validBody,
  };
}
