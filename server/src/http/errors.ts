/**
 * The error-code registry: every refusal the API can give, with its HTTP status.
 * Throw an {@link ApiError} anywhere; the error handler turns it into
 * `{ error: { code, message, requestId } }`.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  PLAN_REQUIRED: 402,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An expected refusal, answered with its code's status and a message safe to show. */
export class ApiError extends Error {
  override name = "ApiError";
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra response headers, such as `retry-after`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new ApiError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "your role or permissions do not allow this") =>
  new ApiError("FORBIDDEN", message);
export const conflict = (message: string) => new ApiError("CONFLICT", message);
export const validationFailed = (message: string) => new ApiError("VALIDATION_FAILED", message);
