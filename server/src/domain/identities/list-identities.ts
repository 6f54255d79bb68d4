/**
 * Reading identities: the workspace's list, newest first and cursor-paged, searched by part of the
 * externalId or by id, and one identity by id or externalId; each with its key count (one grouped
 * count per page, on the keys_identity index).
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../store/schema.js";
import { isId } from "../ids.js";
import { newestFirst } from "../paging.js";
import { type ListIdentitiesQuery, type PublicIdentity, toPublicIdentity } from "./identity-object.js";
import { getIdentityRow, keyCountsOf } from "./identity-store.js";

type Db = Kysely<Database> | Transaction<Database>;

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listIdentities(
  db: Db,
  workspaceId: string,
  query: ListIdentitiesQuery,
): Promise<{ data: PublicIdentity[]; nextCursor: string | null }> {
  let select = db.selectFrom("identities").selectAll().where("workspace_id", "=", workspaceId);
  const { search } = query;
  if (search) {
    select = select.where((eb) =>
      isId("identity", search)
        ? eb.or([eb("id", "=", search), eb("external_id", "=", search)])
        : eb("external_id", "ilike", `%${escapeLike(search)}%`),
    );
  }
  const page = await newestFirst(select, query);
  const counts = await keyCountsOf(
    db,
    workspaceId,
    page.data.map((row) => row.id),
  );
  return {
    data: page.data.map((row) => toPublicIdentity(row, counts.get(row.id) ?? 0)),
    nextCursor: page.nextCursor,
  };
}

/** One identity of the workspace by id or externalId; 404 otherwise. */
export async function getIdentity(
  db: Db,
  workspaceId: string,
  idOrExternalId: string,
): Promise<PublicIdentity> {
  const row = await getIdentityRow(db, workspaceId, idOrExternalId);
  const counts = await keyCountsOf(db, workspaceId, [row.id]);
  return toPublicIdentity(row, counts.get(row.id) ?? 0);
}
