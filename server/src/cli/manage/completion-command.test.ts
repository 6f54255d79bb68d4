import { execFileSync } from "node:child_process";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { captureIo } from "../../../test/cli-target.js";
import { buildProgram, runCli } from "../program.js";
import { bashCompletion, commandNodes, fishCompletion, zshCompletion } from "./completion-scripts.js";

async function script(shell: string): Promise<string> {
  const io = captureIo();
  expect(await runCli(["completion", shell], io)).toBe(0);
  return io.out.join("\n");
}

/** What bash completes after `words` (the last one being typed), with the script sourced. */
function bashCompletes(source: string, words: string[]): string[] {
  const program = `${source}
COMP_WORDS=(${words.map((word) => `'${word}'`).join(" ")}); COMP_CWORD=${words.length - 1}; _keygate; printf '%s\\n' "\${COMPREPLY[@]}"`;
  return execFileSync("bash", ["-c", program], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line !== "");
}

describe("keygate completion", () => {
  const paths = commandNodes(buildProgram(captureIo())).map((node) => node.path);

  it("knows every command of the program", () => {
    for (const path of [
      "keys import",
      "keys export",
      "root-keys create",
      "audit list",
      "usage",
      "login",
      "workspace plan",
      "admin create",
      "completion",
    ])
      expect(paths).toContain(path);
  });

  it.each(["bash", "zsh", "fish"])("prints a %s script naming every command and option", async (shell) => {
    const text = await script(shell);
    for (const path of paths.filter((path) => path !== "")) {
      const name = path.split(" ").at(-1) ?? "";
      expect(text).toContain(name);
      if (shell !== "fish") expect(text).toContain(`'${path}')`);
    }
    for (const option of [
      "--batch-size",
      "--dry-run",
      "--follow",
      "--granularity",
      "--profile",
      "--json",
      "--yes",
    ])
      expect(text).toContain(shell === "fish" ? `-l ${option.slice(2)}` : option);
  });

  it("completes commands, subcommands and options in bash", async () => {
    const source = await script("bash");
    expect(bashCompletes(source, ["keygate", "ke"])).toEqual(["keys"]);
    expect(bashCompletes(source, ["keygate", "keys", ""])).toEqual([
      "list",
      "get",
      "create",
      "update",
      "enable",
      "disable",
      "rotate",
      "revoke",
      "delete",
      "verify",
      "import",
      "export",
      "--help",
    ]);
    expect(bashCompletes(source, ["keygate", "keys", "import", "--d"])).toEqual(["--dry-run"]);
    expect(bashCompletes(source, ["keygate", "--json", "usage", "key_1", "--gr"])).toEqual(["--granularity"]);
  });

  it("follows the commander tree, so a new command is completed without touching the scripts", () => {
    const program = new Command("keygate");
    program.command("webhooks").command("list").option("--url <url>");
    expect(bashCompletion(program)).toContain("'webhooks') echo 'list --help' ;;");
    expect(bashCompletion(program)).toContain("'webhooks list') echo '--url --help' ;;");
    expect(zshCompletion(program)).toContain("'webhooks list') echo '--url --help' ;;");
    expect(fishCompletion(program)).toContain(
      "complete -c keygate -n 'test (__keygate_path) = '\\''webhooks'\\''' -a 'list' -d ''",
    );
  });
});
