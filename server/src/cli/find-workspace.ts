/**
 * Finds the workspace a CLI argument names: its id, or its exact name or customer id (a tenant's
 * `externalId`) when that is unambiguous. A deleted tenant is not found.
 */
import type { Kysely, Transaction } from "kysely";
import { isId } from "../domain/ids.js";
import type { Database, WorkspaceRow } from "../store/schema.js";
import { CliError } from "./cli-error.js";

export async function findWorkspace(
  db: Kysely<Database> | Transaction<Database>,
  idOrName: string,
): Promise<WorkspaceRow> {
  const query = db
    .selectFrom("workspaces")
    .selectAll()
    .where("deleted_at", "is", null)
    .orderBy("created_at")
    .orderBy("id");
  const rows = isId("workspace", idOrName)
    ? await query.where("id", "=", idOrName).execute()
    : await query
        .where((eb) => eb.or([eb("name", "=", idOrName), eb("external_id", "=", idOrName)]))
        .execute();
  const [first, ...others] = rows;
  if (!first) {
    throw new CliError(
      `no workspace has the id, name or externalId "${idOrName}" (see: keygate workspace list)`,
    );
  }
  if (others.length > 0) {
    throw new CliError(
      `${rows.length} workspaces are named or have the externalId "${idOrName}" (${rows.map((r) => r.id).join(", ")}); give the id instead`,
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
