/**
 * Moves a session to another workspace of the same person: the session's current workspace
 * changes (its cookie and CSRF token stay), with a `user.workspace_switched` event in the
 * workspace entered, in one transaction. Only a member may enter; for anyone else the workspace
 * is `NOT_FOUND`, whether or not it exists. Other sessions of the person stay where they are.
 */
import type { Kysely } from "kysely";
import { notFound } from "../../errors.js";
import type { Database, Role, UserRow, WorkspaceRow } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";

export interface SwitchWorkspaceInput {
  /** SHA-256 of the session's cookie token. */
  sessionHash: string;
  userId: string;
  /** The session's workspace now. */
  fromWorkspaceId: string;
  workspaceId: string;
  ip: string;
  at: Date;
}

export interface SwitchedWorkspace {
  user: UserRow;
  workspace: WorkspaceRow;
  role: Role;
}

export async function switchWorkspace(
  db: Kysely<Database>,
  input: SwitchWorkspaceInput,
): Promise<SwitchedWorkspace> {
  return db.transaction().execute(async (trx) => {
    const membership = await trx
      .selectFrom("memberships")
      .select("role")
      .where("user_id", "=", input.userId)
      .where("workspace_id", "=", input.workspaceId)
      .executeTakeFirst();
    if (!membership) throw notFound("workspace");
    const workspace = await trx
      .selectFrom("workspaces")
      .selectAll()
      .where("id", "=", input.workspaceId)
      .executeTakeFirstOrThrow();
    const user = await trx
      .selectFrom("users")
      .selectAll()
      .where("id", "=", input.userId)
      .executeTakeFirstOrThrow();
    if (input.workspaceId !== input.fromWorkspaceId) {
      await trx
        .updateTable("sessions")
        .set({ workspace_id: workspace.id, last_seen_at: input.at })
        .where("token_hash", "=", input.sessionHash)
        .where("user_id", "=", input.userId)
        .execute();
      await recordAudit(trx, {
        workspaceId: workspace.id,
        actor: { type: "user", id: user.id, ip: input.ip },
        action: "user.workspace_switched",
        target: { type: "user", id: user.id },
        details: { email: user.email },
        at: input.at,
      });
    }
    return { user, workspace, role: membership.role };
  });
}
