/**
 * Revokes a key for good: the row stays (shown as revoked, with the reason), verification answers
 * REVOKED, and it can no longer be enabled, edited, rotated or revealed (its kept secret, if it
 * was recoverable, is erased). Revoking twice is 409.
 */
import { conflict } from "../../errors.js";
import { recordAudit } from "../audit/record-audit.js";
import { actorOf } from "../principal.js";
import { collectKeyChange, publishCollectedKeyChange } from "./invalidate-key.js";
import { assertMayManage, type Caller, type KeyDeps } from "./key-access.js";
import type { RevokeKeyInput } from "./key-inputs.js";
import { type PublicKey, toPublicKey } from "./key-object.js";
import { lockKey } from "./key-store.js";

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

  const { row, change } = await deps.store.db.transaction().execute(async (trx) => {
    const current = await lockKey(trx, workspaceId, id);
    if (current.revoked_at) throw conflict("the key is already revoked");
    await trx
      .updateTable("keys")
      .set({ revoked_at: now, revoked_reason: reason, updated_at: now, secret_ciphertext: null })
      .where("id", "=", current.id)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(principal, caller.ip),
      action: "key.revoked",
      target: { type: "key", id: current.id },
      details: { name: current.name, start: current.start, reason },
      at: now,
    });
    return {
      row: { ...current, revoked_at: now, revoked_reason: reason, updated_at: now, secret_ciphertext: null },
      change: await collectKeyChange(trx, [current.id]),
    };
  });

  await publishCollectedKeyChange(deps, change);
  return toPublicKey(row, now);
}
