/**
 * Adds a person to the workspace with a role, within the plan's member limit, with a
 * `member.added` event in the same transaction. An email without an account gets one with the
 * given password; an existing account keeps its own password and name. The new account's password
 * is hashed before the transaction, so argon2's cost never holds a store connection (the embedded
 * store has only one).
 */
import type { Kysely } from "kysely";
import { conflict, validationFailed } from "../../errors.js";
import type { Database, Role } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { actorOf, type Principal } from "../principal.js";
import { hashPassword } from "../users/passwords.js";
import { addMember, createUser, findUserByEmail } from "../users/users.js";
import { requireWithinLimit } from "../workspaces/entitlements.js";
import { findMember, lockWorkspace, type PublicMember, toPublicMember } from "./members.js";
import { requireOwner } from "./owner-rules.js";

export interface AddMemberInput {
  workspaceId: string;
  email: string;
  name: string;
  role: Role;
  /** The password of a new account; unused when the email already has one. */
  password?: string | undefined;
  principal: Principal;
  ip: string;
  at: Date;
}

export async function addWorkspaceMember(db: Kysely<Database>, input: AddMemberInput): Promise<PublicMember> {
  if (input.role === "owner") requireOwner(input.principal, "grant the owner role");
  const hadAccount = (await findUserByEmail(db, input.email)) !== undefined;
  const passwordHash =
    hadAccount || input.password === undefined ? undefined : await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const workspace = await lockWorkspace(trx, input.workspaceId);
    const existing = await findUserByEmail(trx, input.email);
    if (existing && (await findMember(trx, workspace.id, existing.id))) {
      throw conflict(`${existing.email} is already a member of this workspace`);
    }
    const { count } = await trx
      .selectFrom("memberships")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("workspace_id", "=", workspace.id)
      .executeTakeFirstOrThrow();
    requireWithinLimit(workspace.plan, "maxMembers", Number(count));

    let user = existing;
    if (!user) {
      if (input.password === undefined) {
        throw validationFailed("password: required, since this email has no account yet");
      }
      // Hashed above, unless the account was removed since that read: then the caller tries again.
      if (passwordHash === undefined) throw conflict(`${input.email} changed meanwhile; try again`);
      user = await createUser(trx, { email: input.email, name: input.name, passwordHash, at: input.at });
    }
    await addMember(trx, { workspaceId: workspace.id, userId: user.id, role: input.role, at: input.at });
    await recordAudit(trx, {
      workspaceId: workspace.id,
      actor: actorOf(input.principal, input.ip),
      action: "member.added",
      target: { type: "user", id: user.id },
      details: { email: user.email, role: input.role, newAccount: existing === undefined },
      at: input.at,
    });
    return toPublicMember({
      user_id: user.id,
      email: user.email,
      name: user.name,
      role: input.role,
      created_at: input.at,
    });
  });
}
