/**
 * The one place a committed key change reaches the verifier caches: every secret hash of the
 * changed keys is published before the management call answers, so the very next verification
 * sees the change on every node.
 */
import type { KeyDeps } from "./key-access.js";
import { secretHashesOf } from "./key-store.js";

/** Hashes per message: keeps each one small enough for PostgreSQL NOTIFY (8000 bytes). */
const HASHES_PER_MESSAGE = 100;

/** Drops the cached verification records of these keys everywhere. Call after the commit. */
export async function publishKeyChange(
  deps: Pick<KeyDeps, "store" | "invalidation">,
  keyIds: readonly string[],
): Promise<void> {
  const hashes = await secretHashesOf(deps.store.db, keyIds);
  for (let i = 0; i < hashes.length; i += HASHES_PER_MESSAGE) {
    await deps.invalidation.publish({ kind: "key", hashes: hashes.slice(i, i + HASHES_PER_MESSAGE) });
  }
}
