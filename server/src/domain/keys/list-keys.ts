/**
 * Finding keys: one by id, the keys of an app, and the workspace's list, newest first and
 * cursor-paged, filtered by app, environment, status and externalId and searched by name, start, Shared Key, id, or a whole
 * pasted key (hashed and looked up, never compared in plain).
 *
 * Each search reads an index, so its cost does not grow with the number of keys: a whole key or a
 * key id is resolved first by its own lookup (secret hash, Shared Key, primary key); a name
 * fragment reads the trigram index on `name`, the start of a key the prefix index on
 * `lower(start)`; rare statuses and app filters have their own newest-first indexes (0003), and
 * so has the environment (0005), and the externalId (0006).
 *
 * The `attention` filter (hygiene/key-attention.ts) keeps the keys with a badge: it reads the
 * workspace's keys newest first and tests each, so it costs at most one workspace's keys; the
 * list without it reads as before. Every answer reads the workspace's hygiene policy once (one
 * lookup by primary key), for the filter and for the badges of every key shown.
 */
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql, type Transaction } from "kysely";
import { z } from "zod";
import { notFound } from "../../errors.js";
import type { Database, KeyRow } from "../../store/schema.js";
import { readHygienePolicy } from "../hygiene/hygiene-policy.js";
import { ATTENTION_BADGES, anyAttention, attentionIs } from "../hygiene/key-attention.js";
import { externalIdSchema } from "../identities/identity-fields.js";
import { isId } from "../ids.js";
import { hashSecret, parseKey } from "../key-format.js";
import { newestFirst, pageQuery, toPage } from "../paging.js";
import { environmentSchema } from "./key-fields.js";
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
  environment: environmentSchema
    .optional()
    .describe("Only keys of this environment (a key of an app has the app's environment)"),
  status: z.enum(KEY_STATUSES).optional(),
  externalId: externalIdSchema
    .optional()
    .describe("Only the keys of this end user or customer (exactly this externalId)"),
  attention: z
    .enum(["true", ...ATTENTION_BADGES])
    .optional()
    .describe(
      "`true`: only keys with an attention badge; a badge (`rotation_due`, ...): only keys with that one",
    ),
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

/** What a search matches: exactly one key id (or none), or a name fragment / key start. */
type SearchMatch = { keyId: string | undefined } | { fragment: string };

/**
 * Resolves a whole pasted key (by its hash or as a Shared Key) or a key id with one indexed
 * lookup; anything else is a fragment of a name or the start of a key.
 */
async function resolveSearch(db: Db, workspaceId: string, search: string): Promise<SearchMatch> {
  if (parseKey(search) !== undefined) {
    const bySecret = await db
      .selectFrom("key_secrets")
      .select("key_id")
      .where("secret_hash", "=", hashSecret(search))
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirst();
    if (bySecret) return { keyId: bySecret.key_id };
    const byShared = await db
      .selectFrom("keys")
      .select("id")
      .where("shared_key", "=", search)
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirst();
    return { keyId: byShared?.id };
  }
  if (!isId("key", search)) return { fragment: search };
  const byId = await db
    .selectFrom("keys")
    .select("id")
    .where("id", "=", search)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return byId ? { keyId: byId.id } : { fragment: search };
}

/** A name containing the fragment (trigram index), or a start beginning with it (prefix index). */
function nameOrStartHas(eb: ExpressionBuilder<Database, "keys">, fragment: string) {
  const pattern = escapeLike(fragment);
  return eb.or([
    eb("name", "ilike", `%${pattern}%`),
    eb(eb.fn("lower", ["start"]), "like", `${pattern.toLowerCase()}%`),
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
  if (query.environment) select = select.where("environment", "=", query.environment);
  if (query.externalId !== undefined) select = select.where("external_id", "=", query.externalId);
  const { status, search } = query;
  if (status) select = select.where((eb) => statusIs(eb, status, now));
  const policy = await readHygienePolicy(db, workspaceId);
  const { attention } = query;
  if (attention === "true") select = select.where((eb) => anyAttention(eb, now, policy));
  else if (attention !== undefined) select = select.where((eb) => attentionIs(eb, attention, now, policy));
  let page: { data: KeyRow[]; nextCursor: string | null };
  const match = search ? await resolveSearch(db, workspaceId, search) : undefined;
  if (match === undefined) page = await newestFirst(select, query);
  else if ("fragment" in match) page = await newestWithFragment(db, select, match.fragment, query);
  else if (match.keyId === undefined) return { data: [], nextCursor: null };
  else page = await newestFirst(select.where("id", "=", match.keyId), query);
  return { data: page.data.map((row) => toPublicKey(row, now, policy)), nextCursor: page.nextCursor };
}

/** How many of the newest keys a fragment search reads in order before it asks the indexes. */
const RECENT_WINDOW = 2000;

/**
 * A page of the keys matching a name fragment or key start, newest first. A fragment that many
 * keys share is found among the newest few thousand, read in id order; a rarer one is read
 * through the trigram and prefix indexes and only its matches are sorted. (Left to itself the
 * planner walks every key in id order looking for a rare fragment, as if it were common.)
 */
async function newestWithFragment(
  db: Db,
  select: SelectQueryBuilder<Database, "keys", KeyRow>,
  fragment: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ data: KeyRow[]; nextCursor: string | null }> {
  const from = page.cursor ? select.where("id", "<", page.cursor) : select;
  const recent = await db
    .selectFrom(from.orderBy("id", "desc").limit(RECENT_WINDOW).as("recent"))
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("recent.name", "ilike", `%${escapeLike(fragment)}%`),
        eb(eb.fn("lower", ["recent.start"]), "like", `${escapeLike(fragment).toLowerCase()}%`),
      ]),
    )
    .orderBy("recent.id", "desc")
    .limit(page.limit + 1)
    .execute();
  if (recent.length > page.limit) return toPage(recent, page.limit);
  const rows = await from
    .where((eb) => nameOrStartHas(eb, fragment))
    // Sorting by an expression no index holds keeps the planner on the matches' indexes.
    .orderBy(sql`keys.id || ''`, "desc")
    .limit(page.limit + 1)
    .execute();
  return toPage(rows, page.limit);
}

/** One live key of the workspace; 404 otherwise. */
export async function getKey(db: Db, workspaceId: string, id: string, now: Date): Promise<PublicKey> {
  const row = await findKey(db, workspaceId, id);
  if (!row) throw notFound("key");
  return toPublicKey(row, now, await readHygienePolicy(db, workspaceId));
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
  const policy = await readHygienePolicy(db, workspaceId);
  return rows.map((row) => toPublicKey(row, now, policy));
}
