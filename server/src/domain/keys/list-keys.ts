/**
 * Finding keys: one by id, the keys of an app, and the workspace's list, newest first and
 * cursor-paged, filtered by app and status and searched by name, start, Shared Key, id, or a whole
 * pasted key (hashed and looked up, never compared in plain).
 */
import type { ExpressionBuilder, Kysely, Transaction } from "kysely";
import { z } from "zod";
import { notFound } from "../../errors.js";
import type { Database } from "../../store/schema.js";
import { hashSecret, parseKey } from "../key-format.js";
import { newestFirst, pageQuery } from "../paging.js";
import { KEY_STATUSES, type KeyStatus, type PublicKey, toPublicKey } from "./key-object.js";
import { findKey } from "./key-store.js";

type Db = Kysely<Database> | Transaction<Database>;

export const listKeysQuery = z.strictObject({
  search: z
    .string()
    .trim()
    .max(200, "must be at most 200 characters")
    .optional()
    .describe("Part of a name, the start of a key, a Shared Key, a key id, or a whole key"),
  appId: z.string().max(100).optional(),
  status: z.enum(KEY_STATUSES).optional(),
  ...pageQuery,
});
type ListKeysQuery = z.infer<typeof listKeysQuery>;

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The SQL form of the status rule of {@link toPublicKey}. */
function statusIs(eb: ExpressionBuilder<Database, "keys">, status: KeyStatus, now: Date) {
  const notRevoked = eb("revoked_at", "is", null);
  switch (status) {
    case "revoked":
      return eb("revoked_at", "is not", null);
    case "disabled":
      return eb.and([notRevoked, eb("enabled", "=", false)]);
    case "expired":
      return eb.and([notRevoked, eb("enabled", "=", true), eb("expires_at", "<=", now)]);
    case "active":
      return eb.and([
        notRevoked,
        eb("enabled", "=", true),
        eb.or([eb("expires_at", "is", null), eb("expires_at", ">", now)]),
      ]);
  }
}

function searchFor(eb: ExpressionBuilder<Database, "keys">, workspaceId: string, search: string) {
  if (parseKey(search) !== undefined) {
    const bySecret = eb
      .selectFrom("key_secrets")
      .select("key_secrets.key_id")
      .where("key_secrets.secret_hash", "=", hashSecret(search))
      .where("key_secrets.workspace_id", "=", workspaceId);
    return eb.or([eb("keys.id", "in", bySecret), eb("shared_key", "=", search)]);
  }
  const pattern = escapeLike(search);
  return eb.or([
    eb("keys.id", "=", search),
    eb("name", "ilike", `%${pattern}%`),
    eb("start", "ilike", `${pattern}%`),
  ]);
}

export async function listKeys(
  db: Db,
  workspaceId: string,
  query: ListKeysQuery,
  now: Date,
): Promise<{ data: PublicKey[]; nextCursor: string | null }> {
  let select = db
    .selectFrom("keys")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null);
  if (query.appId) select = select.where("app_id", "=", query.appId);
  const { status, search } = query;
  if (status) select = select.where((eb) => statusIs(eb, status, now));
  if (search) select = select.where((eb) => searchFor(eb, workspaceId, search));
  const page = await newestFirst(select, query);
  return { data: page.data.map((row) => toPublicKey(row, now)), nextCursor: page.nextCursor };
}

/** One live key of the workspace; 404 otherwise. */
export async function getKey(db: Db, workspaceId: string, id: string, now: Date): Promise<PublicKey> {
  const row = await findKey(db, workspaceId, id);
  if (!row) throw notFound("key");
  return toPublicKey(row, now);
}

/** The live keys of an app, newest first. */
export async function keysOfApp(db: Db, workspaceId: string, appId: string, now: Date): Promise<PublicKey[]> {
  const rows = await db
    .selectFrom("keys")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("app_id", "=", appId)
    .where("deleted_at", "is", null)
    .orderBy("id", "desc")
    .execute();
  return rows.map((row) => toPublicKey(row, now));
}
