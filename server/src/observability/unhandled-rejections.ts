/**
 * The last line of defence against a forgotten promise: a rejection nothing handled is logged (at
 * error level) and counted (`keygate_unhandled_rejections_total`) instead of ending the process,
 * which is Node's default. One stray store error must not take a node down with every cached
 * verification it could still answer. Installed by the running server, never at module scope.
 */

import type { Logger } from "pino";
import type { Counter } from "prom-client";

/**
 * Listens for unhandled rejections on `target` (the process); returns the function that stops.
 * @example const stop = guardUnhandledRejections(process, logger, metrics.unhandledRejections);
 */
export function guardUnhandledRejections(
  target: NodeJS.EventEmitter,
  logger: Logger,
  counter: Counter,
): () => void {
  const onRejection = (reason: unknown) => {
    counter.inc();
    logger.error({ err: reason }, "unhandled promise rejection (the process keeps running)");
  };
  target.on("unhandledRejection", onRejection);
  return () => {
    target.off("unhandledRejection", onRejection);
  };
}
