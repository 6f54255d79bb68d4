/** Reading the workspace's connected Apis: the paged list, one, or a set by id. */
import type { Kysely, Transaction } from "kysely";
import { notFound } from "../../errors.js";
import type { ApiRow, Database } from "../../store/schema.js";
import { newestFirst } from "../paging.js";
import { type PublicApi, toPublicApi } from "./api-object.js";

type Db = Kysely<Database> | Transaction<Database>;

export async function listApis(
  db: Db,
  workspaceId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ data: PublicApi[]; nextCursor: string | null }> {
  const result = await newestFirst(
    db.selectFrom("apis").selectAll().where("workspace_id", "=", workspaceId),
    page,
  );
  return { data: result.data.map(toPublicApi), nextCursor: result.nextCursor };
}

/** The Api of this workspace; 404 otherwise. */
export async function findApi(db: Db, workspaceId: string, id: string): Promise<ApiRow> {
  const row = await db
    .selectFrom("apis")
    .selectAll()
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound("api");
  return row;
}

/** These Apis of the workspace, in the order asked; 404 naming the first id that is not one. */
export async function findApis(db: Db, workspaceId: string, ids: readonly string[]): Promise<ApiRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("apis")
    .selectAll()
    .where("id", "in", ids)
    .where("workspace_id", "=", workspaceId)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw notFound(`api ${id}`);
    return row;
  });
}
