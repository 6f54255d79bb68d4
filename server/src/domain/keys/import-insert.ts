/**
 * The store side of a key import (import-keys.ts): what the rows are judged against, read under
 * the workspace's lock (the workspace, the apps the rows name with their offered scopes, and which
 * of the rows' hashes some key already answers to), and the writes of the accepted rows: their
 * identities, keys and secrets in multi-row statements of {@link ROWS_PER_STATEMENT}, and the one
 * `key.imported` event (counts, and the first {@link AUDITED_KEY_IDS} key ids).
 */
import { type Insertable, sql, type Transaction } from "kysely";
import { notFound } from "../../errors.js";
import type { Database, Environment, IdentitiesTable, KeyRow, WorkspaceRow } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { newId } from "../ids.js";
import type { Actor } from "../principal.js";
import type { ImportCandidate } from "./import-inputs.js";

/** Imported key ids named in the `key.imported` event (~3 KB); the rest are counted. */
const AUDITED_KEY_IDS = 100;

/**
 * Rows per statement: the keys travel as one JSON parameter (~150 KB for 500), and the identities
 * (7 parameters each) stay far below PostgreSQL's 65,535 parameters.
 */
const ROWS_PER_STATEMENT = 500;

/** Which key a hash already belongs to. */
export interface HashOwner {
  keyId: string;
  workspaceId: string;
  deleted: boolean;
}

export interface ImportContext {
  /** Locked for the transaction: concurrent imports and creates of the workspace wait. */
  workspace: WorkspaceRow;
  apps: Map<string, { environment: Environment; scopes: Set<string> }>;
  existing: Map<string, HashOwner>;
}

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT) out.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return out;
};

/** Locks the workspace and reads what the rows are judged against, in three queries. */
export async function readImportContext(
  trx: Transaction<Database>,
  workspaceId: string,
  candidates: readonly ImportCandidate[],
): Promise<ImportContext> {
  const workspace = await trx
    .selectFrom("workspaces")
    .selectAll()
    .where("id", "=", workspaceId)
    .forUpdate()
    .executeTakeFirst();
  if (workspace === undefined) throw notFound("workspace");

  const apps = new Map<string, { environment: Environment; scopes: Set<string> }>();
  const appIds = [...new Set(candidates.flatMap(({ row }) => (row.appId === undefined ? [] : [row.appId])))];
  if (appIds.length > 0) {
    const rows = await trx
      .selectFrom("apps as a")
      .leftJoin("app_apis as aa", "aa.app_id", "a.id")
      .leftJoin("apis as p", "p.id", "aa.api_id")
      .select(["a.id", "a.environment", "p.scopes"])
      .where("a.workspace_id", "=", workspaceId)
      .where("a.id", "in", appIds)
      .execute();
    for (const row of rows) {
      let app = apps.get(row.id);
      if (app === undefined) {
        app = { environment: row.environment, scopes: new Set() };
        apps.set(row.id, app);
      }
      for (const scope of Array.isArray(row.scopes) ? row.scopes : []) {
        if (typeof scope === "string") app.scopes.add(scope);
      }
    }
  }

  const existing = new Map<string, HashOwner>();
  const hashes = [...new Set(candidates.map(({ row }) => row.hash))];
  // One index lookup per hash: with `secret_hash in (...)` the planner scans every secret once the
  // batch is a few hundred hashes (21 ms at 100,000 keys, growing with the store; this is 0.6 ms).
  // `limit 1` (a hash has one secret) keeps the lateral lookup from being flattened into that join.
  const owners = await sql<{ secret_hash: string; key_id: string; workspace_id: string; deleted: boolean }>`
    select h.hash as secret_hash, x.key_id, x.workspace_id, x.deleted
    from jsonb_array_elements_text(${JSON.stringify(hashes)}::jsonb) as h(hash)
    cross join lateral (
      select s.key_id, k.workspace_id, k.deleted_at is not null as deleted
      from key_secrets s join keys k on k.id = s.key_id
      where s.secret_hash = h.hash
      limit 1
    ) x`.execute(trx);
  for (const row of owners.rows) {
    existing.set(row.secret_hash, { keyId: row.key_id, workspaceId: row.workspace_id, deleted: row.deleted });
  }
  return { workspace, apps, existing };
}

