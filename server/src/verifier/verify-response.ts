/**
 * The verify answers, serialised by hand: constant parts are built once (per process, or per key in
 * its cached record) and joined, so the hot path neither walks a schema nor stringifies objects.
 * Shapes as shared/API.md: a refusal holds only `valid`, `code`, `keyId` (when the key was found)
 * and `ratelimit` or `quota` for RATE_LIMITED and USAGE_EXCEEDED; never the workspace. The answers
 * of a key with rate limits (its own or its identity's), VALID or RATE_LIMITED, add `ratelimits`:
 * every limit checked, the key's first, each with its name.
 */
import type { VerifyCode } from "./outcomes.js";
import type { RateLimitDecision, RateLimitOutcome } from "./rate-limiter.js";
import type { RecordRateLimit, VerificationRecord } from "./verification-record.js";

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

/** The last time turned into text: the limits of one verification mostly share their window's end. */
let lastIsoMs = Number.NaN;
let lastIso = "";

function isoOf(ms: number): string {
  if (ms !== lastIsoMs) {
    lastIso = new Date(ms).toISOString();
    lastIsoMs = ms;
  }
  return lastIso;
}

function rateLimitJson(decision: RateLimitDecision): string {
  return `{"limit":${decision.limit},"remaining":${decision.remaining},"resetAt":"${isoOf(decision.resetAtMs)}"}`;
}

/**
 * `"ratelimit":{...},"ratelimits":[...]`: the outcome's tightest limit, then every limit in the
 * checks' order (`limits` are the checks, `outcome` their answer).
 */
function rateLimitFields(limits: readonly RecordRateLimit[], outcome: RateLimitOutcome): string {
  const { decisions, tightest } = outcome;
  let json = `"ratelimit":${tightest === undefined ? "null" : rateLimitJson(tightest)},"ratelimits":[`;
  for (let i = 0; i < decisions.length; i++) {
    const decision = decisions[i] as RateLimitDecision;
    if (i > 0) json += ",";
    json += `${(limits[i] as RecordRateLimit).entryHead}"limit":${decision.limit},"remaining":${decision.remaining},"resetAt":"${isoOf(decision.resetAtMs)}"}`;
  }
  return `${json}]`;
}

/** A refusal by the rate limits: `ratelimit` is the limit that refused (the one that frees last). */
export function rateLimitedBody(
  keyId: string,
  limits: readonly RecordRateLimit[],
  outcome: RateLimitOutcome,
): string {
  return `{"valid":false,"code":"RATE_LIMITED","keyId":"${keyId}",${rateLimitFields(limits, outcome)}}`;
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
 * The VALID answer of a key with rate limits or a quota: the cached answer with both filled in
 * (`limits` and their `outcome` when the key has rate limits), and the workspace for a caller with
 * `keys:verify:any`.
 */
export function validBody(
  record: VerificationRecord,
  limits: readonly RecordRateLimit[] | null,
  outcome: RateLimitOutcome | undefined,
  quotaRemaining: number | null,
  anyWorkspace: boolean,
): string {
  const ratelimit =
    limits === null || outcome === undefined ? '"ratelimit":null' : rateLimitFields(limits, outcome);
  const quota = quotaRemaining === null ? "null" : `{"remaining":${quotaRemaining}}`;
  const own = ownValidBody(record);
  const head = own.slice(0, own.length - NO_LIMITS_TAIL.length);
  const workspace = anyWorkspace ? `${WORKSPACE_FIELD}${record.workspace.json}` : "";
  return `${head},${ratelimit},"quota":${quota}${workspace}}`;
}
