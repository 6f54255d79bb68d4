/**
 * Adds a person to the workspace with a role, within the plan's member limit, with a
 * `member.added` event in the same transaction. An email without an account gets one with the
 * given password; an existing account keeps its own password and name.
 */
import type { Kysely } from "kysely";
import { conflict, validationFailed } from "../../errors.js";
import type { Database, Role } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { actorOf, type Principal } from "../principal.js";
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
      user = await createUser(trx, {
        email: input.email,
        name: input.name,
        password: input.password,
        at: input.at,
      });
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
