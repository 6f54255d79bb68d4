/**
 * Builds the scale benchmark's workspace through the store layer with set-based inserts
 * (`generate_series`): key rows with realistic names, starts, meta and hashes, their secrets, and
 * their `key.created` events, plus the few rare rows the filters look for. Key `n` always gets the
 * same values, so the queries asked at 1k find the same keys at the largest size.
 *
 * Of every 1000 keys: one revoked (with its `key.revoked` event), one disabled, one in each of ten
 * apps, and one created by a rare actor; the rest by five common actors. The first 1000 keys hold
 * these one in 20 instead, so each filter finds a full page (50) at 1k as at the largest size:
 * the same query, the same page, a thousand times more keys.
 */
import { sql } from "kysely";
import type { Store } from "../server/src/store/database.js";

/**
 * The slot of key `g` in its thousand, which decides the rare rows it is one of: slot 3 the rare
 * actor, 7 revoked, 8 disabled, 10-19 the ten apps. The first thousand cycle every 20 keys.
 */
const SLOT = sql.raw("(case when g <= 1000 then g % 20 else g % 1000 end)");

/** Rows per statement: one transaction each, so a build of a million rows stays in steady memory. */
const ROWS_PER_STATEMENT = 100_000;

export const APP_COUNT = 10;
/** The actor of one event in 1000: the audit filter by actor looks for it. */
export const RARE_ACTOR = "usr_01H0000000000000000000RARE";

/** A bulk key's id: time-sortable like a real one, older than every key made through the API. */
export const bulkKeyId = (n: number) => `key_01H${String(n).padStart(23, "0")}`;
export const appId = (i: number) => `app_01H${String(i).padStart(23, "0")}`;

/** Creates the benchmark's apps (production, connected to nothing). */
export async function insertApps(store: Store, workspaceId: string): Promise<string[]> {
  const ids = Array.from({ length: APP_COUNT }, (_, i) => appId(i));
  const now = new Date();
  await store.db
    .insertInto("apps")
    .values(
      ids.map((id, i) => ({
        id,
        workspace_id: workspaceId,
        title: `integration-${i}`,
        description: "",
        environment: "production" as const,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return ids;
}

/** Inserts bulk keys `from`..`to` (inclusive) with their secrets and events. */
export async function insertBulkKeys(
  store: Store,
  workspace: { id: string; prefix: string },
  from: number,
  to: number,
): Promise<void> {
  for (let start = from; start <= to; start += ROWS_PER_STATEMENT) {
    const end = Math.min(to, start + ROWS_PER_STATEMENT - 1);
    await store.db.transaction().execute(async (trx) => {
      await sql`
        insert into keys (id, workspace_id, app_id, kind, name, environment, prefix, start, scopes,
                          meta, ip_allowlist, enabled, revoked_at, revoked_reason, created_by,
                          created_at, updated_at)
        select 'key_01H' || lpad(g::text, 23, '0'), ${workspace.id},
               case when ${SLOT} between 10 and ${9 + APP_COUNT}
                    then 'app_01H' || lpad((${SLOT} - 10)::text, 23, '0') end,
               'token', 'crm-' || g || '-' || left(md5(g::text), 6), 'production', ${workspace.prefix},
               ${workspace.prefix} || '_' || left(translate(encode(sha256(('s' || g)::bytea), 'base64'), '+/=', 'AbC'), 4),
               '["orders:read"]', jsonb_build_object('tenant', 't_' || g), '[]',
               ${SLOT} <> 8,
               case when ${SLOT} = 7 then now() end,
               case when ${SLOT} = 7 then 'rotated out' end,
               case when ${SLOT} = 3 then ${RARE_ACTOR} else 'usr_01H' || lpad((g % 5)::text, 23, '0') end,
               now() - make_interval(secs => ${to + 1} - g), now()
        from generate_series(${start}::int, ${end}::int) g`.execute(trx);
      await sql`
        insert into key_secrets (secret_hash, key_id, workspace_id, expires_at, created_at)
        select rtrim(translate(encode(sha256(('bulk-secret-' || g)::bytea), 'base64'), '+/', '-_'), '='),
               'key_01H' || lpad(g::text, 23, '0'), ${workspace.id}, null, now()
        from generate_series(${start}::int, ${end}::int) g`.execute(trx);
      await sql`
        insert into audit_events (id, workspace_id, actor_type, actor_id, action, target_type, target_id,
                                  ip, details, created_at)
        select 'evt_01H' || lpad((g * 2)::text, 23, '0'), ${workspace.id}, 'user',
               case when ${SLOT} = 3 then ${RARE_ACTOR} else 'usr_01H' || lpad((g % 5)::text, 23, '0') end,
               'key.created', 'key', 'key_01H' || lpad(g::text, 23, '0'), '203.0.113.7',
               jsonb_build_object('name', 'crm-' || g), now()
        from generate_series(${start}::int, ${end}::int) g
        union all
        select 'evt_01H' || lpad((g * 2 + 1)::text, 23, '0'), ${workspace.id}, 'user',
               'usr_01H' || lpad((g % 5)::text, 23, '0'), 'key.revoked', 'key',
               'key_01H' || lpad(g::text, 23, '0'), '203.0.113.7', '{}', now()
        from generate_series(${start}::int, ${end}::int) g where ${SLOT} = 7`.execute(trx);
    });
  }
  // What autovacuum (PostgreSQL) or the embedded store's vacuum does after a bulk change.
  for (const table of ["keys", "key_secrets", "audit_events", "workspaces"]) {
    await sql`analyze ${sql.table(table)}`.execute(store.db);
  }
}

/** The name, start and id of bulk key `n`, as the store holds them. */
export async function bulkKeyFacts(
  store: Store,
  n: number,
): Promise<{ id: string; name: string; start: string }> {
  return store.db
    .selectFrom("keys")
    .select(["id", "name", "start"])
    .where("id", "=", bulkKeyId(n))
    .executeTakeFirstOrThrow();
}
