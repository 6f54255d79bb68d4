/**
 * The sweeps that notice what time does to keys, run once per cluster every minute (the
 * `key-sweeps` job of cluster/cluster-jobs.ts), each one set-based statement over every workspace:
 *
 * - `key.expiring`: an active key expiring within 7 days (`within: "7d"`), and again within 1 day
 *   (`within: "1d"`; a key first seen within a day gets only that one);
 * - `key.expired`: a key past its expiry, neither revoked nor deleted;
 * - `key.unused`: an active key without a verification (else since its creation) for longer than
 *   its workspace's unused days;
 * - auto-disable: where the workspace has `auto_disable_unused_days`, an active key unused that
 *   long is disabled, with a `key.disabled` audit event by the system (whose trigger writes the
 *   `key.disabled` webhook event), and dropped from every verifier cache once the job commits.
 *
 * Each notice is a `key_notices` row (`expiring_7d:<expiry>`, `expired:<expiry>`,
 * `unused:<last use or never>`) inserted with `on conflict do nothing`, and only the rows a sweep
 * inserted call `keygate_webhook_event`: a notice fires once however many nodes and runs sweep,
 * and fires again when what it is about changes (a new expiry, a new last use). A sweep handles
 * at most {@link SWEEP_BATCH} keys a run, so a run never holds locks for long; the next run goes on.
 */
import { type RawBuilder, sql, type Transaction } from "kysely";
import type { Database } from "../../store/schema.js";
import type { Invalidation } from "../../verifier/invalidation.js";
import { auditRowValues } from "../audit/record-audit.js";
import { collectKeyChange, publishCollectedKeyChange } from "../keys/invalidate-key.js";
import type { Actor } from "../principal.js";

/** The most keys one sweep handles per run. */
export const SWEEP_BATCH = 1000;

/** What the sweeps need besides their transaction and the time. */
export interface SweepDeps {
  /** Where the caches of disabled keys are dropped. */
  invalidation: Invalidation;
  /** Runs `task` once the sweeps' transaction has committed. */
  afterCommit(task: () => Promise<void>): void;
}

const SYSTEM: Actor = { type: "system", id: null, ip: null };

/** A timestamp column as `Date.toISOString()` writes it. */
const isoOf = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Neither revoked, deleted, disabled nor expired at `now`. */
const active = (now: Date) =>
  sql`k.deleted_at is null and k.revoked_at is null and k.enabled
      and (k.expires_at is null or k.expires_at > ${now})`;

/**
 * Inserts the notices of `found` (rows of `key_id`, `kind`, `extra`) that are new, and fires
 * `type` for each it inserted; answers how many fired.
 */
async function notify(
  trx: Transaction<Database>,
  type: string,
  now: Date,
  found: RawBuilder<unknown>,
): Promise<number> {
  const result = await sql<{ key_id: string }>`
    with found as (${found}),
    candidates as (
      select f.key_id, f.kind, f.extra from found f
      where not exists (select 1 from key_notices n where n.key_id = f.key_id and n.kind = f.kind)
      limit ${SWEEP_BATCH}
    ),
    inserted as (
      insert into key_notices (key_id, kind, sent_at)
      select key_id, kind, ${now} from candidates
      on conflict do nothing
      returning key_id, kind
    )
    select c.key_id, keygate_webhook_event(${type}, c.key_id, ${now}, c.extra) as fired
    from inserted i join candidates c on c.key_id = i.key_id and c.kind = i.kind`.execute(trx);
  return result.rows.length;
}

/** `key.expiring` for active keys expiring within 7 days, and again within 1 day. */
function sweepExpiring(trx: Transaction<Database>, now: Date): Promise<number> {
  const day = new Date(now.getTime() + 86_400_000);
  const week = new Date(now.getTime() + 7 * 86_400_000);
  const within = sql`case when k.expires_at <= ${day} then '1d' else '7d' end`;
  return notify(
    trx,
    "key.expiring",
    now,
    sql`select k.id as key_id,
               'expiring_' || ${within} || ':' || ${isoOf("k.expires_at")} as kind,
               jsonb_build_object('expiresAt', ${isoOf("k.expires_at")}, 'within', ${within}) as extra
        from keys k
        where ${active(now)} and k.expires_at <= ${week}`,
  );
}

