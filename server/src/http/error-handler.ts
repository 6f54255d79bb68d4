/**
 * Turns every error into `{ error: { code, message, requestId } }`. Expected refusals keep their
 * code; framework errors (bad JSON, oversized bodies, schema failures) are mapped; anything else
 * is logged with the request id and answered as `INTERNAL` with no detail.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ApiError, ERROR_STATUS, type ErrorCode } from "./errors.js";

export function sendError(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, message: string) {
  return reply.code(ERROR_STATUS[code]).send({ error: { code, message, requestId: request.id } });
}

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[]; message?: string; code?: string; keys?: string[] } };
}

function describeValidation(error: FastifyError): string {
  const issues = (error.validation ?? []) as ValidationIssue[];
  const parts = issues.slice(0, 5).map((issue) => {
    const zodIssue = issue.params?.issue;
    const where =
      (zodIssue?.path ?? []).map(String).join(".") ||
      issue.instancePath?.replace(/^\//, "").replaceAll("/", ".") ||
      "";
    let message = zodIssue?.message ?? issue.message ?? "invalid";
    if (zodIssue?.code === "unrecognized_keys" && zodIssue.keys)
      message = `unknown field(s) ${zodIssue.keys.join(", ")}`;
    if (message.startsWith("Invalid input: expected") && message.endsWith("received undefined"))
      message = "required";
    const context =
      error.validationContext && error.validationContext !== "body" ? `${error.validationContext}.` : "";
    return where ? `${context}${where}: ${message}` : `${error.validationContext ?? "request"}: ${message}`;
  });
  return parts.join("; ") || "the request is not valid";
}

const FRAMEWORK_ERRORS: Record<string, { code: ErrorCode; message?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: "VALIDATION_FAILED", message: "the body is not valid JSON" },
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
};

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      reply.headers(error.headers);
      return sendError(reply, request, error.code, error.message);
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      return sendError(reply, request, "VALIDATION_FAILED", describeValidation(error));
    }
    const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
    if (known) return sendError(reply, request, known.code, known.message ?? error.message);
    if (error instanceof SyntaxError || (error.statusCode === 400 && typeof error.code === "string")) {
      return sendError(reply, request, "VALIDATION_FAILED", "the request is not valid");
    }
    if (error.statusCode === 413)
      return sendError(reply, request, "PAYLOAD_TOO_LARGE", "the body is over the 1 MB limit");
    request.log.error({ err: error, requestId: request.id }, "unhandled error");
    return sendError(
      reply,
      request,
      "INTERNAL",
      "an internal error occurred; quote the request id when reporting it",
    );
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, request, "NOT_FOUND", `no route ${request.method} ${request.url.split("?")[0]}`),
  );
}
