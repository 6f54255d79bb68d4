/**
 * The setup link's sign-up: in one transaction, consume the one-time token, create the owner's
 * account (or, for an email that already has one, check its password), make it the workspace's
 * owner with a `member.added` event, and open a session. Any refusal rolls it all back, so the
 * link keeps working after a failed attempt. The password is hashed (or checked against the
 * existing account) before the transaction, so argon2's cost never holds a store connection.
 */
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.js";
import { conflict, validationFailed } from "../../errors.js";
import type { Database } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { hasOwner } from "../members/owner-rules.js";
import { hashPassword, verifyPassword } from "../users/passwords.js";
import { addMember, createUser, findUserByEmail } from "../users/users.js";
import { createSession } from "./sessions.js";
import { consumeSetupToken, isSetupTokenLive } from "./setup-tokens.js";
import type { SignedIn } from "./sign-in.js";

export const INVALID_SETUP_LINK = "the setup link is not valid or was already used";

export async function completeSetup(
  db: Kysely<Database>,
  clock: Clock,
  input: {
    token: string;
    email: string;
    name: string;
    password: string;
    ip: string;
    userAgent: string | null;
  },
): Promise<SignedIn> {
  const at = clock.now();
  // Argon2 first, outside the transaction (and only for a live link); the transaction then only
  // uses the outcome, and refuses nothing about the account before it has consumed the token.
  if (!(await isSetupTokenLive(db, clock, input.token))) throw validationFailed(INVALID_SETUP_LINK);
  const known = await findUserByEmail(db, input.email);
  const knownPasswordMatches = known ? await verifyPassword(known.password_hash, input.password) : false;
  const passwordHash = known ? undefined : await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const workspaceId = await consumeSetupToken(trx, clock, input.token);
    if (workspaceId === undefined) throw validationFailed(INVALID_SETUP_LINK);
    const workspace = await trx
      .selectFrom("workspaces")
      .selectAll()
      .where("id", "=", workspaceId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (await hasOwner(trx, workspaceId)) throw validationFailed(INVALID_SETUP_LINK);

    const existing = await findUserByEmail(trx, input.email);
    const checked = existing?.password_hash === known?.password_hash && knownPasswordMatches;
    if (existing && !checked) {
      throw conflict("an account with this email already exists; enter its password to make it the owner");
    }
    let user = existing;
    if (!user) {
      // Hashed above, unless the account was removed since that read: then the caller tries again.
      if (passwordHash === undefined) throw conflict("the account changed meanwhile; try again");
      user = await createUser(trx, { email: input.email, name: input.name, passwordHash, at });
    }
    const updated = await trx
      .updateTable("memberships")
      .set({ role: "owner" })
      .where("workspace_id", "=", workspaceId)
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n)
      await addMember(trx, { workspaceId, userId: user.id, role: "owner", at });
    await recordAudit(trx, {
      workspaceId,
      actor: { type: "user", id: user.id, ip: input.ip },
      action: "member.added",
      target: { type: "user", id: user.id },
      details: { email: user.email, role: "owner", source: "setup link" },
      at,
    });
    const session = await createSession(trx, clock, {
      userId: user.id,
      workspaceId,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return { user, workspace, role: "owner" as const, token: session.token, csrfToken: session.csrfToken };
  });
}
