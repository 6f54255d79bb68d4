/**
 * The SDK's errors. A refused call throws {@link KeygateError} with the server's own code, message,
 * request id and details; a call that got no answer throws one with status 0 and `NETWORK_ERROR`,
 * `TIMEOUT` or `ABORTED`. A bad option throws {@link KeygateOptionError}, which names it.
 * Verification outcomes are never errors: `keys.verify` answers `{ valid: false, code }`.
 */

/** One field's reason in a `VALIDATION_FAILED` refusal. */
export interface KeygateErrorDetail {
  path: string;
  message: string;
}

/** The codes of calls that got no answer from the server (status 0). */
export type NoAnswerCode = "NETWORK_ERROR" | "TIMEOUT" | "ABORTED";

export interface KeygateErrorInit {
  code: string;
  message: string;
  /** The HTTP status; 0 when no answer came. */
  status: number;
  requestId?: string | undefined;
  details?: KeygateErrorDetail[] | undefined;
  cause?: unknown;
}

/**
 * A call Keygate refused (`code` is the server's: `NOT_FOUND`, `FORBIDDEN`, `VALIDATION_FAILED`...),
 * or one that got no answer (`status` 0).
 *
 * @example
 * try { await keygate.keys.get("key_...") }
 * catch (error) { if (error instanceof KeygateError && error.code === "NOT_FOUND") ... }
 */
export class KeygateError extends Error {
  readonly code: string;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly details: KeygateErrorDetail[] | undefined;

  constructor(init: KeygateErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "KeygateError";
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.details = init.details;
  }
}

/** A constructor or method option the SDK cannot work with; `option` names it. */
export class KeygateOptionError extends KeygateError {
  readonly option: string;

  constructor(option: string, reason: string) {
    super({ code: "INVALID_OPTION", message: `${option}: ${reason}`, status: 0 });
    this.name = "KeygateOptionError";
    this.option = option;
  }
}
