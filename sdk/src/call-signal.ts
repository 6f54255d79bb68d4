/**
 * One call's abort signal: the caller's signal and the call's timeout combined, and, when the call
 * ends without an answer, which of the two (or the network) ended it.
 */
import { KeygateError, type NoAnswerCode } from "./errors.js";

export interface CallSignal {
  signal: AbortSignal;
  /** The SDK error for a failure of this call that got no answer. */
  noAnswer(cause: unknown): KeygateError;
}

const MESSAGES: Record<NoAnswerCode, string> = {
  TIMEOUT: "Keygate did not answer in time",
  ABORTED: "the call was aborted",
  NETWORK_ERROR: "Keygate could not be reached",
};

/** A signal that aborts when the caller's does or when `timeoutMs` has passed. */
export function callSignal(timeoutMs: number, callerSignal: AbortSignal | undefined): CallSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
  return {
    signal,
    noAnswer(cause) {
      const code: NoAnswerCode = callerSignal?.aborted
        ? "ABORTED"
        : timeout.aborted
          ? "TIMEOUT"
          : "NETWORK_ERROR";
      const reason = cause instanceof Error && code === "NETWORK_ERROR" ? `: ${describe(cause)}` : "";
      const message = code === "TIMEOUT" ? `${MESSAGES.TIMEOUT} (${timeoutMs} ms)` : MESSAGES[code] + reason;
      return new KeygateError({ code, message, status: 0, cause });
    },
  };
}

/** fetch's "fetch failed" says little; its cause (ECONNREFUSED...) says what happened. */
function describe(error: Error): string {
  const cause = error.cause;
  if (cause instanceof Error && cause.message) return cause.message;
  return error.message;
}

/** Waits `ms`, or rejects as soon as the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
