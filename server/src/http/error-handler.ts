/**
 * Turns every error into `{ error: { code, message, requestId } }`. Expected refusals keep their
 * code; framework errors (bad JSON, oversized bodies, schema failures) are mapped; anything else
 * is logged with the request id and answered as `INTERNAL` with no detail.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ApiError, type ErrorCode } from "../errors.js";
import { ERROR_STATUS } from "./error-status.js";

/** The body of every refusal. */
export function errorBody(code: ErrorCode, message: string, requestId: string) {
  return { error: { code, message, requestId } };
}

export function sendError(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message: string) {
  // Also here: a refusal in an early hook skips the hook that sets it on every response.
  reply.header("x-request-id", request.id);
  return reply.code(ERROR_STATUS[code]).send(errorBody(code, message, request.id));
}

/** A schema failure as fastify-type-provider-zod reports it: the zod issue spread into `params`. */
export interface ValidationIssue {
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: {
    keys?: string[];
    expected?: string;
    format?: string;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    inclusive?: boolean;
    values?: unknown[];
  };
}

const UNITS: Record<string, string> = { string: "characters", array: "items", set: "items" };

/** zod's default wording for a few issues, said the way the rest of our messages are. */
function rewordIssue(issue: ValidationIssue): string {
  const message = issue.message ?? "invalid";
  const params = issue.params ?? {};
  if (issue.keyword === "invalid_type" && message.endsWith("received undefined")) return "required";
  if (issue.keyword === "invalid_type" && message.endsWith("received NaN")) return "must be a number";
  if (issue.keyword === "invalid_type" && params.expected === "int") return "must be a whole number";
  if (issue.keyword === "invalid_value" && message.startsWith("Invalid option:") && params.values)
    return `must be one of ${params.values.map((value) => JSON.stringify(value)).join(", ")}`;
  if (issue.keyword === "invalid_format" && params.format === "datetime")
    return "must be an ISO 8601 time with a zone, such as 2027-01-01T00:00:00Z";
  const isDefault = message.startsWith("Too small:") || message.startsWith("Too big:");
  if (isDefault && (issue.keyword === "too_small" || issue.keyword === "too_big")) {
    const small = issue.keyword === "too_small";
    const bound = small ? params.minimum : params.maximum;
    const unit = UNITS[params.origin ?? ""];
    if (bound !== undefined) {
      if (unit) return `must have ${small ? "at least" : "at most"} ${bound} ${unit}`;
      if (params.inclusive === false) return `must be ${small ? "above" : "below"} ${bound}`;
      return `must be ${small ? "at least" : "at most"} ${bound}`;
    }
  }
  return message;
}

/** One message for the failed checks of a request part (`body`, `querystring`, `params`). */
export function describeValidation(issues: readonly ValidationIssue[], context: string | undefined): string {
  const inBody = context === undefined || context === "body";
  const parts = issues.flatMap((issue) => {
    const where = issue.instancePath?.replace(/^\//, "").replaceAll("/", ".") ?? "";
    const prefix = [inBody ? "" : context, where].filter(Boolean).join(".");
    if (issue.keyword === "unrecognized_keys" && issue.params?.keys)
      return issue.params.keys.map((key) => `${prefix ? `${prefix}.` : ""}${key}: unknown field`);
    if (where === "" && issue.keyword === "invalid_type" && issue.params?.expected === "object")
      return [inBody ? "the body must be a JSON object" : `${context}: must be an object`];
    if (!prefix) return [`${context ?? "request"}: ${rewordIssue(issue)}`];
    return [`${prefix}: ${rewordIssue(issue)}`];
  });
  return parts.slice(0, 5).join("; ") || "the request is not valid";
}

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
      return sendError(reply, request, error.code, error.message);
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      const issues = (error.validation ?? []) as ValidationIssue[];
      return sendError(
        reply,
        request,
        "VALIDATION_FAILED",
        describeValidation(issues, error.validationContext),
      );
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
