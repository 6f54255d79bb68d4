/**
 * The verify answers, serialised by hand: constant parts are built once (per process, or per key in
 * its cached record) and joined, so the hot path neither walks a schema nor stringifies objects.
 * Shapes as shared/API.md: a refusal holds only `valid`, `code`, `keyId` (when the key was found)
 * and `ratelimit` or `quota` for RATE_LIMITED and USAGE_EXCEEDED; never the workspace.
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

const WORKSPACE_FIELD = ',"workspace":';

/**
 * The VALID answer for a caller of the key's own workspace: the cached one, or, when a
 * cross-tenant answer replaced it (below), that answer without its workspace, kept from then on.
 */
export function ownValidBody(record: VerificationRecord): string {
  if (record.validBody === "") {
    const any = record.anyValidBody;
    // The workspace is the answer's last field, and nothing in its JSON can hold this text.
    record.validBody = `${any.slice(0, any.lastIndexOf(WORKSPACE_FIELD))}}`;
  }
  return record.validBody;
}

/**
 * The VALID answer for a caller with `keys:verify:any`: the own answer ending with the key's
 * workspace. Built once per record and workspace version, so a cache hit allocates nothing. A
 * platform's keys are answered to one kind of caller, so a record keeps one copy: building this
 * drops the own answer, which {@link ownValidBody} builds again if a caller of the workspace asks.
 */
export function anyWorkspaceValidBody(record: VerificationRecord): string {
  const { workspace } = record;
  if (record.anyValidVersion !== workspace.version) {
    const own = ownValidBody(record);
    record.anyValidBody = `${own.slice(0, -1)}${WORKSPACE_FIELD}${workspace.json}}`;
    record.anyValidVersion = workspace.version;
    record.validBody = "";
  }
  return record.anyValidBody;
}

/**
 * The VALID answer of a key with a rate limit or a quota: the cached answer with both filled in,
 * and the workspace for a caller with `keys:verify:any`.
 */
export function validBody(
  record: VerificationRecord,
  rateLimit: RateLimitDecision | undefined,
  quotaRemaining: number | null,
  anyWorkspace: boolean,
): string {
  const ratelimit = rateLimit === undefined ? "null" : rateLimitJson(rateLimit);
  const quota = quotaRemaining === null ? "null" : `{"remaining":${quotaRemaining}}`;
  const own = ownValidBody(record);
  const head = own.slice(0, own.length - NO_LIMITS_TAIL.length);
  const workspace = anyWorkspace ? `${WORKSPACE_FIELD}${record.workspace.json}` : "";
  return `${head},"ratelimit":${ratelimit},"quota":${quota}${workspace}}`;
}
