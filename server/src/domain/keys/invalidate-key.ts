/**
 * The one place a key change reaches the verifier caches and the event stream. A change collects
 * what must be invalidated (every changed key with its workspace and its secret hashes) inside its
 * own transaction, and publishes it from memory once the transaction has committed, before the
 * management call answers: the very next verification sees the change on every node, SDK caches
 * hear of it (by key id, never by hash), and no store read after the commit can fail between the
 * change and its invalidation. (The cluster's outbox will write the same collected change in the
 * transaction.)
 */
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../store/schema.js";
import type { KeyDeps } from "./key-access.js";
import { type KeySecrets, keySecretsOf } from "./key-store.js";

/** What a committed key change must drop from every cache: the changed keys and their secrets. */
export interface KeyChange {
  keys: readonly KeySecrets[];
}

/**
 * Ids plus hashes per message: keeps each one small enough for PostgreSQL NOTIFY (8000 bytes;
 * a key id is ~30 bytes of JSON, a hash ~46).
 */
const ITEMS_PER_MESSAGE = 100;

/** Reads, inside the change's transaction, the workspace and secret hashes of these keys. */
export async function collectKeyChange(
  trx: Transaction<Database>,
  keyIds: readonly string[],
): Promise<KeyChange> {
  return { keys: await keySecretsOf(trx, keyIds) };
}

interface PendingMessage {
  keyIds: string[];
  hashes: string[];
}

/**
 * Drops the cached verification records of a committed change everywhere, from what its
 * transaction collected; it reads nothing from the store. One message per workspace and chunk of
 * {@link ITEMS_PER_MESSAGE} ids and hashes. Call after the commit.
 */
export async function publishCollectedKeyChange(
  deps: Pick<KeyDeps, "invalidation">,
  change: KeyChange,
): Promise<void> {
  const byWorkspace = new Map<string, PendingMessage[]>();
  for (const key of change.keys) {
    let messages = byWorkspace.get(key.workspaceId);
    if (messages === undefined) {
      messages = [];
      byWorkspace.set(key.workspaceId, messages);
    }
    let last = messages.at(-1);
    if (
      last === undefined ||
      last.keyIds.length + last.hashes.length + 1 + key.hashes.length > ITEMS_PER_MESSAGE
    ) {
      last = { keyIds: [], hashes: [] };
      messages.push(last);
    }
    last.keyIds.push(key.keyId);
    // A key with more hashes than a message holds (it never has more than a few) still fits its own.
    last.hashes.push(...key.hashes);
  }
  for (const [workspaceId, messages] of byWorkspace) {
    for (const { keyIds, hashes } of messages) {
      await deps.invalidation.publish({ kind: "key", workspaceId, keyIds, hashes });
    }
  }
}

/**
 * Reads the workspaces and hashes of these keys and publishes them: only for key rows changed
 * outside a domain transaction (test fixtures, maintenance). Domain changes collect in their
 * transaction instead.
 */
export async function publishKeyChange(
  deps: Pick<KeyDeps, "store" | "invalidation">,
  keyIds: readonly string[],
): Promise<void> {
  const db: Kysely<Database> = deps.store.db;
  await publishCollectedKeyChange(deps, { keys: await keySecretsOf(db, keyIds) });
}
