/**
 * Answers requests Node's HTTP parser refuses before any route sees them (a request line that is
 * not HTTP, an unknown version, a header without a colon, Content-Length with Transfer-Encoding,
 * two Content-Lengths, headers or a path over Node's 16 KB limit) with the service's error body
 * `{ error: { code, message, requestId } }` instead of Fastify's default shape. For Fastify's
 * `clientErrorHandler` option.
 */
import type { Duplex } from "node:stream";
import { newId } from "../domain/ids.js";
import type { ErrorCode } from "../errors.js";
import { errorBody } from "./error-handler.js";
import { ERROR_STATUS } from "./error-status.js";
import type { RequestLog } from "./request-metrics.js";

/** What the parser's error codes (llhttp's `HPE_*`) tell the caller. */
const PARSER_MESSAGES: Record<string, string> = {
  HPE_INVALID_METHOD: "the request line is not HTTP (method path HTTP/1.1)",
  HPE_INVALID_URL: "the request line's path is not valid",
  HPE_INVALID_VERSION: "the HTTP version is not supported; send HTTP/1.1",
  HPE_INVALID_HEADER_TOKEN: "a header is not valid (each header is Name: value)",
  HPE_INVALID_TRANSFER_ENCODING: "send Content-Length or Transfer-Encoding, not both",
  HPE_UNEXPECTED_CONTENT_LENGTH: "send one Content-Length header",
  HPE_INVALID_CONTENT_LENGTH: "the Content-Length header is not a number",
  HPE_INVALID_CHUNK_SIZE: "a chunk size of the chunked body is not valid",
};
const NOT_HTTP = "the request is not valid HTTP";
const HEADERS_TOO_LARGE = "the request's headers (with its path) are over the 16 KB limit";
const REASONS: Record<number, string> = { 400: "Bad Request", 431: "Request Header Fields Too Large" };

/** How long a refused connection may go on sending before it is closed. */
const LINGER_MS = 2000;

/** The refusal of a request the parser could not read: its status, code and message. */
export function describeClientError(error: NodeJS.ErrnoException): { code: ErrorCode; message: string } {
  if (error.code === "HPE_HEADER_OVERFLOW") return { code: "HEADERS_TOO_LARGE", message: HEADERS_TOO_LARGE };
  return { code: "VALIDATION_FAILED", message: PARSER_MESSAGES[error.code ?? ""] ?? NOT_HTTP };
}

/**
 * Builds the handler. It answers once and closes the connection (the parser cannot go on after
 * an error), reading and dropping what the client still sends for a moment, so the client reads
 * the answer instead of a reset.
 */
export function createClientErrorHandler(log: RequestLog) {
  // The parser may report more errors for bytes that arrive after its first: one answer each.
  const answered = new WeakSet<Duplex>();
  return function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
    if (answered.has(socket)) return;
    answered.add(socket);
    if (error.code === "ECONNRESET" || socket.destroyed) return;
    if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
      // Nothing of the request arrived in time; no body, as Node itself answers.
      if (socket.writable) socket.end("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n");
      socket.destroy();
      return;
    }
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const requestId = newId("request");
    const { code, message } = describeClientError(error);
    const status = ERROR_STATUS[code];
    const body = JSON.stringify(errorBody(code, message, requestId));
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status] ?? "Bad Request"}\r\n` +
        "Connection: close\r\n" +
        "Content-Type: application/json; charset=utf-8\r\n" +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n\r\n${body}`,
    );
    // Drop what still arrives until the client closes its side, or for a moment at most.
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once("end", () => socket.destroy());
    socket.once("close", () => clearTimeout(timer));
    socket.resume();
    log.answered("-", "unparsed", status, requestId, 0);
  };
}
