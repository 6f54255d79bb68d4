/**
 * The key's record a verification answers when asked (`record: true`), and the cached form the
 * SDK judges by: parsed once when it is stored (expiry as a number, the allowlist as ranges, the
 * scopes as a matcher, the VALID answer frozen), so a cached verification only compares.
 */
import { CidrList, parseAddress } from "./cidr.js";
import type { AnswerOf } from "./operations.js";
import { ScopeMatcher } from "./scope-match.js";
import type { VerifyAnswer } from "./verify-types.js";

/** `record` of a verification answer asked with `record: true` (the server's schema). */
export type VerificationRecord = NonNullable<AnswerOf<"keys.verify">["record"]>;

/** A record as the cache holds it. */
export interface JudgedRecord {
  keyId: string;
  workspaceId: string;
  state: VerificationRecord["state"];
  expiresAtMs: number | null;
  allowlist: CidrList | null;
  scopes: ScopeMatcher;
  limited: boolean;
  answer: VerifyAnswer | null;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export function judgedRecord(record: VerificationRecord): JudgedRecord {
  return {
    keyId: record.keyId,
    workspaceId: record.workspaceId,
    state: record.state,
    expiresAtMs: record.expiresAt === null ? null : Date.parse(record.expiresAt),
    allowlist: record.ipAllowlist.length === 0 ? null : new CidrList(record.ipAllowlist),
    scopes: new ScopeMatcher(record.scopes),
    limited: record.limited,
    // Frozen: every cached verification of this key answers this same object.
    answer: record.answer === null ? null : deepFreeze(record.answer as VerifyAnswer),
  };
}

const STATE_CODES = {
  suspended: "WORKSPACE_SUSPENDED",
  revoked: "REVOKED",
  disabled: "DISABLED",
} as const;

/** Ask Keygate: the key is limited, or the record cannot answer this request. */
export const ASK_KEYGATE = Symbol("ask Keygate");

/**
 * The answer Keygate would give, judged in its order: state, expiry, IP allowlist (only with an
 * `ip`), scopes; then a limited key asks Keygate, and any other answers its VALID answer.
 */
export function judge(
  record: JudgedRecord,
  scopes: readonly string[] | undefined,
  ip: string | undefined,
  nowMs: number,
): VerifyAnswer | typeof ASK_KEYGATE {
  if (record.state !== "active")
    return { valid: false, code: STATE_CODES[record.state], keyId: record.keyId };
  if (record.expiresAtMs !== null && record.expiresAtMs <= nowMs) {
    return { valid: false, code: "EXPIRED", keyId: record.keyId };
  }
  // Keygate refuses the request itself (400) for an `ip` that is not an address: let it.
  if (ip !== undefined && parseAddress(ip) === undefined) return ASK_KEYGATE;
  if (ip !== undefined && record.allowlist !== null && !record.allowlist.allows(ip)) {
    return { valid: false, code: "FORBIDDEN_IP", keyId: record.keyId };
  }
  if (scopes !== undefined && scopes.length > 0 && !record.scopes.holdsAll(scopes)) {
    return { valid: false, code: "INSUFFICIENT_SCOPE", keyId: record.keyId };
  }
  if (record.limited || record.answer === null) return ASK_KEYGATE;
  return record.answer;
}
