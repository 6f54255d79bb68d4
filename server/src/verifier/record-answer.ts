/**
 * The `record` a verification adds when asked (`"record": true`): what an SDK needs to judge the
 * same key locally, in the server's order (state, expiry, IP allowlist, scopes, then "limited: ask
 * the server" or the VALID answer). Built from the cached verification record on request only, so
 * the usual verification pays nothing for it; an SDK asks once per key.
 */
import type { VerificationRecord } from "./verification-record.js";
import type { VerifyReach } from "./verify-reach.js";
import { anyWorkspaceValidBody, ownValidBody } from "./verify-response.js";

/** What the record says of the key's standing, in the order the verifier judges it. */
export type RecordState = "active" | "disabled" | "revoked" | "suspended";

export function recordStateOf(record: VerificationRecord): RecordState {
  if (record.workspace.suspended) return "suspended";
  if (record.revoked) return "revoked";
  if (!record.enabled) return "disabled";
  return "active";
}

/** The earlier of the key's expiry and this secret's rotation-grace end, or null. */
function expiresAtMsOf(record: VerificationRecord): number | null {
  const { expiresAtMs, secretExpiresAtMs } = record;
  if (expiresAtMs === null) return secretExpiresAtMs;
  if (secretExpiresAtMs === null) return expiresAtMs;
  return Math.min(expiresAtMs, secretExpiresAtMs);
}

/** The key's scopes, read back from its serialised VALID answer (the record keeps no list). */
function scopesOf(record: VerificationRecord): string[] {
  const body = record.validBody === "" ? record.anyValidBody : record.validBody;
  const { scopes } = JSON.parse(body) as { scopes: string[] };
  return scopes;
}

/**
 * The record's JSON for a caller of this reach. `answer` is the VALID answer this caller gets
 * (with `ratelimit` and `quota` null; `workspace` for reach `any`), or null unless the key is active.
 */
export function recordJson(record: VerificationRecord, reach: VerifyReach): string {
  const state = recordStateOf(record);
  const expiresAtMs = expiresAtMsOf(record);
  const head = JSON.stringify({
    keyId: record.keyId,
    workspaceId: record.workspace.id,
    state,
    expiresAt: expiresAtMs === null ? null : new Date(expiresAtMs).toISOString(),
    ipAllowlist: record.ipAllowlist?.cidrs ?? [],
    scopes: scopesOf(record),
    limited: record.rateLimits !== null || record.hasQuota,
  });
  let answer = "null";
  if (state === "active") answer = reach === "any" ? anyWorkspaceValidBody(record) : ownValidBody(record);
  return `${head.slice(0, -1)},"answer":${answer}}`;
}

/** A judged answer (a JSON object) with the record added as its last field. */
export function withRecord(body: string, record: VerificationRecord, reach: VerifyReach): string {
  return `${body.slice(0, -1)},"record":${recordJson(record, reach)}}`;
}
