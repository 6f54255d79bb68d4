/**
 * Reading and locking key rows of one workspace. Deleted keys are gone here: every lookup answers
 * 404 for them, as for another workspace's ids.
 */
import type { Kysely, Transaction } from "kysely";
import { notFound } from "../../errors.js";
import type { Database, KeyRow, NewKeyRow } from "../../store/schema.js";
import { generateKey, hashSecret, keyStart } from "../key-format.js";

type Db = Kysely<Database> | Transaction<Database>;

/** The live (not deleted) key of this workspace, or undefined. */
export async function findKey(db: Db, workspaceId: string, id: string): Promise<KeyRow | undefined> {
  return db
    .selectFrom("keys")
    .selectAll()
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

/** The live key of this workspace, locked for the rest of the transaction; 404 otherwise. */
export async function lockKey(trx: Transaction<Database>, workspaceId: string, id: string): Promise<KeyRow> {
  const row = await trx
    .selectFrom("keys")
    .selectAll()
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound("key");
  return row;
}

/** A new secret with this prefix: the plain value (to show once), its hash and its start. */
export function newSecret(prefix: string): { secret: string; hash: string; start: string } {
  const secret = generateKey(prefix);
  return { secret, hash: hashSecret(secret), start: keyStart(secret) };
}

/** Stores the hash of a key's new current secret. */
export async function insertCurrentSecret(
  trx: Transaction<Database>,
  key: Pick<KeyRow, "id" | "workspace_id">,
  hash: string,
  at: Date,
): Promise<void> {
  await trx
    .insertInto("key_secrets")
    .values({
      secret_hash: hash,
      key_id: key.id,
      workspace_id: key.workspace_id,
      expires_at: null,
      created_at: at,
    })
    .execute();
}

/** Every secret hash (current and in grace) of these keys. */
export async function secretHashesOf(db: Db, keyIds: readonly string[]): Promise<string[]> {
  if (keyIds.length === 0) return [];
  const rows = await db
    .selectFrom("key_secrets")
    .select("secret_hash")
    .where("key_id", "in", keyIds)
    .execute();
  return rows.map((row) => row.secret_hash);
}

/** A key row as the store takes it: its JSON columns serialised. */
export function keyRowValues(row: KeyRow): NewKeyRow {
  return {
    ...row,
    scopes: JSON.stringify(row.scopes),
    meta: JSON.stringify(row.meta),
    ip_allowlist: JSON.stringify(row.ip_allowlist),
    rate_limit: row.rate_limit === null ? null : JSON.stringify(row.rate_limit),
    quota_refill: row.quota_refill === null ? null : JSON.stringify(row.quota_refill),
  };
}
