/**
 * The service's logger: pino, JSON lines, at the configured level, with credentials redacted
 * (authorization headers, cookies, passwords, keys and tokens) wherever they might be logged.
 */
import pino, { type DestinationStream, type Logger } from "pino";
import type { Config } from "../config/config.js";

/** Log paths whose values are replaced by `[redacted]`. */
const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "*.password",
  "*.key",
  "*.secretKey",
  "*.token",
  "*.csrfToken",
  "*.adminPassword",
];

/**
 * A logger for the service.
 * @example createLogger(config).info({ url }, "listening")
 * @param destination where lines go (stdout by default; tests pass a stream to read them back)
 */
export function createLogger(config: Pick<Config, "logLevel">, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.logLevel,
      redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    },
    destination,
  );
}
