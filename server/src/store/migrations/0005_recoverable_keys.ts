/**
 * Recoverable keys: a workspace setting (off by default) under which new keys' secrets are also
 * kept encrypted (AES-256-GCM, domain/secrets/secret-box.ts), so an admin can reveal them later.
 * `keys.secret_ciphertext` holds the sealed current secret (the Secret Key of a pair), with the id
 * of the encryption key that sealed it; null for a key made while the setting was off, and after
 * a revoke, a delete or the setting being turned off. Verification never reads it: it compares
 * only the SHA-256 in `key_secrets`.
 *
 * Also the newest-first index of a workspace's keys by environment, for `GET /v1/keys?environment=`:
 * a rare environment among a million keys is read from its own entries, not found by walking them.
 */
import { type Kysely, sql } from "kysely";

const STATEMENTS = [
  "alter table workspaces add column recoverable_keys boolean not null default false",
  "alter table keys add column secret_ciphertext text",
  "create index keys_environment_list on keys (workspace_id, environment, id desc) where deleted_at is null",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error("0005_recoverable_keys cannot be undone: restore a backup instead");
}
