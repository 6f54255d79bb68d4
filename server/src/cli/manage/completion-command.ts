/** `keygate completion bash|zsh|fish`: prints the shell's completion script for the whole program. */
import type { Command } from "commander";
import { bashCompletion, fishCompletion, zshCompletion } from "./completion-scripts.js";
import type { ManageIo } from "./session.js";

const SHELLS = { bash: bashCompletion, zsh: zshCompletion, fish: fishCompletion } as const;

export function registerCompletionCommand(program: Command, io: ManageIo): void {
  program
    .command("completion")
    .description("print a shell completion script: source <(keygate completion bash)")
    .addArgument(program.createArgument("<shell>", "your shell").choices(Object.keys(SHELLS)))
    .action((shell: keyof typeof SHELLS) => {
      io.print(SHELLS[shell](program).replace(/\n$/, ""));
    });
}
