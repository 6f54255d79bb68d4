/**
 * `keygate serve`: starts the service and stops it gracefully on SIGTERM or SIGINT (in-flight
 * requests finish, buffered usage is flushed, the store is closed), then exits 0. A second
 * signal, or a close that takes longer than {@link CLOSE_TIMEOUT_MS}, exits 1 at once.
 */
import { type RunningServer, startServer } from "../app/server.js";
import type { Config } from "../config/config.js";
import { createLogger } from "../observability/logger.js";
import { type CommandIo, processIo } from "./command-io.js";

export const CLOSE_TIMEOUT_MS = 10_000;

export interface ServeOptions {
  /** Install the SIGTERM/SIGINT handlers that close and exit the process (off in tests). */
  handleSignals?: boolean;
}

export async function serve(
  config: Config,
  options: ServeOptions = {},
  io: CommandIo = processIo,
): Promise<RunningServer> {
  const logger = createLogger(config);
  const server = await startServer(config, { clock: io.clock, logger, print: io.print });
  if (options.handleSignals ?? true) {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        logger.warn({ signal }, "second signal: exiting without waiting");
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, "shutting down");
      const timer = setTimeout(() => {
        logger.error({ timeoutMs: CLOSE_TIMEOUT_MS }, "shutdown took too long: exiting");
        process.exit(1);
      }, CLOSE_TIMEOUT_MS);
      timer.unref();
      server.close().then(
        () => {
          logger.info("stopped");
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  }
  return server;
}
