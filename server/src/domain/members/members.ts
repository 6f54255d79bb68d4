/** The members of a workspace: who they are and their role, oldest membership first. */
import type { Kysely, Transaction } from "kysely";
import type { Database, Role } from "../../store/schema.js";

type Db = Kysely<Database> | Transaction<Database>;

export interface PublicMember {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** When they joined the workspace. */
  createdAt: string;
}

function memberQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select([
      "memberships.user_id",
      "users.email",
      "users.name",
      "memberships.role",
      "memberships.created_at",
    ])
    .where("memberships.workspace_id", "=", workspaceId);
}

type MemberRow = { user_id: string; email: string; name: string; role: Role; created_at: Date };

export function toPublicMember(row: MemberRow): PublicMember {
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.created_at.toISOString(),
  };
}

export async function listMembers(db: Db, workspaceId: string): Promise<PublicMember[]> {
  const rows = await memberQuery(db, workspaceId)
    .orderBy("memberships.created_at")
    .orderBy("memberships.user_id")
    .execute();
  return rows.map(toPublicMember);
}

/** One member of this workspace, or `undefined` (also for users of other workspaces). */
export async function findMember(
  db: Db,
  workspaceId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  return memberQuery(db, workspaceId).where("memberships.user_id", "=", userId).executeTakeFirst();
}

/**
 * Locks the workspace row for the rest of the transaction, so concurrent membership changes
 * (the member limit, the last-owner rule) are checked one after another.
 */
export async function lockWorkspace(trx: Transaction<Database>, workspaceId: string) {
  return trx
    .selectFrom("workspaces")
    .select(["id", "plan"])
    .where("id", "=", workspaceId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}
