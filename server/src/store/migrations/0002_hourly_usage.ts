/**
 * Usage is stored per UTC hour only; a day is read as the sum of its hours. The once-a-second
 * usage flush then writes one rollup row per key and outcome instead of two.
 *
 * Key rows leave half of each page free, so the flush's update of a key's use count and last use
 * is a heap-only tuple update: the row changes in place and no index of `keys` is touched.
 * Existing pages get the room as they are rewritten.
 */
import { type Kysely, sql } from "kysely";

const STATEMENTS = [
  "delete from key_usage where granularity = 'day'",
  "alter table key_usage drop constraint key_usage_pkey",
  "alter table key_usage drop column granularity",
  "alter table key_usage add primary key (key_id, bucket, outcome)",
  "alter table keys set (fillfactor = 50)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error("0002_hourly_usage cannot be undone: restore a backup instead");
}
