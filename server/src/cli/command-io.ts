/**
 * What every CLI command receives besides its arguments: where to print, what time it is, and
 * (in tests) an open store to work on instead of the configured one.
 */
import { type Clock, systemClock } from "../clock.js";
import type { Store } from "../store/database.js";

export interface CommandIo {
  /** Prints one line of the command's result. */
  print(line: string): void;
  clock: Clock;
  /**
   * An open store the command uses (and leaves open) instead of opening the configured one: tests
   * run many commands against one store. Without it, the command opens and locks the store itself.
   */
  store?: Store | undefined;
}

export const processIo: CommandIo = {
  print: (line) => process.stdout.write(`${line}\n`),
  clock: systemClock,
};
