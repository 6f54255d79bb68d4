/**
 * `keygate admin create`: the operator adds a person (an owner by default) to the first or a
 * given workspace, creating the account when the email has none. The membership and its
 * `member.added` audit event (actor: system) are written in one transaction.
 */
import { z } from "zod";
import type { Config } from "../config/config.js";
import { recordAudit } from "../domain/audit/record-audit.js";
import { findMember } from "../domain/members/members.js";
import { ROLES } from "../domain/principal.js";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../domain/users/passwords.js";
import { addMember, createUser, findUserByEmail, normaliseEmail } from "../domain/users/users.js";
import type { Role } from "../store/schema.js";
import { CliError } from "./cli-error.js";
import { type CommandIo, processIo } from "./command-io.js";
import { findWorkspace, firstWorkspace } from "./find-workspace.js";
import { withStore } from "./with-store.js";

export interface AdminCreateArgs {
  email: string;
  password: string;
  name?: string | undefined;
  /** Workspace id or exact name; the first workspace when absent. */
  workspace?: string | undefined;
  role?: string | undefined;
}

export interface AdminCreated {
  userId: string;
  email: string;
  workspaceId: string;
  role: Role;
  /** False when the email already had an account (its password is left as it was). */
  newAccount: boolean;
}

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

function validate(args: AdminCreateArgs): { email: string; name: string; role: Role } {
  const email = normaliseEmail(args.email);
  if (!z.email().safeParse(email).success)
    throw new CliError(`--email: "${args.email}" is not an email address`);
  if (args.password.length < MIN_PASSWORD_LENGTH)
    throw new CliError(`--password: must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (args.password.length > MAX_PASSWORD_LENGTH)
    throw new CliError(`--password: must be at most ${MAX_PASSWORD_LENGTH} characters`);
  const role = args.role ?? "owner";
  if (!isRole(role)) throw new CliError(`--role: must be one of ${ROLES.join(", ")} (got "${role}")`);
  const name = (args.name ?? email.split("@")[0] ?? email).trim();
  if (name.length === 0 || name.length > 100) throw new CliError("--name: must be 1 to 100 characters");
  return { email, name, role };
}

export async function createAdmin(
  config: Config,
  args: AdminCreateArgs,
  io: CommandIo = processIo,
): Promise<AdminCreated> {
  const { email, name, role } = validate(args);
  // Hashed before the transaction: argon2's cost never holds a store connection.
  const passwordHash = await hashPassword(args.password);
  const result = await withStore(config, { mustExist: false, store: io.store }, (store) =>
    store.db.transaction().execute(async (trx) => {
      const workspace = args.workspace ? await findWorkspace(trx, args.workspace) : await firstWorkspace(trx);
      const at = io.clock.now();
      const existing = await findUserByEmail(trx, email);
      const membership = existing && (await findMember(trx, workspace.id, existing.id));
      if (membership) {
        throw new CliError(
          `${email} is already a member of "${workspace.name}" (${workspace.id}) with the role ${membership.role}`,
        );
      }
      const user = existing ?? (await createUser(trx, { email, name, passwordHash, at }));
      await addMember(trx, { workspaceId: workspace.id, userId: user.id, role, at });
      await recordAudit(trx, {
        workspaceId: workspace.id,
        actor: { type: "system", id: null, ip: null },
        action: "member.added",
        target: { type: "user", id: user.id },
        details: { email, role, source: "cli" },
        at,
      });
      return {
        created: { userId: user.id, email, workspaceId: workspace.id, role, newAccount: !existing },
        workspaceName: workspace.name,
      };
    }),
  );
  const { created } = result;
  io.print(
    `Added ${created.email} as ${created.role} of "${result.workspaceName}" (${created.workspaceId}).` +
      (created.newAccount ? "" : " The account already existed; its password was not changed."),
  );
  io.print(`Sign in at ${config.publicUrl}/`);
  return created;
}
