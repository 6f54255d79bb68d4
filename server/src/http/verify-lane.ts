/**
 * The verify lane: `POST /v1/keys/verify` answered straight from node:http, in front of Fastify.
 *
 * Platform servers send this one request all day long, and each answer must cost little more than
 * the socket write. The lane takes the request they send (a JSON body with a length, a cached root
 * key that holds `keys:verify` or `keys:verify:any`, remembered per connection) and answers it with
 * the pieces the Fastify route uses too: the body schema, the NUL check, the verifier, the error
 * body and the request log. It decides from the headers alone, before reading the body, and leaves
 * every other request to Fastify (a malformed or known-unknown root key, a cached root key that may
 * not verify, a session cookie, a missing length, another content type, a query string): there the
 * full route answers, with its hooks, as documented in /openapi.json.
 *
 * A root key that is not cached yet is the lane's too: it reads the body while the authenticator
 * reads the store, and awaits both before it answers (401 and 403 as the route's access check
 * words them, 503 `UNAVAILABLE` when the store cannot be read). Nothing it starts is left
 * unawaited, so a store fault can never become an unhandled rejection.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import secureJson from "secure-json-parse";
import type { AppContext } from "../app/context.js";
import { newId } from "../domain/ids.js";
import type { RootKeyIdentity } from "../domain/root-keys/root-key-authenticator.js";
import { ApiError, type ErrorCode, type ErrorDetail } from "../errors.js";
import type { VerifyInput } from "../verifier/verifier.js";
import { requireVerifyReach, type VerifyReach, verifyReachOf } from "../verifier/verify-reach.js";
import { rootKeyOrRefuse } from "./auth/authenticate.js";
import { ConnectionCallers } from "./auth/connection-callers.js";
import { errorBody, INTERNAL_MESSAGE, INVALID_JSON_MESSAGE, type ValidationIssue } from "./error-handler.js";
import { ERROR_STATUS } from "./error-status.js";
import type { RequestLog } from "./request-metrics.js";
import { JSON_CONTENT_TYPE, VERIFY_PATH, verifyKeyBody } from "./routes/keys/verify.js";
import { findUnstorable, unstorableRefusal } from "./unstorable-text.js";
import { validationRefusal, validatorCompiler } from "./validation.js";

/** Verify bodies are small; a larger one goes to Fastify, which applies the service's body limit. */
const MAX_LANE_BODY_BYTES = 64 * 1024;
const JSON_TYPES = new Set([
  "application/json",
  "application/json;charset=utf-8",
  "application/json; charset=utf-8",
]);

type ValidationResult = { value: VerifyInput; error?: undefined } | { error: ValidationIssue[] };

/**
 * Builds the lane. It returns `true` when it has taken the request (and will answer it), `false`
 * when the request is Fastify's.
 */
