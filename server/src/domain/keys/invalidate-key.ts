/**
 * The one place a key change reaches the verifier caches. A change collects what must be
 * invalidated (every secret hash of the changed keys) inside its own transaction, and publishes
 * it from memory once the transaction has committed, before the management call answers: the
 * very next verification sees the change on every node, and no store read after the commit can
 * fail between the change and its invalidation. (The cluster's outbox will write the same
 * collected change in the transaction.)
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../store/schema.js";
import type { KeyDeps } from "./key-access.js";
import { secretHashesOf } from "./key-store.js";

/** What a committed key change must drop from every cache. */
export interface KeyChange {
  /** Secret hashes (current and in grace) of the changed keys. */
  hashes: readonly string[];
}

/** Hashes per message: keeps each one small enough for PostgreSQL NOTIFY (8000 bytes). */
const HASHES_PER_MESSAGE = 100;

/** Reads, inside the change's transaction, the secret hashes of these keys. */
export async function collectKeyChange(
  trx: Transaction<Database>,
  keyIds: readonly string[],
): Promise<KeyChange> {
  return { hashes: await secretHashesOf(trx, keyIds) };
}

/**
 * Drops the cached verification records of a committed change everywhere, from what its
 * transaction collected; it reads nothing from the store. Call after the commit.
 */
export async function publishCollectedKeyChange(
  deps: Pick<KeyDeps, "invalidation">,
  change: KeyChange,
): Promise<void> {
  const { hashes } = change;
  for (let i = 0; i < hashes.length; i += HASHES_PER_MESSAGE) {
    await deps.invalidation.publish({ kind: "key", hashes: hashes.slice(i, i + HASHES_PER_MESSAGE) });
  }
}

/**
 * Reads the hashes of these keys and publishes them: only for key rows changed outside a domain
 * transaction (test fixtures, maintenance). Domain changes collect in their transaction instead.
 */
export async function publishKeyChange(
  deps: Pick<KeyDeps, "store" | "invalidation">,
  keyIds: readonly string[],
): Promise<void> {
  const db: Kysely<Database> = deps.store.db;
  await publishCollectedKeyChange(deps, { hashes: await secretHashesOf(db, keyIds) });
}
