/**
 * The `keygate` command line: `serve`, `migrate`, `workspace list|plan`, `admin create` on the
 * configured store, and the management commands (manage/: login, keys, apps, apis, root-keys,
 * audit, usage, completion) that talk to a running Keygate over HTTP.
 * Each command reads the configuration from the environment only when it runs, so `--help`
 * works even with a bad one. Expected failures (bad configuration, a schema newer than the code,
 * a busy data folder, a refusal of the server) print one line and exit 1, without a stack trace;
 * usage errors (an unknown command, a bad option) exit 2. The store commands' modules load only
 * when they run, so the management commands start without loading the server.
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { DataDirInUseError } from "../app/data-dir-lock.js";
import { ConfigError, loadConfig } from "../config/config.js";
import { ROLES } from "../domain/principal.js";
import { PLANS } from "../domain/workspaces/entitlements.js";
import { SchemaTooNewError } from "../store/migrate.js";
import { CliError } from "./cli-error.js";
import { type CommandIo, processIo } from "./command-io.js";
import { MANAGE_HELP, registerManageCommands } from "./manage/manage-commands.js";
import { isManageError } from "./manage/manage-errors.js";
import { processTerminal, type Terminal } from "./manage/terminal.js";
import { registerScanCommand } from "./scan.js";

export interface CliIo extends CommandIo {
  /** Prints one line of an error or diagnostic. */
  error(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Whether `serve` installs the SIGTERM/SIGINT handlers that exit the process. */
  handleSignals: boolean;
  /** The terminal the management commands ask and draw on; absent: as if piped. */
  terminal?: Terminal | undefined;
}

export const processCliIo: CliIo = {
  ...processIo,
  error: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  handleSignals: true,
  terminal: processTerminal,
};

function readVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version?: unknown;
    };
    return typeof manifest.version === "string" ? manifest.version : "unknown";
  } catch {
    return "unknown";
  }
}

const ENVIRONMENT_HELP = `
Configuration comes from the environment: PORT, HOST, KEYGATE_DATA_DIR, DATABASE_URL, REDIS_URL,
KEYGATE_ADMIN_EMAIL, KEYGATE_ADMIN_PASSWORD, KEYGATE_PUBLIC_URL, LOG_LEVEL (see README.md).
With the embedded store (no DATABASE_URL), stop the server before running the other commands:
one process at a time may use the data folder.`;

export function buildProgram(io: CliIo): Command {
  const config = () => loadConfig(io.env);
  const program = new Command("keygate")
    .description("Keygate: self-hostable API key management")
    .version(readVersion(), "-v, --version")
    .configureOutput({
      writeOut: (text) => io.print(text.replace(/\n$/, "")),
      writeErr: (text) => io.error(text.replace(/\n$/, "")),
    })
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .addHelpText("after", `${MANAGE_HELP}\n${ENVIRONMENT_HELP}`);

  program
    .command("serve")
    .description("start the service: the API, its docs and the setup page on one port")
    .action(async () => {
      const { serve } = await import("./serve.js");
      await serve(config(), { handleSignals: io.handleSignals }, io);
    });

  program
    .command("migrate")
    .description("apply pending database migrations, report them, and exit")
    .action(async () => {
      const { migrate } = await import("./migrate.js");
      await migrate(config(), io);
    });

  const workspace = program.command("workspace").description("list workspaces and set their plans");
  workspace
    .command("list")
    .description(
      "list every workspace (the operator and its tenants) with its kind, externalId, plan, status, members and live keys",
    )
    .option("--json", "print JSON instead of a table")
    .action(async (options: { json?: boolean }) => {
      const { listWorkspaces } = await import("./workspace-list.js");
      await listWorkspaces(config(), { json: options.json ?? false }, io);
    });
  workspace
    .command("plan")
    .description("set a workspace's plan (recorded in its audit trail as workspace.plan_changed)")
    .argument("<workspace>", "workspace id, exact name, or a tenant's externalId")
    .addArgument(program.createArgument("<plan>", "the new plan").choices(PLANS))
    .action(async (workspaceArg: string, plan: string) => {
      const { setWorkspacePlan } = await import("./workspace-plan.js");
      await setWorkspacePlan(config(), { workspace: workspaceArg, plan }, io);
    });

  const admin = program.command("admin").description("manage the people who run workspaces");
  admin
    .command("create")
    .description("add a person (an owner by default) to the first or a given workspace")
    .requiredOption("--email <email>", "their sign-in email")
    .requiredOption("--password <password>", "their password (at least 12 characters) for a new account")
    .option("--name <name>", "display name (default: the part of the email before @)")
    .option(
      "--workspace <workspace>",
      "workspace id, exact name or externalId (default: the first workspace)",
    )
    .addOption(new Option("--role <role>", "their role").choices(ROLES).default("owner"))
    .action(
      async (options: {
        email: string;
        password: string;
        name?: string;
        workspace?: string;
        role: string;
      }) => {
        const { createAdmin } = await import("./admin-create.js");
        await createAdmin(config(), options, io);
      },
    );

  registerManageCommands(program, io);
  registerScanCommand(program, io);

  return program;
}

/** Exit code of a usage error: an unknown command or option, a bad or missing argument. */
const USAGE_EXIT_CODE = 2;

const EXPECTED_ERRORS = [ConfigError, CliError, SchemaTooNewError, DataDirInUseError];

/** One line for an expected failure; the stack only for a bug. */
export function describeFailure(error: unknown): string {
  if (EXPECTED_ERRORS.some((kind) => error instanceof kind)) return (error as Error).message;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    // System and database errors (EADDRINUSE, ECONNREFUSED, 28P01...) explain themselves.
    if (typeof code === "string") return error.message || `${error.name} (${code})`;
    return error.stack ?? error.message;
  }
  return String(error);
}

/**
 * Runs the command line and resolves with the exit code (`serve` resolves once listening and
 * keeps the process alive).
 * @example process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(args: string[], io: CliIo = processCliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(args, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    if (isManageError(error)) {
      if (error.message !== "") io.error(`keygate: ${error.message}`);
      return error.exitCode;
    }
    io.error(`error: ${describeFailure(error)}`);
    return 1;
  }
}
