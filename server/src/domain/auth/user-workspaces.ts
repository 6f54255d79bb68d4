/** The workspaces a person belongs to, with their role in each, oldest membership first. */
import type { Kysely } from "kysely";
import type { Database, Role, WorkspaceRow } from "../../store/schema.js";

export interface UserWorkspace {
  workspace: WorkspaceRow;
  role: Role;
}

export async function listUserWorkspaces(db: Kysely<Database>, userId: string): Promise<UserWorkspace[]> {
  const rows = await db
    .selectFrom("memberships")
    .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
    .selectAll("workspaces")
    .select("memberships.role")
    .where("memberships.user_id", "=", userId)
    .orderBy("memberships.created_at")
    .orderBy("memberships.workspace_id")
    .execute();
  return rows.map(({ role, ...workspace }) => ({ workspace, role }));
}
