/**
 * What the management commands know about the terminal they run in: whether stdout, stderr and
 * stdin are TTYs, a way to ask a question (revoke and delete confirm), a raw stderr for the
 * progress bar, and a signal that ends `--follow`. Tests pass their own; without one a command
 * behaves as if piped (no colour, no prompt, no progress bar).
 */
import { createInterface } from "node:readline/promises";

export interface Terminal {
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Asks one question on stderr and answers the line typed on stdin. */
  ask(question: string): Promise<string>;
  /** Writes to stderr as is (no newline added): the progress bar redraws its line with `\r`. */
  writeError(text: string): void;
  /** Aborted when a long-running command (`audit list --follow`) should stop. */
  stop?: AbortSignal | undefined;
}

export const processTerminal: Terminal = {
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  stdinIsTTY: process.stdin.isTTY === true,
  ask: async (question) => {
    const reader = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await reader.question(question);
    } finally {
      reader.close();
    }
  },
  writeError: (text) => process.stderr.write(text),
};

/** A terminal that is not one: everything piped, nobody to ask. */
export const pipedTerminal: Terminal = {
  stdoutIsTTY: false,
  stderrIsTTY: false,
  stdinIsTTY: false,
  ask: async () => "",
  writeError: () => {},
};
