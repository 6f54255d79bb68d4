/**
 * Cost that does not grow with the number of keys:
 *
 * - `workspaces.live_keys` counts the workspace's live (not deleted) keys, kept by triggers in
 *   the transaction of every insert, soft delete (or undelete) and delete of a key row, whoever
 *   writes it. Creating a key checks the plan's limit against it under the workspace row's lock
 *   instead of counting every key. The migration backfills it.
 * - Key search: a trigram index on the name (`pg_trgm`) for name fragments, a prefix index on the
 *   lower-cased start, and list indexes by app and for the rare statuses (revoked, disabled,
 *   expiring), each in newest-first id order.
 * - Audit filters by action and by actor read their own newest-first indexes.
 * - `usage_batches` records each usage batch applied, in the batch's own transaction, so a batch
 *   retried after a commit that failed (or only seemed to) is never counted twice.
 */
import { type Kysely, sql } from "kysely";

const STATEMENTS = [
  "create extension if not exists pg_trgm",

  "alter table workspaces add column live_keys bigint not null default 0",
  `update workspaces w set live_keys = (
     select count(*) from keys k where k.workspace_id = w.id and k.deleted_at is null)`,

  `create function keygate_keys_inserted() returns trigger language plpgsql as $$
   begin
     update workspaces w set live_keys = w.live_keys + added.n
     from (select workspace_id, count(*) as n from inserted_keys where deleted_at is null
           group by workspace_id) added
     where w.id = added.workspace_id;
     return null;
   end $$`,
  `create trigger keys_count_inserted after insert on keys
   referencing new table as inserted_keys for each statement execute function keygate_keys_inserted()`,

  `create function keygate_keys_removed() returns trigger language plpgsql as $$
   begin
     update workspaces w set live_keys = w.live_keys - removed.n
     from (select workspace_id, count(*) as n from removed_keys where deleted_at is null
           group by workspace_id) removed
     where w.id = removed.workspace_id;
     return null;
   end $$`,
  `create trigger keys_count_removed after delete on keys
   referencing old table as removed_keys for each statement execute function keygate_keys_removed()`,

  // Row level, and only when a key is deleted or undeleted: the usage flush's updates never fire it.
  `create function keygate_key_deleted_changed() returns trigger language plpgsql as $$
   begin
     update workspaces set live_keys = live_keys + (case when new.deleted_at is null then 1 else -1 end)
     where id = new.workspace_id;
     return null;
   end $$`,
  `create trigger keys_count_deleted_changed after update of deleted_at on keys
   for each row when ((old.deleted_at is null) <> (new.deleted_at is null))
   execute function keygate_key_deleted_changed()`,

  "create index keys_name_trgm on keys using gin (name gin_trgm_ops) where deleted_at is null",
  "create index keys_start_prefix on keys (workspace_id, lower(start) text_pattern_ops) where deleted_at is null",
  "drop index keys_app",
  "create index keys_app_list on keys (app_id, id desc) where deleted_at is null",
  `create index keys_revoked_list on keys (workspace_id, id desc)
   where deleted_at is null and revoked_at is not null`,
  `create index keys_disabled_list on keys (workspace_id, id desc)
   where deleted_at is null and revoked_at is null and enabled = false`,
  `create index keys_expiring on keys (workspace_id, expires_at)
   where deleted_at is null and revoked_at is null and enabled = true and expires_at is not null`,

  "create index audit_events_action on audit_events (workspace_id, action, id desc)",
  "create index audit_events_actor on audit_events (workspace_id, actor_id, id desc)",

  `create table usage_batches (
     id text primary key,
     applied_at timestamptz not null
   )`,
  "create index usage_batches_applied on usage_batches (applied_at)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}

export async function down(): Promise<void> {
  throw new Error("0003_scale_indexes cannot be undone: restore a backup instead");
}
