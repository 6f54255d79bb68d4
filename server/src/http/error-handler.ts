/**
 * Turns every error into `{ error: { code, message, requestId, details? } }`. Expected refusals
 * keep their code; framework errors (bad JSON, oversized bodies, schema failures, with a
 * `details` entry per field) are mapped; anything else is logged with the request id and answered
 * as `INTERNAL` with no detail.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError, type ErrorCode, type ErrorDetail } from "../errors.js";
import { ERROR_STATUS } from "./error-status.js";
import { type ValidationIssue, validationRefusal } from "./validation.js";

/** The body of every refusal; `details` (per-field reasons) for a validation failure. */
export function errorBody(
  code: ErrorCode,
  message: string,
  requestId: string,
  details?: readonly ErrorDetail[],
) {
  return {
    error: details === undefined ? { code, message, requestId } : { code, message, requestId, details },
  };
}

export function sendError(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  message: string,
  details?: readonly ErrorDetail[],
) {
  // Also here: a refusal in an early hook skips the hook that sets it on every response.
  reply.header("x-request-id", request.id);
  return reply.code(ERROR_STATUS[code]).send(errorBody(code, message, request.id, details));
}

// The lane (verify-lane.ts) builds its validation refusals from these too.
export { describeValidation, type ValidationIssue, validationRefusal } from "./validation.js";

export const INVALID_JSON_MESSAGE = "the body is not valid JSON";
export const INTERNAL_MESSAGE = "an internal error occurred; quote the request id when reporting it";
export /** Errors raised by Fastify (and the store) that are the request's fault, with what to tell the caller. */
const KNOWN_ERRORS: Record<string, { code: ErrorCode; message?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "VALIDATION_FAILED", message: INVALID_JSON_MESSAGE },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "VALIDATION_FAILED",
    message: "the body is empty; send a JSON object",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: "PAYLOAD_TOO_LARGE", message: "the body is over the 1 MB limit" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "send the body as application/json",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: "VALIDATION_FAILED",
    message: "the content-length does not match the body",
  },
  FST_ERR_CTP_INVALID_TYPE: { code: "VALIDATION_FAILED", message: "the content-type is not valid" },
  FST_ERR_BAD_URL: { code: "VALIDATION_FAILED", message: "the URL is not valid (bad percent-encoding)" },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: "VALIDATION_FAILED",
    message: "a part of the path is over 200 characters",
  },
  // PostgreSQL refuses these characters (such as \u0000) in text and JSON: the input's fault.
  "22021": { code: "VALIDATION_FAILED", message: "a value holds a character that cannot be stored" },
  "22P05": { code: "VALIDATION_FAILED", message: "a value holds a character that cannot be stored" },
};

const MAX_ECHOED_PATH = 200;

/**
 * For Fastify's `frameworkErrors` option: errors the router raises before any hook runs (a bad
 * percent-encoding, an over-long path parameter) get the same error body and request id.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = error.code ? KNOWN_ERRORS[error.code] : undefined;
  if (known) {
    sendError(reply, request, known.code, known.message ?? "the request is not valid");
    return;
  }
  request.log.error({ err: error, requestId: request.id }, "unhandled framework error");
  sendError(reply, request, "INTERNAL", INTERNAL_MESSAGE);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      reply.headers(error.headers);
      return sendError(reply, request, error.code, error.message, error.details);
    }
    if (error.validation) {
      const refusal = validationRefusal(error.validation as ValidationIssue[], error.validationContext);
      return sendError(reply, request, refusal.code, refusal.message, refusal.details);
    }
    const known = error.code ? KNOWN_ERRORS[error.code] : undefined;
    if (known) return sendError(reply, request, known.code, known.message ?? error.message);
    if (error instanceof SyntaxError || (error.statusCode === 400 && typeof error.code === "string")) {
      return sendError(reply, request, "VALIDATION_FAILED", "the request is not valid");
    }
    if (error.statusCode === 413)
      return sendError(reply, request, "PAYLOAD_TOO_LARGE", "the body is over the 1 MB limit");
    request.log.error({ err: error, requestId: request.id }, "unhandled error");
    return sendError(reply, request, "INTERNAL", INTERNAL_MESSAGE);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "";
    const shown = path.length > MAX_ECHOED_PATH ? `${path.slice(0, MAX_ECHOED_PATH)}...` : path;
    return sendError(reply, request, "NOT_FOUND", `no route ${request.method} ${shown}`);
  });
}
