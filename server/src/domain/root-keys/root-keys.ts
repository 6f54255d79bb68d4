/**
 * Root keys: management credentials for automation, scoped to one workspace by permissions.
 * The secret is returned once by {@link createRootKey} and stored only as its SHA-256.
 */
import type { Kysely, Transaction } from "kysely";
import type { Database, RootKeyRow } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { newId } from "../ids.js";
import { generateKey, hashSecret, keyStart, ROOT_KEY_PREFIX } from "../key-format.js";
import type { Actor, Grant } from "../principal.js";

type Db = Kysely<Database> | Transaction<Database>;

export interface PublicRootKey {
  id: string;
  name: string;
  start: string;
  permissions: Grant[];
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
}

export function toPublicRootKey(row: RootKeyRow): PublicRootKey {
  return {
    id: row.id,
    name: row.name,
    start: row.start,
    permissions: row.permissions as Grant[],
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/** A new root key row for this workspace, and its secret (to show once). */
function newRootKey(input: {
  workspaceId: string;
  name: string;
  permissions: Grant[];
  actor: Actor;
  at: Date;
}): {
  row: RootKeyRow;
  key: string;
} {
  const key = generateKey(ROOT_KEY_PREFIX);
  const row: RootKeyRow = {
    id: newId("key"),
    workspace_id: input.workspaceId,
    name: input.name,
    start: keyStart(key),
    secret_hash: hashSecret(key),
    permissions: [...new Set(input.permissions)].sort(),
    created_by: input.actor.id,
    created_at: input.at,
    last_used_at: null,
  };
  return { row, key };
}

/** Stores a new root key inside the caller's transaction; returns it (and its secret, once). */
export async function insertRootKey(
  trx: Transaction<Database>,
  input: { workspaceId: string; name: string; permissions: Grant[]; actor: Actor; at: Date },
): Promise<{ row: RootKeyRow; key: string }> {
  const created = newRootKey(input);
  await trx
    .insertInto("root_keys")
    .values({ ...created.row, permissions: JSON.stringify(created.row.permissions) })
    .execute();
  return created;
}

/** What `root_key.created` records: never the secret, only what identifies it. */
export function rootKeyCreatedDetails(row: RootKeyRow): Record<string, unknown> {
  return { name: row.name, permissions: row.permissions, start: row.start };
}

/** Creates a root key and its audit event in one transaction; returns the secret once. */
export async function createRootKey(
  db: Kysely<Database>,
  input: { workspaceId: string; name: string; permissions: Grant[]; actor: Actor; at: Date },
): Promise<{ rootKey: PublicRootKey; key: string }> {
  const { row, key } = await db.transaction().execute(async (trx: Transaction<Database>) => {
    const created = await insertRootKey(trx, input);
    await recordAudit(trx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "root_key.created",
      target: { type: "root_key", id: created.row.id },
      details: rootKeyCreatedDetails(created.row),
      at: input.at,
    });
    return created;
  });
  return { rootKey: toPublicRootKey(row), key };
}

export async function listRootKeys(db: Db, workspaceId: string): Promise<PublicRootKey[]> {
  const rows = await db
    .selectFrom("root_keys")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .orderBy("id", "desc")
    .execute();
  return rows.map(toPublicRootKey);
}

/**
 * Deletes a root key of this workspace with its audit event; returns its secret hash (to
 * invalidate caches) or `undefined` when there is no such key here.
 */
export async function deleteRootKey(
  db: Kysely<Database>,
  input: { workspaceId: string; id: string; actor: Actor; at: Date },
): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("root_keys")
      .where("id", "=", input.id)
      .where("workspace_id", "=", input.workspaceId)
      .returning(["secret_hash", "name", "start"])
      .executeTakeFirst();
    if (!row) return undefined;
    await recordAudit(trx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "root_key.deleted",
      target: { type: "root_key", id: input.id },
      details: { name: row.name, start: row.start },
      at: input.at,
    });
    return row.secret_hash;
  });
}
