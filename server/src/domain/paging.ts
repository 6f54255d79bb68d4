/**
 * Cursor paging, newest first, for every list: the query schema, the page shape, and the helper
 * that runs a list query. Ids are time-sortable, so the cursor is the last id shown and the next
 * page asks for ids below it.
 */
import { type SelectQueryBuilder, sql } from "kysely";
import { z } from "zod";

/** `?limit=&cursor=`: newest first, at most 100 a page (default 50). */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(100).optional(),
};

/** A page of items and the cursor of the next page (`null` at the end). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() });
}

/** Cuts a result fetched with `limit + 1` rows into a page. */
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
