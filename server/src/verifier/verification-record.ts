/**
 * What the verifier caches per secret: everything a verification judges, parsed once (allowlist,
 * scopes, times as milliseconds) and the VALID answer already serialised, once, so a cache hit
 * allocates almost nothing and a cached key costs about 0.7 KB (`bench/cache-bytes.ts` measures it).
 * The workspace's state is not copied in: the record points at the workspace's one shared
 * {@link WorkspaceState}, which a workspace message changes in place.
 */
import type { KeyKind } from "../store/schema.js";
import { IpAllowlist } from "./ip-allowlist.js";
import type { RateLimitCheck } from "./rate-limiter.js";
import { ScopeSet } from "./scope-set.js";
import type { WorkspaceState } from "./workspace-states.js";

/**
 * One rate limit a verification of the key is checked against: one of the key's own (limiter key
 * `key:<keyId>:<name>`) or of its identity's (`identity:<identityId>:<name>`, one limit across all
 * the identity's keys).
 */
export interface RecordRateLimit extends RateLimitCheck {
  name: string;
  /** How the limit's entry of the answer's `ratelimits` begins: `{"name":"<name>",`. */
  entryHead: string;
}

export interface VerificationRecord {
  keyId: string;
  /** The key's workspace, shared by every record of its keys. */
  workspace: WorkspaceState;
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
  /**
   * Every rate limit of the key, its own first, then its identity's, all checked in one step (all
   * or nothing); null when there are none.
   */
  rateLimits: readonly RecordRateLimit[] | null;
  /** Whether the key has a quota: then a VALID verification spends it in the store. */
  hasQuota: boolean;
  /**
   * The whole VALID answer as a key without rate limit or quota gives it, serialised once and
   * kept as the one copy: `{"valid":true,"code":"VALID","keyId":...,"ratelimit":null,"quota":null}`.
   * A key with a rate limit or a quota answers it with those two filled in (verify-response.ts).
   * Empty while {@link anyValidBody} stands in for it (read it with `ownValidBody`).
   */
  validBody: string;
  /**
   * The VALID answer for a caller with `keys:verify:any` (the same, ending with the workspace),
   * built on its first use and again after the workspace changed ({@link anyValidVersion}).
   * Building it drops {@link validBody}: a record keeps one copy unless both kinds ask.
   */
  anyValidBody: string;
  /** The {@link WorkspaceState.version} that {@link anyValidBody} was built from; -1 before. */
  anyValidVersion: number;
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
  /** The key's named limits, `[{ name, limit, windowMs }]` (migration 0009). */
  rate_limits: unknown;
  quota_remaining: number | null;
  enabled: boolean;
  revoked_at: Date | null;
  secret_expires_at: Date | null;
  /** The key's external id (its identity's), or null. */
  external_id: string | null;
  identity_id: string | null;
  identity_external_id: string | null;
  identity_meta: unknown;
  identity_rate_limits: unknown;
}

const stringArray = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/** The well-formed `{ name, limit, windowMs }` items of a stored list, as checks under `owner`. */
function rateLimitsOf(owner: string, value: unknown, into: RecordRateLimit[]): void {
  if (!Array.isArray(value)) return;
  for (const item of value) {
    if (typeof item !== "object" || item === null) continue;
    const { name, limit, windowMs } = item as { name?: unknown; limit?: unknown; windowMs?: unknown };
    if (typeof name !== "string" || typeof limit !== "number" || typeof windowMs !== "number") continue;
    if (limit < 1 || windowMs < 1) continue;
    into.push({
      limiterKey: `${owner}:${name}`,
      name,
      limit,
      windowMs,
      entryHead: `{"name":${JSON.stringify(name)},`,
    });
  }
}

/** The key's own limits, then its identity's; null when neither has any. */
function recordRateLimitsOf(row: VerificationRow): RecordRateLimit[] | null {
  const limits: RecordRateLimit[] = [];
  rateLimitsOf(`key:${row.id}`, row.rate_limits, limits);
  if (row.identity_id !== null) rateLimitsOf(`identity:${row.identity_id}`, row.identity_rate_limits, limits);
  return limits.length > 0 ? limits : null;
}

const objectOr = (value: unknown): object =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};

/** Builds the cached record of a key row and one of its secrets, in its workspace's state. */
export function toVerificationRecord(row: VerificationRow, workspace: WorkspaceState): VerificationRecord {
  const scopes = stringArray(row.scopes);
  const allowlist = stringArray(row.ip_allowlist);
  const meta = objectOr(row.meta);
  const identityId = row.identity_id;
  const identity =
    identityId === null
      ? null
      : { id: identityId, externalId: row.identity_external_id, meta: objectOr(row.identity_meta) };
  const hasQuota = row.quota_remaining !== null;
  // One flat string per key; a joined head and tail would keep two near-copies once flattened.
  const validBody = JSON.stringify({
    valid: true,
    code: "VALID",
    keyId: row.id,
    name: row.name,
    appId: row.app_id,
    workspaceId: row.workspace_id,
    externalId: row.external_id,
    identity,
    scopes,
    meta,
    expiresAt: row.expires_at?.toISOString() ?? null,
    ratelimit: null,
    quota: null,
  });
  return {
    keyId: row.id,
    workspace,
    kind: row.kind,
    sharedKey: row.shared_key,
    revoked: row.revoked_at !== null,
    enabled: row.enabled,
    expiresAtMs: row.expires_at?.getTime() ?? null,
    secretExpiresAtMs: row.secret_expires_at?.getTime() ?? null,
    ipAllowlist: allowlist.length > 0 ? new IpAllowlist(allowlist) : null,
    scopes: ScopeSet.of(scopes),
    rateLimits: recordRateLimitsOf(row),
    hasQuota,
    validBody,
    anyValidBody: "",
    anyValidVersion: -1,
  };
}
