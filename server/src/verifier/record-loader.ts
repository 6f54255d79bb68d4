/**
 * Reads the verification record of a secret from the store: one indexed lookup of the secret's
 * hash joined with its key. A deleted key, or a hash no key answers to, has no record.
 */
import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import { toVerificationRecord, type VerificationRecord } from "./verification-record.js";

export type RecordLoader = (secretHash: string) => Promise<VerificationRecord | undefined>;

/** A loader over this store. */
export function storeRecordLoader(db: Kysely<Database>): RecordLoader {
  return async (secretHash) => {
    const row = await db
      .selectFrom("key_secrets as s")
      .innerJoin("keys as k", "k.id", "s.key_id")
      .select([
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
      .where("s.secret_hash", "=", secretHash)
      .executeTakeFirst();
    if (!row || row.deleted_at !== null) return undefined;
    return toVerificationRecord(row);
  };
}
