/**
 * For the management commands' tests (server/src/cli/manage/*.test.ts): a listening Keygate (sdk/test/live-keygate.ts) and a way to
 * run `keygate ...` against it in process, through runCli with a captured io (stdout and stderr
 * lines, a clock set to a given time, a profiles folder of its own, an optional terminal).
 *
 * @example
 * const cli = await startLiveCli();                     // in beforeAll; cli.close() in afterAll
 * const { code, out } = await cli.run(["keys", "list"]);
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type LiveKeygate, startLiveKeygate } from "../../sdk/test/live-keygate.js";
import type { Terminal } from "../src/cli/manage/terminal.js";
import { runCli } from "../src/cli/program.js";
import type { Grant } from "../src/domain/principal.js";
import { captureIo } from "./cli-target.js";

export interface CliRun {
  code: number;
  out: string[];
  errors: string[];
}

export interface RunOptions {
  /** More environment (it already points at the Keygate with KEYGATE_URL / KEYGATE_ROOT_KEY). */
  env?: NodeJS.ProcessEnv;
  /** false: no KEYGATE_URL / KEYGATE_ROOT_KEY, only the profiles file. */
  connect?: boolean;
  terminal?: Terminal;
  /** The CLI's clock (default: the machine's time now). */
  now?: Date | string;
}

export interface LiveCli {
  keygate: LiveKeygate;
  rootKey: string;
  /** XDG_CONFIG_HOME of every run. */
  configHome: string;
  run(args: string[], options?: RunOptions): Promise<CliRun>;
  close(): Promise<void>;
}

export async function startLiveCli(permissions: Grant[] = ["*"]): Promise<LiveCli> {
  const keygate = await startLiveKeygate();
  const rootKey = await keygate.rootKey(permissions);
  const configHome = await mkdtemp(path.join(tmpdir(), "keygate-cli-config-"));
  return {
    keygate,
    rootKey,
    configHome,
    run: async (args, options = {}) => {
      const connection =
        options.connect === false ? {} : { KEYGATE_URL: keygate.url, KEYGATE_ROOT_KEY: rootKey };
      const io = captureIo({ XDG_CONFIG_HOME: configHome, ...connection, ...options.env });
      io.clock.set(options.now ?? new Date());
      const code = await runCli(args, { ...io, terminal: options.terminal });
      return { code, out: io.out, errors: io.errors };
    },
    close: async () => {
      await keygate.close();
      await rm(configHome, { recursive: true, force: true });
    },
  };
}

/** A terminal for tests: TTY or not as told, answering questions from a list (recorded). */
export function testTerminal(options: {
  tty: boolean;
  answers?: string[];
}): Terminal & { asked: string[]; drawn: string[] } {
  const asked: string[] = [];
  const drawn: string[] = [];
  const answers = [...(options.answers ?? [])];
  return {
    stdoutIsTTY: options.tty,
    stderrIsTTY: options.tty,
    stdinIsTTY: options.tty,
    asked,
    drawn,
    ask: async (question) => {
      asked.push(question);
      return answers.shift() ?? "";
    },
    writeError: (text) => drawn.push(text),
  };
}
