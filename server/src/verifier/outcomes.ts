/**
 * The outcome codes of a key verification (shared/API.md, "Verify"), in one ordered list that
 * metrics, the usage buffer and the usage report share.
 */

export const VERIFY_CODES = [
  "VALID",
  "MALFORMED",
  "NOT_FOUND",
  "WORKSPACE_SUSPENDED",
  "DISABLED",
  "REVOKED",
  "EXPIRED",
  "FORBIDDEN_IP",
  "INSUFFICIENT_SCOPE",
  "RATE_LIMITED",
  "USAGE_EXCEEDED",
] as const;

export type VerifyCode = (typeof VERIFY_CODES)[number];

/**
 * The outcomes recorded against a key in its usage: every one where the key was found.
 * `MALFORMED` and `NOT_FOUND` have no key to count against (they show only in /metrics).
 */
export const KEY_USAGE_CODES = [
  "VALID",
  "WORKSPACE_SUSPENDED",
  "DISABLED",
  "REVOKED",
  "EXPIRED",
  "FORBIDDEN_IP",
  "INSUFFICIENT_SCOPE",
  "RATE_LIMITED",
  "USAGE_EXCEEDED",
] as const satisfies readonly VerifyCode[];

export type KeyUsageCode = (typeof KEY_USAGE_CODES)[number];

/** The position of each key usage code in {@link KEY_USAGE_CODES}: the buffer counts in arrays. */
export const KEY_USAGE_INDEX: Readonly<Record<KeyUsageCode, number>> = Object.fromEntries(
  KEY_USAGE_CODES.map((code, index) => [code, index]),
) as Record<KeyUsageCode, number>;