/** Finds or creates the workspace's identities of these external ids; answers id by external id. */
async function identitiesOf(
  trx: Transaction<Database>,
  workspaceId: string,
  externalIds: readonly string[],
  at: Date,
): Promise<{ ids: Map<string, string>; created: string[] }> {
  const ids = new Map<string, string>();
  const created: string[] = [];
  for (const part of chunks(externalIds)) {
    const values: Insertable<IdentitiesTable>[] = part.map((externalId) => ({
      id: newId("identity"),
      workspace_id: workspaceId,
      external_id: externalId,
      meta: "{}",
      rate_limits: "[]",
      created_at: at,
      updated_at: at,
    }));
    // A no-op update returns the identity that exists (and locks it until the commit).
    const rows = await trx
      .insertInto("identities")
      .values(values)
      .onConflict((oc) =>
        oc.columns(["workspace_id", "external_id"]).doUpdateSet({ updated_at: sql`identities.updated_at` }),
      )
      .returning(["id", "external_id", sql<boolean>`(xmax = 0)`.as("created")])
      .execute();
    for (const row of rows) {
      ids.set(row.external_id, row.id);
      if (row.created) created.push(row.id);
    }
  }
  return { ids, created };
}

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/**
 * Inserts keys and their current secrets in one statement: the rows travel as one JSON parameter
 * (a multi-row VALUES would bind ~30 parameters a key).
 */
async function insertKeysAndSecrets(
  trx: Transaction<Database>,
  keys: readonly { row: KeyRow; hash: string }[],
  at: Date,
): Promise<void> {
  const rows = JSON.stringify(
    keys.map(({ row, hash }) => ({
      id: row.id,
      workspace_id: row.workspace_id,
      app_id: row.app_id,
      name: row.name,
      environment: row.environment,
      prefix: row.prefix,
      start: row.start,
      scopes: row.scopes,
      meta: row.meta,
      expires_at: iso(row.expires_at),
      ip_allowlist: row.ip_allowlist,
      rate_limits: row.rate_limits,
      quota_remaining: row.quota_remaining,
      quota_refill: row.quota_refill,
      quota_refilled_at: iso(row.quota_refilled_at),
      enabled: row.enabled,
      created_by: row.created_by,
      identity_id: row.identity_id,
      external_id: row.external_id,
      secret_hash: hash,
    })),
  );
  await sql`
    with input as materialized (
      select * from jsonb_to_recordset(${rows}::jsonb) as x(
        id text, workspace_id text, app_id text, name text, environment text, prefix text, start text,
        scopes jsonb, meta jsonb, expires_at timestamptz, ip_allowlist jsonb, rate_limits jsonb,
        quota_remaining bigint, quota_refill jsonb, quota_refilled_at timestamptz, enabled boolean,
        created_by text, identity_id text, external_id text, secret_hash text)
    ),
    k as (
      insert into keys (id, workspace_id, app_id, kind, name, environment, prefix, start, scopes, meta,
                        expires_at, ip_allowlist, rate_limits, quota_remaining, quota_refill,
                        quota_refilled_at, enabled, created_by, created_at, updated_at, identity_id,
                        external_id, source)
      select id, workspace_id, app_id, 'token', name, environment, prefix, start, scopes, meta,
             expires_at, ip_allowlist, rate_limits, quota_remaining, quota_refill, quota_refilled_at,
             enabled, created_by, ${at}, ${at}, identity_id, external_id, 'import'
      from input
      returning id
    )
    insert into key_secrets (secret_hash, key_id, workspace_id, expires_at, created_at)
    select i.secret_hash, k.id, i.workspace_id, null, ${at} from k join input i on i.id = k.id`.execute(trx);
}

/** Stores the accepted keys (with their identities and secrets) and the batch's one event. */
export async function writeImport(
  trx: Transaction<Database>,
  input: {
    workspace: WorkspaceRow;
    keys: readonly { index: number; row: KeyRow; hash: string }[];
    actor: Actor;
    at: Date;
    counts: { skipped: number; refused: number };
  },
): Promise<void> {
  const { workspace, keys, at } = input;
  const externalIds = [
    ...new Set(keys.flatMap(({ row }) => (row.external_id === null ? [] : [row.external_id]))),
  ];
  const identities = await identitiesOf(trx, workspace.id, externalIds, at);
  for (const { row } of keys) {
    if (row.external_id !== null) row.identity_id = identities.ids.get(row.external_id) ?? null;
  }
  for (const part of chunks(keys)) await insertKeysAndSecrets(trx, part, at);
  await recordAudit(trx, {
    workspaceId: workspace.id,
    actor: input.actor,
    action: "key.imported",
    target: { type: "workspace", id: workspace.id },
    details: {
      imported: keys.length,
      skipped: input.counts.skipped,
      refused: input.counts.refused,
      // The first ids only: an event stays a few KB, as the audit list pages 100 events at once.
      keyIds: keys.slice(0, AUDITED_KEY_IDS).map(({ row }) => row.id),
      keyIdsOmitted: Math.max(0, keys.length - AUDITED_KEY_IDS),
      identitiesCreated: identities.created,
    },
    at,
  });
}
