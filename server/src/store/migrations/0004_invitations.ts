/**
 * Invitations: a one-use link (7 days) that adds a person to a workspace with a role. The store
 * holds only the SHA-256 of the link's token. Who invited is a user or a root key (`invited_by_*`,
 * no foreign key: a root key's id, or a user who may later be deleted). A pending invitation is
 * one neither accepted nor revoked nor expired; the partial index lists those of a workspace.
 */
import { type Kysely, sql } from "kysely";

const STATEMENTS = [
  `create table invitations (
     id text primary key,
     workspace_id text not null references workspaces(id) on delete cascade,
     email text not null,
     role text not null check (role in ('owner', 'admin', 'developer', 'viewer')),
     token_hash text not null unique,
     invited_by_type text not null check (invited_by_type in ('user', 'root_key')),
     invited_by_id text not null,
     created_at timestamptz not null,
     expires_at timestamptz not null,
     accepted_at timestamptz,
     accepted_by text references users(id) on delete set null,
     revoked_at timestamptz
   )`,
  `create index invitations_pending on invitations (workspace_id, id desc)
   where accepted_at is null and revoked_at is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error("0004_invitations cannot be undone: restore a backup instead");
}
