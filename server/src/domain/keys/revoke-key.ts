/**
 * Revokes keys for good: the row stays (shown as revoked, with the reason), verification answers
 * REVOKED, and it can no longer be enabled, edited, rotated or revealed (its kept secret, if it
 * was recoverable, is erased). Revoking twice is 409. {@link revokeKeyRows} is the one way keys
 * are revoked, one key here or every key of an identity (identities/revoke-identity-keys.ts).
 */
import type { Transaction } from "kysely";
import { conflict } from "../../errors.js";
import type { Database, KeyRow } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { readHygienePolicy } from "../hygiene/hygiene-policy.js";
import { type Actor, actorOf } from "../principal.js";
import { collectKeyChange, type KeyChange, publishCollectedKeyChange } from "./invalidate-key.js";
import { assertMayManage, type Caller, type KeyDeps } from "./key-access.js";
import type { RevokeKeyInput } from "./key-inputs.js";
import { type PublicKey, toPublicKey } from "./key-object.js";
import { lockKey } from "./key-store.js";

/**
 * Revokes these locked, not yet revoked keys inside the caller's transaction, each with its own
 * `key.revoked` event (with `details` added to each); returns the rows as they now are and what
 * the caches must drop once it commits.
 */
export async function revokeKeyRows(
  trx: Transaction<Database>,
  rows: readonly KeyRow[],
  change: { actor: Actor; reason: string | null; at: Date; details?: Record<string, unknown> },
): Promise<{ rows: KeyRow[]; change: KeyChange }> {
  const { actor, reason, at } = change;
  if (rows.length === 0) return { rows: [], change: { keys: [] } };
  const ids = rows.map((row) => row.id);
  await trx
    .updateTable("keys")
    .set({ revoked_at: at, revoked_reason: reason, updated_at: at, secret_ciphertext: null })
    .where("id", "in", ids)
    .execute();
  for (const row of rows) {
    await recordAudit(trx, {
      workspaceId: row.workspace_id,
      actor,
      action: "key.revoked",
      target: { type: "key", id: row.id },
      details: { name: row.name, start: row.start, reason, ...change.details },
      at,
    });
  }
  return {
    rows: rows.map((row) => ({
      ...row,
      revoked_at: at,
      revoked_reason: reason,
      updated_at: at,
      secret_ciphertext: null,
    })),
    change: await collectKeyChange(trx, ids),
  };
}

export async function revokeKey(
  deps: KeyDeps,
  caller: Caller,
  id: string,
  input: RevokeKeyInput,
): Promise<PublicKey> {
  const { principal } = caller;
  assertMayManage(principal, "revoke");
  const workspaceId = principal.workspaceId;
  const now = deps.clock.now();
  const reason = input.reason ? input.reason : null;

  const { rows, change, policy } = await deps.store.db.transaction().execute(async (trx) => {
    const current = await lockKey(trx, workspaceId, id);
    if (current.revoked_at) throw conflict("the key is already revoked");
    const revoked = await revokeKeyRows(trx, [current], {
      actor: actorOf(principal, caller.ip),
      reason,
      at: now,
    });
    // Read in the transaction: nothing is read from the store between the commit and the answer.
    return { ...revoked, policy: await readHygienePolicy(trx, workspaceId) };
  });

  await publishCollectedKeyChange(deps, change);
  const [row] = rows;
  if (!row) throw new Error("the revoked key is missing from its own change");
  return toPublicKey(row, now, policy);
}
