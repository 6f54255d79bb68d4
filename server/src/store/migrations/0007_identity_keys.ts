/**
 * The keys of an identity, by index: revoking every key of an identity, invalidating them when
 * the identity changes, counting them, and the foreign key's own check when an identity is
 * deleted (PostgreSQL looks the referencing keys up by `identity_id`, which 0006 left unindexed,
 * so each delete read every key).
 */
import { type Kysely, sql } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index keys_identity on keys (identity_id, id desc) where identity_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index keys_identity`.execute(db);
}