export function createVerifyLane(ctx: AppContext, log: RequestLog) {
  const validate = validatorCompiler({
    schema: verifyKeyBody,
    method: "POST",
    url: VERIFY_PATH,
    httpPart: "body",
  }) as (body: unknown) => ValidationResult;
  const callers = new ConnectionCallers(ctx.rootKeys);

  function send(res: ServerResponse, status: number, body: string, requestId: string, started: number) {
    res.writeHead(status, {
      "content-type": JSON_CONTENT_TYPE,
      "content-length": Buffer.byteLength(body),
      "x-request-id": requestId,
    });
    res.end(body);
    log.answered("POST", VERIFY_PATH, status, requestId, performance.now() - started);
  }

  function refuse(
    res: ServerResponse,
    code: ErrorCode,
    message: string,
    requestId: string,
    started: number,
    details?: readonly ErrorDetail[],
  ) {
    const body = JSON.stringify(errorBody(code, message, requestId, details));
    send(res, ERROR_STATUS[code], body, requestId, started);
  }

  function fail(res: ServerResponse, error: unknown, requestId: string, started: number) {
    if (error instanceof ApiError)
      return refuse(res, error.code, error.message, requestId, started, error.details);
    ctx.logger.error({ err: error, requestId }, "unhandled error");
    refuse(res, "INTERNAL", INTERNAL_MESSAGE, requestId, started);
  }

  function answer(
    res: ServerResponse,
    workspaceId: string,
    reach: VerifyReach,
    text: string,
    requestId: string,
    started: number,
  ) {
    let parsed: unknown;
    try {
      parsed = secureJson.parse(text, undefined, { protoAction: "error", constructorAction: "error" });
    } catch {
      return refuse(res, "VALIDATION_FAILED", INVALID_JSON_MESSAGE, requestId, started);
    }
    const found = text.includes("\\u") ? findUnstorable(parsed, "") : undefined;
    if (found !== undefined) return fail(res, unstorableRefusal(found), requestId, started);
    const checked = validate(parsed);
    if (checked.error !== undefined) {
      return fail(res, validationRefusal(checked.error, "body"), requestId, started);
    }
    const input = checked.value;
    // `record: true` (an SDK's first verification of a key) takes the longer way; the usual one does not.
    const result =
      input.record === true
        ? ctx.verifier.verifyWithRecord(workspaceId, reach, input)
        : ctx.verifier.verify(workspaceId, reach, input);
    if (result instanceof Promise) {
      result.then(
        (judged) => send(res, 200, judged.body, requestId, started),
        (error: unknown) => fail(res, error, requestId, started),
      );
      return;
    }
    send(res, 200, result.body, requestId, started);
  }

  /** Reads the whole body, then calls `then` with it as text (not at all if the client goes away). */
  function readBody(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    started: number,
    then: (text: string) => void,
  ) {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        then((chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString("utf8"));
      } catch (error) {
        fail(res, error, requestId, started);
      }
    });
    // A client that goes away mid-body: nothing to answer, and no unhandled 'error' event.
    req.on("error", () => {});
  }

  /**
   * A root key that is not cached: the body is read while the store is, and the answer waits for
   * both. Who is refused is refused as the route's access check does it, before the body is judged.
   */
  function answerAfterAuthentication(
    req: IncomingMessage,
    res: ServerResponse,
    authenticating: Promise<RootKeyIdentity | undefined>,
    started: number,
  ) {
    const requestId = newId("request");
    let body: string | undefined;
    let caller: { identity: RootKeyIdentity | undefined } | { error: unknown } | undefined;
    const proceed = () => {
      if (body === undefined || caller === undefined) return;
      if ("error" in caller) return fail(res, caller.error, requestId, started);
      try {
        const principal = rootKeyOrRefuse(caller.identity);
        answer(res, principal.workspaceId, requireVerifyReach(principal), body, requestId, started);
      } catch (error) {
        fail(res, error, requestId, started);
      }
    };
    authenticating.then(
      (identity) => {
        caller = { identity };
        proceed();
      },
      (error: unknown) => {
        caller = { error };
        proceed();
      },
    );
    readBody(req, res, requestId, started, (text) => {
      body = text;
      proceed();
    });
  }

  return function takeVerify(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== "POST" || req.url !== VERIFY_PATH) return false;
    const { headers } = req;
    const length = Number(headers["content-length"]);
    if (!(length > 0 && length <= MAX_LANE_BODY_BYTES) || headers["transfer-encoding"] !== undefined)
      return false;
    if (!JSON_TYPES.has(headers["content-type"]?.toLowerCase() ?? "")) return false;
    if (headers.authorization === undefined) return false;
    const started = performance.now();
    const caller = callers.authenticate(req.socket, headers.authorization, started);
    if (caller instanceof Promise) {
      answerAfterAuthentication(req, res, caller, started);
      return true;
    }
    const reach = caller === undefined ? undefined : verifyReachOf(caller);
    if (caller === undefined || reach === undefined) return false;

    // The hot path, inline: the same steps as readBody without its callback.
    const requestId = newId("request");
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString("utf8");
        answer(res, caller.workspaceId, reach, text, requestId, started);
      } catch (error) {
        fail(res, error, requestId, started);
      }
    });
    req.on("error", () => {});
    return true;
  };
}
