/** Finds the workspace a CLI argument names: its id, or its exact name when that is unambiguous. */
import type { Kysely, Transaction } from "kysely";
import { isId } from "../domain/ids.js";
import type { Database, WorkspaceRow } from "../store/schema.js";
import { CliError } from "./cli-error.js";

export async function findWorkspace(
  db: Kysely<Database> | Transaction<Database>,
  idOrName: string,
): Promise<WorkspaceRow> {
  const query = db.selectFrom("workspaces").selectAll().orderBy("created_at").orderBy("id");
  const rows = isId("workspace", idOrName)
    ? await query.where("id", "=", idOrName).execute()
    : await query.where("name", "=", idOrName).execute();
  const [first, ...others] = rows;
  if (!first) {
    throw new CliError(`no workspace has the id or name "${idOrName}" (see: keygate workspace list)`);
  }
  if (others.length > 0) {
    throw new CliError(
      `${rows.length} workspaces are named "${idOrName}" (${rows.map((r) => r.id).join(", ")}); give the id instead`,
    );
  }
  return first;
}

/** The oldest workspace: the one the first start created. */
export async function firstWorkspace(db: Kysely<Database> | Transaction<Database>): Promise<WorkspaceRow> {
  const row = await db
    .selectFrom("workspaces")
    .selectAll()
    .orderBy("created_at")
    .orderBy("id")
    .executeTakeFirst();
  if (!row) {
    throw new CliError(
      "there is no workspace yet: start Keygate once (keygate serve) to create the first one",
    );
  }
  return row;
}
