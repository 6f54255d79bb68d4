/**
 * Key import (POST /v1/keys/import) and foreign key formats.
 *
 * - `workspaces.foreign_key_formats`: `[{ prefix, pattern }]`, the formats of keys issued elsewhere
 *   (`sk_live_...`) that this workspace's verifications look up instead of refusing them as
 *   MALFORMED; `pattern` is a JS regex source or null.
 * - `keys.source`: `keygate` for a key this service issued, `import` for one imported by its hash.
 */
import { type Kysely, sql } from "kysely";

const STATEMENTS = [
  "alter table workspaces add column foreign_key_formats jsonb not null default '[]'",
  "alter table keys add column source text not null default 'keygate' check (source in ('keygate', 'import'))",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table keys drop column source`.execute(db);
  await sql`alter table workspaces drop column foreign_key_formats`.execute(db);
}
