/**
 * Deletes keys: the row stays (for usage and the audit trail) with `deleted_at` set and its kept
 * secret (recoverable keys) erased, and the key is gone from lists, lookups (404) and
 * verification (NOT_FOUND).
 */
import type { Transaction } from "kysely";
import type { Database, KeyRow } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { type Actor, actorOf } from "../principal.js";
import { collectKeyChange, type KeyChange, publishCollectedKeyChange } from "./invalidate-key.js";
import { assertMayManage, type Caller, type KeyDeps } from "./key-access.js";
import { lockKey } from "./key-store.js";

/**
 * Marks these live keys deleted, each with its `key.deleted` event, inside the caller's
 * transaction (the workspace's live-key count follows by trigger); returns what the caches must
 * drop once it commits.
 */
export async function softDeleteKeys(
  trx: Transaction<Database>,
  rows: readonly Pick<KeyRow, "id" | "workspace_id" | "name" | "start" | "app_id">[],
  actor: Actor,
  at: Date,
  reason?: string,
): Promise<KeyChange> {
  if (rows.length === 0) return { keys: [] };
  await trx
    .updateTable("keys")
    .set({ deleted_at: at, updated_at: at, secret_ciphertext: null })
    .where(
      "id",
      "in",
      rows.map((row) => row.id),
    )
    .execute();
  for (const row of rows) {
    await recordAudit(trx, {
      workspaceId: row.workspace_id,
      actor,
      action: "key.deleted",
      target: { type: "key", id: row.id },
      details: { name: row.name, start: row.start, appId: row.app_id, ...(reason ? { reason } : {}) },
      at,
    });
  }
  return collectKeyChange(
    trx,
    rows.map((row) => row.id),
  );
}

/** Deletes one key of the caller's workspace; 404 when there is no such live key. */
export async function deleteKey(deps: KeyDeps, caller: Caller, id: string): Promise<void> {
  const { principal } = caller;
  assertMayManage(principal, "delete");
  const now = deps.clock.now();
  const change = await deps.store.db.transaction().execute(async (trx) => {
    const row = await lockKey(trx, principal.workspaceId, id);
    return softDeleteKeys(trx, [row], actorOf(principal, caller.ip), now);
  });
  await publishCollectedKeyChange(deps, change);
}
