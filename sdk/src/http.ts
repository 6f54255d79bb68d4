/**
 * The SDK's HTTP transport: one JSON call to Keygate with the root key, a timeout, the caller's
 * abort signal, retries of idempotent calls (see retry-policy.ts), and the server's error body
 * turned into a {@link KeygateError}. Uses the runtime's `fetch` (or the one given), nothing else.
 */
import { type CallSignal, callSignal, sleep } from "./call-signal.js";
import { KeygateError, type KeygateErrorDetail, KeygateOptionError } from "./errors.js";
import { backoffDelay, retryDelayForAnswer } from "./retry-policy.js";

/** Per-call options every SDK method takes. */
export interface CallOptions {
  /** Abort the call (it then fails with `ABORTED`). */
  signal?: AbortSignal | undefined;
  /** This call's time limit, retries included (default: the client's `timeoutMs`). */
  timeoutMs?: number | undefined;
}

export interface TransportOptions {
  baseUrl: string;
  rootKey: string;
  timeoutMs: number;
  retries: number;
  fetch: typeof fetch;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface HttpCall {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** The path with its parameters filled in. */
  path: string;
  query?: Record<string, QueryValue> | undefined;
  body?: unknown;
  /** May it be sent again after a failure that could have reached the server? */
  idempotent: boolean;
}

interface ErrorBody {
  error: { code: string; message: string; requestId?: string; details?: KeygateErrorDetail[] };
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const error = value.error;
  return (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    typeof error.code === "string" &&
    "message" in error &&
    typeof error.message === "string"
  );
}

/** Sends calls to one Keygate with one root key. */
export class HttpTransport {
  readonly baseUrl: string;
  private readonly headers: Record<string, string>;

  constructor(private readonly options: TransportOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.headers = { authorization: `Bearer ${options.rootKey}`, accept: "application/json" };
  }

  /** The URL of a path with its query (undefined and null values left out). */
  url(path: string, query?: Record<string, QueryValue>): string {
    let url = this.baseUrl + path;
    if (query) {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== null) search.set(name, String(value));
      }
      const text = search.toString();
      if (text) url += `?${text}`;
    }
    return url;
  }

  /** The request headers (the root key) for calls the transport does not send itself (the event stream). */
  authorization(): Record<string, string> {
    return { ...this.headers };
  }

  /** Sends the call and answers its parsed JSON body (undefined for 204), or throws a {@link KeygateError}. */
  async send<Answer>(call: HttpCall, options: CallOptions = {}): Promise<Answer> {
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1) {
      throw new KeygateOptionError("timeoutMs", "must be a whole number of at least 1");
    }
    if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
      throw new KeygateOptionError("signal", "must be an AbortSignal");
    }
    const signal = callSignal(timeoutMs, options.signal);
    const attempts = call.idempotent ? this.options.retries + 1 : 1;
    const init: RequestInit = {
      method: call.method,
      headers:
        call.body === undefined ? this.headers : { ...this.headers, "content-type": "application/json" },
      body: call.body === undefined ? null : JSON.stringify(call.body),
      signal: signal.signal,
    };
    const url = this.url(call.path, call.query);
    for (let attempt = 0; ; attempt += 1) {
      const last = attempt === attempts - 1;
      let response: Response;
      let text: string;
      try {
        response = await this.options.fetch(url, init);
        text = await response.text();
      } catch (cause) {
        const error = signal.noAnswer(cause);
        if (last || error.code !== "NETWORK_ERROR") throw error;
        await this.wait(backoffDelay(attempt), signal);
        continue;
      }
      if (response.ok) return parseAnswer<Answer>(response, text);
      const delay = last
        ? undefined
        : retryDelayForAnswer(response.status, response.headers.get("retry-after"), attempt);
      if (delay === undefined) throw errorOf(response, text);
      await this.wait(delay, signal);
    }
  }

  private async wait(ms: number, signal: CallSignal): Promise<void> {
    try {
      await sleep(ms, signal.signal);
    } catch (cause) {
      throw signal.noAnswer(cause);
    }
  }
}

/** A successful answer's JSON (undefined for an empty body). */
function parseAnswer<Answer>(response: Response, text: string): Answer {
  if (text === "") return undefined as Answer;
  try {
    return JSON.parse(text) as Answer;
  } catch (cause) {
    throw new KeygateError({
      code: "UNEXPECTED_RESPONSE",
      message: `Keygate answered ${response.status} with a body that is not JSON`,
      status: response.status,
      requestId: response.headers.get("x-request-id") ?? undefined,
      cause,
    });
  }
}

/** The server's refusal as a {@link KeygateError}; an answer that is not Keygate's error body keeps its status. */
function errorOf(response: Response, text: string): KeygateError {
  const requestId = response.headers.get("x-request-id") ?? undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    return new KeygateError({
      code: body.error.code,
      message: body.error.message,
      status: response.status,
      requestId: body.error.requestId ?? requestId,
      details: body.error.details,
    });
  }
  return new KeygateError({
    code: "UNEXPECTED_RESPONSE",
    message: `Keygate answered ${response.status} without an error body${text ? `: ${text.slice(0, 200)}` : ""}`,
    status: response.status,
    requestId,
  });
}
