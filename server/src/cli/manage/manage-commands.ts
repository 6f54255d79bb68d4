/**
 * The management commands of `keygate`, which talk to a running Keygate over HTTP through
 * @keygate/sdk: login/logout/profiles, keys, apps, apis, root-keys, audit, usage, completion.
 * One file per command group; this one only hangs them on the program.
 */
import type { Command } from "commander";
import { registerApiCommands } from "./api-commands.js";
import { registerAppCommands } from "./app-commands.js";
import { registerAuditCommands } from "./audit-commands.js";
import { registerCompletionCommand } from "./completion-command.js";
import { registerKeyCommands } from "./key-commands.js";
import { registerKeyExportCommand } from "./key-export-command.js";
import { registerKeyImportCommand } from "./key-import-command.js";
import { registerKeyVerifyCommand } from "./key-verify-command.js";
import { registerLoginCommands } from "./login-commands.js";
import { registerRootKeyCommands } from "./root-key-commands.js";
import type { ManageIo } from "./session.js";
import { registerUsageCommand } from "./usage-command.js";

export const MANAGE_HELP = `
Management commands (login, keys, apps, apis, root-keys, audit, usage) talk to a running Keygate:
the --profile saved by keygate login, or KEYGATE_URL and KEYGATE_ROOT_KEY (which override it).
Exit codes: 0 done, 1 refused by the server or unreachable, 2 bad usage.`;

export function registerManageCommands(program: Command, io: ManageIo): void {
  registerLoginCommands(program, io);
  const keys = program
    .command("keys")
    .description("create, list, change, rotate, revoke, import and export keys");
  registerKeyCommands(keys, io);
  registerKeyVerifyCommand(keys, io);
  registerKeyImportCommand(keys, io);
  registerKeyExportCommand(keys, io);
  registerAppCommands(
    program.command("apps").description("applications (integrations) and their connected Apis"),
    io,
  );
  registerApiCommands(program.command("apis").description("connected Apis and the scopes they offer"), io);
  registerRootKeyCommands(
    program.command("root-keys").description("the workspace's management credentials"),
    io,
  );
  registerAuditCommands(program.command("audit").description("the workspace's audit trail"), io);
  registerUsageCommand(program, io);
  registerCompletionCommand(program, io);
}
