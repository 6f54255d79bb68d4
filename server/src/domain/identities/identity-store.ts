/**
 * Reading and locking identities of one workspace, by id (`idn_…`) or by the platform's
 * `externalId` (so a platform never has to remember Keygate's id), and counting their keys.
 * Another workspace's identity is not found, as if it did not exist.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import { notFound } from "../../errors.js";
import type { Database, IdentityRow } from "../../store/schema.js";
import { isId } from "../ids.js";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The identity of this workspace with this id or, failing that, this externalId; undefined
 * otherwise. An id wins over an externalId that happens to look like one.
 */
export async function findIdentity(
  db: Db,
  workspaceId: string,
  idOrExternalId: string,
  options: { lock?: boolean } = {},
): Promise<IdentityRow | undefined> {
  let select = db.selectFrom("identities").selectAll().where("workspace_id", "=", workspaceId);
  select = isId("identity", idOrExternalId)
    ? select
        .where((eb) => eb.or([eb("id", "=", idOrExternalId), eb("external_id", "=", idOrExternalId)]))
        .orderBy(sql`id = ${idOrExternalId}`, "desc")
        .limit(1)
    : select.where("external_id", "=", idOrExternalId);
  if (options.lock) select = select.forUpdate();
  return select.executeTakeFirst();
}

/** The identity, locked for the rest of the transaction; 404 otherwise. */
export async function lockIdentity(
  trx: Transaction<Database>,
  workspaceId: string,
  idOrExternalId: string,
): Promise<IdentityRow> {
  const row = await findIdentity(trx, workspaceId, idOrExternalId, { lock: true });
  if (!row) throw notFound("identity");
  return row;
}

/** The identity; 404 otherwise. */
export async function getIdentityRow(
  db: Db,
  workspaceId: string,
  idOrExternalId: string,
): Promise<IdentityRow> {
  const row = await findIdentity(db, workspaceId, idOrExternalId);
  if (!row) throw notFound("identity");
  return row;
}

/** How many keys (not deleted) each of these identities has; 0 for one without. */
export async function keyCountsOf(
  db: Db,
  workspaceId: string,
  identityIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map(identityIds.map((id) => [id, 0]));
  if (identityIds.length === 0) return counts;
  const rows = await db
    .selectFrom("keys")
    .select(["identity_id", (eb) => eb.fn.countAll<string>().as("count")])
    .where("identity_id", "in", identityIds)
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .groupBy("identity_id")
    .execute();
  for (const row of rows) if (row.identity_id) counts.set(row.identity_id, Number(row.count));
  return counts;
}

/** Every key of the identity, deleted ones too: what a change of it must invalidate. */
export async function keyIdsOfIdentity(db: Db, identityId: string): Promise<string[]> {
  const rows = await db.selectFrom("keys").select("id").where("identity_id", "=", identityId).execute();
  return rows.map((row) => row.id);
}
