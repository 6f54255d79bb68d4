/**
 * Password sign-in: checks the email and password (spending the same time for unknown emails),
 * picks the workspace (the one asked for, else the oldest membership), and opens a session with
 * its `user.signed_in` event in one transaction. A known user's wrong password is audited as
 * `user.sign_in_failed`. Throttling is the caller's part (it knows the client's address).
 */
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.js";
import type { Database, Role, UserRow, WorkspaceRow } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { hashSecret } from "../key-format.js";
import { verifyAgainstNobody, verifyPassword } from "../users/passwords.js";
import { findUserByEmail } from "../users/users.js";
import { createSession, deleteSession } from "./sessions.js";

export interface SignInInput {
  email: string;
  password: string;
  /** The workspace to sign in to; the oldest membership when absent. */
  workspaceId?: string | undefined;
  ip: string;
  userAgent: string | null;
  /** The session cookie the browser already had, ended by this sign-in. */
  previousToken?: string | undefined;
}

export interface SignedIn {
  user: UserRow;
  workspace: WorkspaceRow;
  role: Role;
  token: string;
  csrfToken: string;
}

export type SignInOutcome =
  | { ok: true; session: SignedIn }
  /** Unknown email or wrong password: the caller cannot tell which. */
  | { ok: false; reason: "wrong_credentials" }
  /** The password is right but the account is not a member of the workspace asked for. */
  | { ok: false; reason: "not_a_member" }
  /** The password is right but the account belongs to no workspace. */
  | { ok: false; reason: "no_workspace" };

export async function signIn(db: Kysely<Database>, clock: Clock, input: SignInInput): Promise<SignInOutcome> {
  const user = await findUserByEmail(db, input.email);
  if (!user) {
    await verifyAgainstNobody(input.password);
    return { ok: false, reason: "wrong_credentials" };
  }
  const memberships = await db
    .selectFrom("memberships")
    .select(["workspace_id", "role"])
    .where("user_id", "=", user.id)
    .orderBy("created_at")
    .orderBy("workspace_id")
    .execute();
  const chosen =
    input.workspaceId === undefined
      ? memberships[0]
      : memberships.find((membership) => membership.workspace_id === input.workspaceId);
  const actor = { type: "user" as const, id: user.id, ip: input.ip };
  const target = { type: "user", id: user.id };

  if (!(await verifyPassword(user.password_hash, input.password))) {
    const auditIn = chosen ?? memberships[0];
    if (auditIn) {
      await recordAudit(db, {
        workspaceId: auditIn.workspace_id,
        actor,
        action: "user.sign_in_failed",
        target,
        details: { email: user.email },
        at: clock.now(),
      });
    }
    return { ok: false, reason: "wrong_credentials" };
  }
  if (!chosen)
    return { ok: false, reason: input.workspaceId === undefined ? "no_workspace" : "not_a_member" };

  const session = await db.transaction().execute(async (trx) => {
    const workspace = await trx
      .selectFrom("workspaces")
      .selectAll()
      .where("id", "=", chosen.workspace_id)
      .executeTakeFirstOrThrow();
    if (input.previousToken !== undefined) {
      await deleteSession(trx, hashSecret(input.previousToken));
    }
    const created = await createSession(trx, clock, {
      userId: user.id,
      workspaceId: workspace.id,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await recordAudit(trx, {
      workspaceId: workspace.id,
      actor,
      action: "user.signed_in",
      target,
      details: { email: user.email },
      at: clock.now(),
    });
    return { user, workspace, role: chosen.role, token: created.token, csrfToken: created.csrfToken };
  });
  return { ok: true, session };
}
