/** A refusal the CLI explains in one line (bad argument, unknown workspace): printed without a stack trace. */
export class CliError extends Error {
  override name = "CliError";
}
