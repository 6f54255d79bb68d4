/**
 * What a management command's action works with: where to print (stdout lines, stderr lines, the
 * `--json` body), the style (colour or not), the terminal, and `call`, which talks to the
 * configured Keygate and turns its failures into the CLI's one-line errors.
 *
 * @example
 * command.option(...).action(manageAction(io, async (session, [id]) => {
 *   const key = await session.call((keygate) => keygate.keys.get(id));
 *   session.json ? session.printJson(key) : session.out(...);
 * }));
 */
import type { Keygate } from "@keygate/sdk";
import type { Command } from "commander";
import type { Clock } from "../../clock.js";
import { type Connection, clientFor, describeCallFailure, resolveConnection } from "./connection.js";
import { type Style, styleFor } from "./style.js";
import { pipedTerminal, type Terminal } from "./terminal.js";

/** The part of the CLI's io the management commands use (program.ts's CliIo fits). */
export interface ManageIo {
  print(line: string): void;
  error(line: string): void;
  env: NodeJS.ProcessEnv;
  clock: Clock;
  terminal?: Terminal | undefined;
}

/** The options every management command takes. */
export interface SessionOptions {
  profile?: string;
  json?: boolean;
}

export class Session {
  readonly style: Style;
  readonly terminal: Terminal;
  readonly json: boolean;
  private client: { keygate: Keygate; connection: Connection } | undefined;

  constructor(
    readonly io: ManageIo,
    private readonly options: SessionOptions,
  ) {
    this.terminal = io.terminal ?? pipedTerminal;
    this.style = styleFor(this.terminal.stdoutIsTTY, io.env);
    this.json = options.json === true;
  }

  now(): Date {
    return this.io.clock.now();
  }

  out(line: string): void {
    this.io.print(line);
  }

  err(line: string): void {
    this.io.error(line);
  }

  /** The API's JSON as is, indented on a terminal, one line when piped. */
  printJson(value: unknown): void {
    this.io.print(JSON.stringify(value ?? null, null, this.terminal.stdoutIsTTY ? 2 : undefined));
  }

  /** Printed after every secret: it is never shown again. */
  warnSecretShownOnce(): void {
    this.err("keygate: the secret is shown once; store it now");
  }

  /** The Keygate URL this session talks to (after the first call). */
  get url(): string | undefined {
    return this.client?.connection.url;
  }

  /** Runs `run` with the client of the configured Keygate; a refusal becomes a one-line error. */
  async call<T>(run: (keygate: Keygate) => Promise<T>): Promise<T> {
    if (!this.client) {
      const connection = await resolveConnection(this.io.env, this.options.profile);
      this.client = { keygate: clientFor(connection), connection };
    }
    try {
      return await run(this.client.keygate);
    } catch (error) {
      throw describeCallFailure(error, this.client.connection.url);
    }
  }

  async close(): Promise<void> {
    await this.client?.keygate.close();
  }
}

/** Adds the options every management command takes. */
export function withSessionOptions(command: Command, json = true): Command {
  command.option("--profile <name>", "the saved connection to use (default: default; see keygate login)");
  if (json) command.option("--json", "print the API's JSON instead of a table (for scripts)");
  return command;
}

/**
 * The commander action of a management command: `run` receives the session, the command's
 * arguments and its options, and the session is closed afterwards.
 */
export function manageAction<Options extends SessionOptions>(
  io: ManageIo,
  run: (session: Session, args: string[], options: Options, command: Command) => Promise<void>,
) {
  return async function action(this: Command): Promise<void> {
    const options = this.opts<Options>();
    const session = new Session(io, options);
    try {
      await run(session, this.args, options, this);
    } finally {
      await session.close();
    }
  };
}
