/** What every CLI command receives besides its arguments: where to print and what time it is. */
import { type Clock, systemClock } from "../clock.js";

export interface CommandIo {
  /** Prints one line of the command's result. */
  print(line: string): void;
  clock: Clock;
}

export const processIo: CommandIo = {
  print: (line) => process.stdout.write(`${line}\n`),
  clock: systemClock,
};
