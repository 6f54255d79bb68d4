/**
 * The two ways a management command fails, each with its exit code: the server refused or could
 * not be reached (1), or the command line itself is wrong (2, as commander's own usage errors).
 * runCli prints the message as one line, `keygate: <message>`, without a stack trace.
 */
export class RefusedError extends Error {
  override name = "RefusedError";
  readonly exitCode = 1;
}

export class UsageError extends Error {
  override name = "UsageError";
  readonly exitCode = 2;
}

export type ManageError = RefusedError | UsageError;

export const isManageError = (error: unknown): error is ManageError =>
  error instanceof RefusedError || error instanceof UsageError;
