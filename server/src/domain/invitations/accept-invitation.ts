/**
 * Accepting an invitation link. For an email without an account, the person gives a name and a
 * new password and the account is made; for one with an account, they give its password, checked
 * under the sign-in throttle (counted before the check). Then, in one transaction: the invitation
 * is marked used (one use: of two concurrent accepts exactly one succeeds), the membership is
 * added with the invited role within the plan's member limit, `member.added` and
 * `invitation.accepted` are recorded, and a session is opened. Any refusal rolls it all back, so
 * the link keeps working. Argon2 runs before the transaction, so it never holds a store connection.
 */
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.js";
import { ApiError, conflict, notFound, validationFailed } from "../../errors.js";
import type { Database } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { createSession, deleteSession } from "../auth/sessions.js";
import type { SignedIn } from "../auth/sign-in.js";
import { hashSecret } from "../key-format.js";
import { findMember, lockWorkspace } from "../members/members.js";
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "../users/passwords.js";
import { addMember, createUser, findUserByEmail } from "../users/users.js";
import { requireWithinLimit } from "../workspaces/entitlements.js";
import { findLiveInvitation, INVITATION_NOT_FOUND } from "./invitations.js";

/** Counts password checks per email and address (the sign-in throttle is one). */
export interface PasswordAttempts {
  /** Throws when this email and address must wait; else counts an attempt until it succeeds. */
  begin(email: string, address: string): { succeeded(): void };
}

export interface AcceptInvitationInput {
  token: string;
  /** The new account's name; unused when the email already has an account. */
  name?: string | undefined;
  /** The new account's password, or the existing account's. */
  password: string;
  ip: string;
  userAgent: string | null;
  /** The session cookie the browser already had, ended by this sign-in. */
  previousToken?: string | undefined;
}

export interface AcceptedInvitation extends SignedIn {
  /** Whether the account was made by this acceptance. */
  newAccount: boolean;
}

const NO_ACCOUNT = "required, since this email has no account yet";
const WRONG_PASSWORD = "is not the password of this email's account";

function refuseField(path: string, message: string): ApiError {
  return validationFailed(`${path}: ${message}`, [{ path, message }]);
}

export async function acceptInvitation(
  db: Kysely<Database>,
  clock: Clock,
  attempts: PasswordAttempts,
  input: AcceptInvitationInput,
): Promise<AcceptedInvitation> {
  const at = clock.now();
  // A cheap look first: a dead link costs no argon2 and no throttle count.
  const invitation = await findLiveInvitation(db, input.token, at);
  if (!invitation) throw notFound(INVITATION_NOT_FOUND);
  const known = await findUserByEmail(db, invitation.email);
  let passwordHash: string | undefined;
  if (known) {
    const attempt = attempts.begin(invitation.email, input.ip);
    if (!(await verifyPassword(known.password_hash, input.password))) {
      await recordAudit(db, {
        workspaceId: invitation.workspace_id,
        actor: { type: "user", id: known.id, ip: input.ip },
        action: "user.sign_in_failed",
        target: { type: "user", id: known.id },
        details: { email: known.email, via: "invitation" },
        at,
      });
      throw new ApiError("UNAUTHENTICATED", `password: ${WRONG_PASSWORD}`, {}, [
        { path: "password", message: WRONG_PASSWORD },
      ]);
    }
    attempt.succeeded();
  } else {
    if (input.name === undefined) throw refuseField("name", NO_ACCOUNT);
    if (input.password.length < MIN_PASSWORD_LENGTH) {
      throw refuseField("password", `must be at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    passwordHash = await hashPassword(input.password);
  }

  return db.transaction().execute(async (trx) => {
    const workspace = await lockWorkspace(trx, invitation.workspace_id);
    const used = await trx
      .updateTable("invitations")
      .set({ accepted_at: at })
      .where("id", "=", invitation.id)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", at)
      .returning("id")
      .executeTakeFirst();
    if (!used) throw notFound(INVITATION_NOT_FOUND);

    // The account as checked above, unless it was made, removed or changed since: then try again.
    const existing = await findUserByEmail(trx, invitation.email);
    if (existing?.password_hash !== known?.password_hash) {
      throw conflict("the account of this email changed meanwhile; try again");
    }
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
      if (passwordHash === undefined || input.name === undefined) {
        throw conflict("the account of this email changed meanwhile; try again");
      }
      user = await createUser(trx, { email: invitation.email, name: input.name, passwordHash, at });
    }
    await addMember(trx, { workspaceId: workspace.id, userId: user.id, role: invitation.role, at });
    await trx
      .updateTable("invitations")
      .set({ accepted_by: user.id })
      .where("id", "=", invitation.id)
      .execute();
    const actor = { type: "user" as const, id: user.id, ip: input.ip };
    await recordAudit(trx, {
      workspaceId: workspace.id,
      actor,
      action: "member.added",
      target: { type: "user", id: user.id },
      details: {
        email: user.email,
        role: invitation.role,
        newAccount: existing === undefined,
        source: "invitation",
        invitationId: invitation.id,
      },
      at,
    });
    await recordAudit(trx, {
      workspaceId: workspace.id,
      actor,
      action: "invitation.accepted",
      target: { type: "invitation", id: invitation.id },
      details: { email: user.email, role: invitation.role, userId: user.id },
      at,
    });
    if (input.previousToken !== undefined) await deleteSession(trx, hashSecret(input.previousToken));
    const session = await createSession(trx, clock, {
      userId: user.id,
      workspaceId: workspace.id,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    const row = await trx
      .selectFrom("workspaces")
      .selectAll()
      .where("id", "=", workspace.id)
      .executeTakeFirstOrThrow();
    return {
      user,
      workspace: row,
      role: invitation.role,
      token: session.token,
      csrfToken: session.csrfToken,
      newAccount: existing === undefined,
    };
  });
}
