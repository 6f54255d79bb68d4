/**
 * A verification's outcome as an HTTP decision, the same for every framework: pass (with the
 * result for the handler and any rate limit headers) or refuse with a status, headers and the body
 * `{"error":{"code","message"}}`. The body never holds the key.
 *
 * | outcome | status | `WWW-Authenticate` |
 * |---|---|---|
 * | no key | 401 `MISSING_KEY` | `Bearer realm="api"` |
 * | MALFORMED, NOT_FOUND, EXPIRED, DISABLED, REVOKED | 401 | `Bearer realm="api", error="invalid_token"` |
 * | INSUFFICIENT_SCOPE | 403 | `Bearer realm="api", error="insufficient_scope", scope="..."` |
 * | FORBIDDEN_IP, WORKSPACE_SUSPENDED | 403 | |
 * | RATE_LIMITED, USAGE_EXCEEDED | 429 (`Retry-After`, `RateLimit-*` when known) | |
 * | Keygate unreachable | 503 `KEYGATE_UNAVAILABLE` (or pass, with `failOpen`) | |
 */
import type { VerifyAnswer, VerifyCode } from "../verify-types.js";

/** `request.keygate` after a VALID verification: the whole answer (keyId, scopes, meta, ratelimit...). */
export type VerifiedKey = VerifyAnswer & { valid: true; code: "VALID" };

/**
 * `request.keygate` when Keygate could not be reached and `failOpen` is on: no key was checked.
 * `reason` is the SDK's error code (`NETWORK_ERROR`, `TIMEOUT`, or the server's, such as
 * `UNAUTHENTICATED` for a refused root key), `status` its HTTP status (0: no answer).
 */
export interface KeygateUnavailable {
  valid: false;
  code: "UNAVAILABLE";
  reason: string;
  status: number;
}

/** What a protected handler finds on the request: check `valid` before trusting it. */
export type KeygateResult = VerifiedKey | KeygateUnavailable;

/** The codes a refusal's body may hold. */
export type RefusalCode = Exclude<VerifyCode, "VALID"> | "MISSING_KEY" | "KEYGATE_UNAVAILABLE";

export interface RefusalBody {
  error: { code: RefusalCode; message: string };
}

export type Decision =
  | { pass: true; keygate: KeygateResult; headers: Record<string, string> }
  | { pass: false; status: 401 | 403 | 429 | 503; headers: Record<string, string>; body: RefusalBody };

const MESSAGES: Record<RefusalCode, string> = {
  MISSING_KEY: "An API key is required.",
  MALFORMED: "The API key is not a valid key.",
  NOT_FOUND: "The API key is not valid.",
  EXPIRED: "The API key has expired.",
  DISABLED: "The API key is disabled.",
  REVOKED: "The API key has been revoked.",
  INSUFFICIENT_SCOPE: "The API key lacks a required scope.",
  FORBIDDEN_IP: "The API key may not be used from this address.",
  WORKSPACE_SUSPENDED: "The API key's account is suspended.",
  RATE_LIMITED: "Too many requests with this API key.",
  USAGE_EXCEEDED: "The API key's usage quota is used up.",
  KEYGATE_UNAVAILABLE: "API keys cannot be checked right now; try again shortly.",
};

function refusal(
  status: 401 | 403 | 429 | 503,
  code: RefusalCode,
  headers: Record<string, string> = {},
  message: string = MESSAGES[code],
): Decision {
  return { pass: false, status, headers, body: { error: { code, message } } };
}

/** `RateLimit-Limit`, `-Remaining` and `-Reset` (whole seconds until it frees) of the key's limit. */
function rateLimitHeaders(answer: VerifyAnswer, nowMs: number): Record<string, string> {
  const limit = answer.ratelimit;
  if (!limit) return {};
  const resetSeconds = Math.max(0, Math.ceil((Date.parse(limit.resetAt) - nowMs) / 1000));
  return {
    "RateLimit-Limit": String(limit.limit),
    "RateLimit-Remaining": String(limit.remaining),
    "RateLimit-Reset": String(Number.isNaN(resetSeconds) ? 0 : resetSeconds),
  };
}

/** `WWW-Authenticate` for a request that presented no key (RFC 6750 §3: no error code). */
export function missingKey(realm: string): Decision {
  return refusal(401, "MISSING_KEY", { "WWW-Authenticate": `Bearer realm="${realm}"` });
}

/** The client's address (from `ip` or `X-Forwarded-For`) is no IP address: the allowlist cannot be checked. */
export function unreadableAddress(): Decision {
  return refusal(403, "FORBIDDEN_IP", {}, "The client's address could not be read.");
}

/** Keygate could not answer: 503, or pass as {@link KeygateUnavailable} with `failOpen`. */
export function unavailable(failOpen: boolean, reason: string, status: number): Decision {
  if (failOpen)
    return { pass: true, keygate: { valid: false, code: "UNAVAILABLE", reason, status }, headers: {} };
  return refusal(503, "KEYGATE_UNAVAILABLE", { "Retry-After": "1" });
}

/** The decision for a verification's answer. */
export function decide(
  answer: VerifyAnswer,
  scopes: string[] | undefined,
  realm: string,
  nowMs: number,
): Decision {
  const invalidToken = { "WWW-Authenticate": `Bearer realm="${realm}", error="invalid_token"` };
  const limits = rateLimitHeaders(answer, nowMs);
  switch (answer.code) {
    case "VALID":
      return { pass: true, keygate: answer as VerifiedKey, headers: limits };
    case "INSUFFICIENT_SCOPE": {
      const wanted = (scopes ?? []).join(" ");
      return refusal(
        403,
        "INSUFFICIENT_SCOPE",
        { "WWW-Authenticate": `Bearer realm="${realm}", error="insufficient_scope", scope="${wanted}"` },
        `The API key lacks a required scope (needs ${wanted}).`,
      );
    }
    case "FORBIDDEN_IP":
    case "WORKSPACE_SUSPENDED":
      return refusal(403, answer.code);
    case "RATE_LIMITED": {
      const seconds = Math.max(1, Number(limits["RateLimit-Reset"] ?? "1"));
      return refusal(
        429,
        "RATE_LIMITED",
        { "Retry-After": String(seconds), ...limits },
        `Too many requests with this API key; retry in ${seconds} s.`,
      );
    }
    case "USAGE_EXCEEDED": {
      // Keygate does not say when a quota refills: Retry-After only when a rate limit also says when.
      const retry = limits["RateLimit-Reset"];
      return refusal(429, "USAGE_EXCEEDED", retry ? { "Retry-After": retry, ...limits } : limits);
    }
    case "MALFORMED":
    case "NOT_FOUND":
    case "EXPIRED":
    case "DISABLED":
    case "REVOKED":
      return refusal(401, answer.code, invalidToken);
    default:
      // A code this SDK does not know yet (a newer server): refuse as an unusable key.
      return refusal(401, "NOT_FOUND", invalidToken);
  }
}
