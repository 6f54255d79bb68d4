/**
 * Reads the verification records of secrets from the store: one indexed lookup of each secret's
 * hash joined with its key. A deleted key, or a hash no key answers to, has no record.
 *
 * Cache misses that arrive together are read together (DataLoader): one query reads at a time, and
 * every miss that arrives while it runs joins the next one, which starts when it ends. A single
 * miss is read at once (after the event loop's current I/O); a burst of unknown keys costs the
 * store one query per round trip instead of one per request.
 */
import DataLoader from "dataloader";
import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import { toVerificationRecord, type VerificationRecord } from "./verification-record.js";

export type RecordLoader = (secretHash: string) => Promise<VerificationRecord | undefined>;

/** Most hashes read by one query. */
const MAX_BATCH = 200;

/** A loader over this store. */
export function storeRecordLoader(db: Kysely<Database>): RecordLoader {
  /** The query in flight: the next batch gathers misses until it settles. */
  let reading: Promise<unknown> = Promise.resolve();
  const loader = new DataLoader<string, VerificationRecord | undefined>(
    (hashes) => {
      const records = readRecords(db, hashes);
      reading = records.catch(() => {});
      return records;
    },
    // The verification cache keeps answers (and shares reads in flight); this only batches.
    {
      cache: false,
      maxBatchSize: MAX_BATCH,
      batchScheduleFn: (dispatch) => {
        void reading.then(() => setImmediate(dispatch));
      },
    },
  );
  return (secretHash) => loader.load(secretHash);
}

async function readRecords(
  db: Kysely<Database>,
  hashes: readonly string[],
): Promise<Array<VerificationRecord | undefined>> {
  const rows = await db
    .selectFrom("key_secrets as s")
    .innerJoin("keys as k", "k.id", "s.key_id")
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
      "k.rate_limit",
      "k.quota_remaining",
      "k.enabled",
      "k.revoked_at",
      "k.deleted_at",
      "s.expires_at as secret_expires_at",
    ])
    .where("s.secret_hash", "in", hashes)
    .execute();
  const byHash = new Map(rows.map((row) => [row.secret_hash, row]));
  return hashes.map((hash) => {
    const row = byHash.get(hash);
    return row === undefined || row.deleted_at !== null ? undefined : toVerificationRecord(row);
  });
}
