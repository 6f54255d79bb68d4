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

/** A key, its workspace and every secret hash (current and in grace) it has. */
export interface KeySecrets {
  keyId: string;
  workspaceId: string;
  hashes: string[];
}

/** Each of these keys (deleted ones too) with its workspace and secret hashes, in one query. */
export async function keySecretsOf(db: Db, keyIds: readonly string[]): Promise<KeySecrets[]> {
  if (keyIds.length === 0) return [];
  const rows = await db
    .selectFrom("keys")
    .leftJoin("key_secrets", "key_secrets.key_id", "keys.id")
    .select(["keys.id", "keys.workspace_id", "key_secrets.secret_hash"])
    .where("keys.id", "in", keyIds)
    .execute();
  const byKey = new Map<string, KeySecrets>();
  for (const row of rows) {
    let key = byKey.get(row.id);
    if (key === undefined) {
      key = { keyId: row.id, workspaceId: row.workspace_id, hashes: [] };
      byKey.set(row.id, key);
    }
    if (row.secret_hash !== null) key.hashes.push(row.secret_hash);
  }
  return [...byKey.values()];
}

/** A key row as the store takes it: its JSON columns serialised. */
export function keyRowValues(row: KeyRow): NewKeyRow {
  return {
    ...row,
    scopes: JSON.stringify(row.scopes),
    meta: JSON.stringify(row.meta),
    ip_allowlist: JSON.stringify(row.ip_allowlist),
    rate_limits: JSON.stringify(row.rate_limits),
    quota_refill: row.quota_refill === null ? null : JSON.stringify(row.quota_refill),
  };
}
