/**
 * The error a failed API call throws: the server's `{ error: { code, message, requestId, details } }`
 * as a value the screens can read. `details` holds one entry per refused field (`path` like
 * `name` or `rateLimit.limit`), so a form can show each message next to its field.
 */

export interface FieldProblem {
  path: string;
  message: string;
}

interface ErrorBody {
  error?: { code?: string; message?: string; requestId?: string; details?: FieldProblem[] };
}

export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: readonly FieldProblem[];

  constructor(status: number, body: unknown) {
    const error = (body as ErrorBody | undefined)?.error;
    super(error?.message ?? `the server answered ${status}`);
    this.name = "ApiRequestError";
    this.status = status;
    this.code = error?.code ?? (status === 0 ? "NETWORK" : "INTERNAL");
    this.requestId = error?.requestId;
    this.details = error?.details ?? [];
  }

  /** The message for one field, when the server refused that field. */
  detailFor(path: string): string | undefined {
    return this.details.find((problem) => problem.path === path)?.message;
  }
}

/** Whether an error is an API refusal with this code. */
export function isApiError(error: unknown, code?: string): error is ApiRequestError {
  return error instanceof ApiRequestError && (code === undefined || error.code === code);
}

/** A sentence for a person, from any error a query or mutation threw. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.code === "NETWORK") return "Keygate cannot be reached. Check your connection and try again.";
    return sentenceCase(error.message);
  }
  return "Something went wrong. Try again.";
}

/**
 * The server words its messages in lower case ("name: must not be empty"); a sentence on screen
 * starts with a capital, unless it starts with a value that must stay as typed (an email, an id).
 */
function sentenceCase(message: string): string {
  const firstWord = message.split(/\s/, 1)[0] ?? "";
  if (/[@_\d]/.test(firstWord)) return message;
  return message.charAt(0).toUpperCase() + message.slice(1);
}
