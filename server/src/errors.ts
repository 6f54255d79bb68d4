/**
 * The error-code registry: every refusal Keygate can give, by code. The domain throws an
 * {@link ApiError}; the HTTP layer maps its code to a status (`http/error-status.ts`) and answers
 * `{ error: { code, message, requestId, details? } }`.
 */
export const ERROR_CODES = [
  "VALIDATION_FAILED",
  "UNAUTHENTICATED",
  "PLAN_REQUIRED",
  "FORBIDDEN",
  "CSRF_FAILED",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "HEADERS_TOO_LARGE",
  "RATE_LIMITED",
  "INTERNAL",
  "UNAVAILABLE",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Where a validation failed (`body.scopes.0`) and why, for a form to show next to its field. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** An expected refusal, answered with its code's status and a message safe to show. */
export class ApiError extends Error {
  override name = "ApiError";

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra response headers, such as `retry-after`. */
    readonly headers: Record<string, string> = {},
    /** Per-field reasons of a validation failure. */
    readonly details?: readonly ErrorDetail[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "your role or permissions do not allow this") =>
  new ApiError("FORBIDDEN", message);
export const conflict = (message: string) => new ApiError("CONFLICT", message);
export const validationFailed = (message: string, details?: readonly ErrorDetail[]) =>
  new ApiError("VALIDATION_FAILED", message, {}, details);
export const storeUnavailable = () =>
  new ApiError("UNAVAILABLE", "the key store is not reachable right now; try again shortly");
