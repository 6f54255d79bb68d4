/**
 * The verify answers, serialised by hand: constant parts are built once (per process, or per key in
 * its cached record) and joined, so the hot path neither walks a schema nor stringifies objects.
 * Shapes as shared/API.md: a refusal holds only `valid`, `code`, `keyId` (when the key was found)
 * and `ratelimit` or `quota` for RATE_LIMITED and USAGE_EXCEEDED.
 */
import type { VerifyCode } from "./outcomes.js";
import type { RateLimitDecision } from "./rate-limiter.js";
import type { VerificationRecord } from "./verification-record.js";

/** A judged verification: its code and the JSON body to answer with. */
export interface VerifyResult {
  code: VerifyCode;
  body: string;
}

export const MALFORMED_RESULT: VerifyResult = {
  code: "MALFORMED",
  body: '{"valid":false,"code":"MALFORMED"}',
};

export const NOT_FOUND_RESULT: VerifyResult = {
  code: "NOT_FOUND",
  body: '{"valid":false,"code":"NOT_FOUND"}',
};

/** Key ids are `key_` and base32 letters: safe inside a JSON string as they are. */
export function refusalBody(code: VerifyCode, keyId: string): string {
  return `{"valid":false,"code":"${code}","keyId":"${keyId}"}`;
}

function rateLimitJson(decision: RateLimitDecision): string {
  return `{"limit":${decision.limit},"remaining":${decision.remaining},"resetAt":"${new Date(decision.resetAtMs).toISOString()}"}`;
}

export function rateLimitedBody(keyId: string, decision: RateLimitDecision): string {
  return `{"valid":false,"code":"RATE_LIMITED","keyId":"${keyId}","ratelimit":${rateLimitJson(decision)}}`;
}

export function usageExceededBody(keyId: string, remaining: number): string {
  return `{"valid":false,"code":"USAGE_EXCEEDED","keyId":"${keyId}","quota":{"remaining":${remaining}}}`;
}

/** How the cached VALID answer ends: the place of a rate limit and a quota, both null. */
const NO_LIMITS_TAIL = ',"ratelimit":null,"quota":null}';

/** The VALID answer of a key with a rate limit or a quota: the cached answer with both filled in. */
export function validBody(
  record: VerificationRecord,
  rateLimit: RateLimitDecision | undefined,
  quotaRemaining: number | null,
): string {
  const ratelimit = rateLimit === undefined ? "null" : rateLimitJson(rateLimit);
  const quota = quotaRemaining === null ? "null" : `{"remaining":${quotaRemaining}}`;
  const head = record.validBody.slice(0, record.validBody.length - NO_LIMITS_TAIL.length);
  return `${head},"ratelimit":${ratelimit},"quota":${quota}}`;
}