/** `key.expired` for keys past their expiry, neither revoked nor deleted. */
function sweepExpired(trx: Transaction<Database>, now: Date): Promise<number> {
  return notify(
    trx,
    "key.expired",
    now,
    sql`select k.id as key_id,
               'expired:' || ${isoOf("k.expires_at")} as kind,
               jsonb_build_object('expiresAt', ${isoOf("k.expires_at")}) as extra
        from keys k
        where k.deleted_at is null and k.revoked_at is null and k.expires_at <= ${now}`,
  );
}

/** Active keys unused for longer than `days` (a column of `w`, the key's workspace). */
const unusedFor = (days: RawBuilder<unknown>, now: Date) =>
  sql`${active(now)} and coalesce(k.last_used_at, k.created_at) < ${now}::timestamptz - ${days} * interval '1 day'`;

/** `key.unused` for active keys unused for longer than their workspace's unused days. */
function sweepUnused(trx: Transaction<Database>, now: Date): Promise<number> {
  return notify(
    trx,
    "key.unused",
    now,
    sql`select k.id as key_id,
               'unused:' || coalesce(${isoOf("k.last_used_at")}, 'never') as kind,
               jsonb_build_object(
                 'lastUsedAt', ${isoOf("k.last_used_at")},
                 'unusedDays', floor(extract(epoch from (${now}::timestamptz - coalesce(k.last_used_at, k.created_at))) / 86400)::int
               ) as extra
        from keys k join workspaces w on w.id = k.workspace_id
        where ${unusedFor(sql`w.unused_key_days`, now)}`,
  );
}

/**
 * Disables the keys unused for their workspace's `auto_disable_unused_days`, each with its
 * `key.disabled` event, and drops them from the caches after the commit. Keys another change
 * holds locked are left to the next run.
 */
async function sweepAutoDisable(trx: Transaction<Database>, now: Date, deps: SweepDeps): Promise<number> {
  const due = sql`w.auto_disable_unused_days is not null and ${unusedFor(sql`w.auto_disable_unused_days`, now)}`;
  const disabled = await sql<{ id: string; workspace_id: string; name: string; days: number }>`
    update keys k set enabled = false, updated_at = ${now}
    from workspaces w
    where w.id = k.workspace_id and ${due}
      and k.id in (
        select k.id from keys k join workspaces w on w.id = k.workspace_id
        where ${due}
        limit ${SWEEP_BATCH}
        for update of k skip locked
      )
    returning k.id, k.workspace_id, k.name, w.auto_disable_unused_days as days`.execute(trx);
  const rows = disabled.rows;
  if (rows.length === 0) return 0;
  await trx
    .insertInto("audit_events")
    .values(
      rows.map((row) =>
        auditRowValues({
          workspaceId: row.workspace_id,
          actor: SYSTEM,
          action: "key.disabled",
          target: { type: "key", id: row.id },
          details: { name: row.name, reason: `unused for ${row.days} days` },
          at: now,
        }),
      ),
    )
    .execute();
  const change = await collectKeyChange(
    trx,
    rows.map((row) => row.id),
  );
  deps.afterCommit(() => publishCollectedKeyChange(deps, change));
  return rows.length;
}

/** Runs every sweep in the job's transaction at `now`; answers how many keys they handled. */
export async function runKeySweeps(trx: Transaction<Database>, now: Date, deps: SweepDeps): Promise<number> {
  let handled = 0;
  handled += await sweepExpiring(trx, now);
  handled += await sweepExpired(trx, now);
  handled += await sweepUnused(trx, now);
  handled += await sweepAutoDisable(trx, now, deps);
  return handled;
}
