/** Schema pieces many routes share: names, ids, times, the error body and cursor paging. */
import { type SelectQueryBuilder, sql } from "kysely";
import { z } from "zod";
import { ID_PREFIXES, type IdKind } from "../domain/ids.js";

export const MAX_NAME_LENGTH = 200;

/** A display name: trimmed, 1-200 characters. */
export const nameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`);

export const descriptionSchema = z.string().max(2000, "must be at most 2000 characters");

/** An ISO 8601 time with a zone (`2027-01-01T00:00:00Z`). */
export const isoDateTime = z.iso.datetime({ offset: true });

/** A path parameter holding an id of this kind. */
export function idParam(kind: IdKind) {
  return z
    .string()
    .max(100)
    .refine(
      (id) => id.startsWith(`${ID_PREFIXES[kind]}_`),
      `must be an id starting with ${ID_PREFIXES[kind]}_`,
    );
}

/** `{ id }` path parameters for an entity of this kind. */
export function idParams(kind: IdKind) {
  return z.strictObject({ id: idParam(kind) });
}

export const errorResponse = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }),
  })
  .describe("The error shape of every refusal");

/** `?limit=&cursor=`: newest first, at most 100 a page (default 50). */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(100).optional(),
};

/** A page of items and the cursor of the next page (`null` at the end). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * Cuts a result fetched with `limit + 1` rows into a page. Ids are time-sortable, so the cursor
 * is the last id shown and the next page asks for ids below it.
 */
export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data.at(-1);
  return { data, nextCursor: rows.length > limit && last ? last.id : null };
}

/**
 * Runs a list query (on one table with an `id`) newest first from the cursor of {@link pageQuery}
 * and cuts it with {@link toPage}.
 */
export async function newestFirst<DB, TB extends keyof DB, O extends { id: string }>(
  query: SelectQueryBuilder<DB, TB, O>,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ data: O[]; nextCursor: string | null }> {
  const from = page.cursor ? query.where(sql.ref("id"), "<", page.cursor) : query;
  const rows = await from
    .orderBy(sql.ref("id"), "desc")
    .limit(page.limit + 1)
    .execute();
  return toPage(rows, page.limit);
}
