/**
 * Reads the verification records of secrets from the store: one indexed lookup of each secret's
 * hash joined with its key, the key's workspace (plan, suspension, deletion) and its identity
 * (external id, meta, rate limits), in one query. A deleted key, or a hash no key answers to, has
 * no record. The workspace columns become the workspace's shared state (workspace-states.ts).
 *
 * Cache misses that arrive together are read together (DataLoader): while a query runs, every miss
 * that arrives joins the next one, which starts when it ends (or after {@link MAX_WAIT_MS}, so a
 * stuck query holds up nobody for long). A single miss is read at once (after the event loop's
 * current I/O); a burst of unknown keys costs the store one query per round trip instead of one
 * per request.
 */
import DataLoader from "dataloader";
import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import { toVerificationRecord, type VerificationRecord } from "./verification-record.js";
import type { WorkspaceStates } from "./workspace-states.js";

export type RecordLoader = (secretHash: string) => Promise<VerificationRecord | undefined>;

/** Most hashes read by one query. */
const MAX_BATCH = 200;
/** Longest a batch waits for the query before it; past this it runs beside it. */
export const MAX_WAIT_MS = 100;

/** Resolves when `reading` settles, or after {@link MAX_WAIT_MS}. */
function settledOrLate(reading: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, MAX_WAIT_MS);
  });
  return Promise.race([reading, late]).finally(() => clearTimeout(timer));
}

/** A loader over this store; records point at the workspaces' states in `workspaces`. */
export function storeRecordLoader(db: Kysely<Database>, workspaces: WorkspaceStates): RecordLoader {
  /** The query started last, until it settles: the next batch gathers misses while it runs. */
  let reading: Promise<void> | undefined;
  const loader = new DataLoader<string, VerificationRecord | undefined>(
    (hashes) => {
      const records = readRecords(db, workspaces, hashes);
      const settled = records.then(
        () => {},
        () => {},
      );
      reading = settled;
      void settled.then(() => {
        if (reading === settled) reading = undefined;
      });
      return records;
    },
    // The verification cache keeps answers (and shares reads in flight); this only batches.
    {
      cache: false,
      maxBatchSize: MAX_BATCH,
      batchScheduleFn: (dispatch) => {
        const before = reading === undefined ? Promise.resolve() : settledOrLate(reading);
        void before.then(() => setImmediate(dispatch));
      },
    },
  );
  return (secretHash) => loader.load(secretHash);
}

async function readRecords(
  db: Kysely<Database>,
  workspaces: WorkspaceStates,
  hashes: readonly string[],
): Promise<Array<VerificationRecord | undefined>> {
  const generation = workspaces.generation;
  const rows = await db
    .selectFrom("key_secrets as s")
    .innerJoin("keys as k", "k.id", "s.key_id")
    .innerJoin("workspaces as w", "w.id", "k.workspace_id")
    .leftJoin("identities as i", "i.id", "k.identity_id")
    .select([
      "s.secret_hash",
      "k.id",
      "k.workspace_id",
      "k.app_id",
      "k.kind",
      "k.name",
      "k.shared_key",
      "k.scopes",
      "k.meta",
      "k.expires_at",
      "k.ip_allowlist",
      "k.rate_limits",
      "k.quota_remaining",
      "k.enabled",
      "k.revoked_at",
      "k.deleted_at",
      "s.expires_at as secret_expires_at",
      "k.external_id",
      "k.identity_id",
      "i.external_id as identity_external_id",
      "i.meta as identity_meta",
      "i.rate_limits as identity_rate_limits",
      "w.external_id as workspace_external_id",
      "w.plan as workspace_plan",
      "w.suspended_at as workspace_suspended_at",
      "w.deleted_at as workspace_deleted_at",
    ])
    .where("s.secret_hash", "in", hashes)
    .execute();
  const byHash = new Map(rows.map((row) => [row.secret_hash, row]));
  return hashes.map((hash) => {
    const row = byHash.get(hash);
    if (row === undefined || row.deleted_at !== null) return undefined;
    const workspace = workspaces.fromStore(
      {
        id: row.workspace_id,
        externalId: row.workspace_external_id,
        plan: row.workspace_plan,
        suspended: row.workspace_suspended_at !== null || row.workspace_deleted_at !== null,
      },
      generation,
    );
    return toVerificationRecord(row, workspace);
  });
}
