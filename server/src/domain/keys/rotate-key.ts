/**
 * Rotates a key: a new secret for the same key id and settings. The old secrets keep working for
 * the grace period (0 ends them at once), then verification answers EXPIRED for them. A pair keeps
 * its Shared Key. A revoked key cannot be rotated (409).
 */
import { conflict } from "../../errors.js";
import { recordAudit } from "../audit/record-audit.js";
import { actorOf } from "../principal.js";
import { collectKeyChange, publishCollectedKeyChange } from "./invalidate-key.js";
import { assertMayIssue, type Caller, type KeyDeps } from "./key-access.js";
import type { RotateKeyInput } from "./key-inputs.js";
import { type IssuedKey, toIssuedKey } from "./key-object.js";
import { insertCurrentSecret, lockKey, newSecret } from "./key-store.js";

export async function rotateKey(
  deps: KeyDeps,
  caller: Caller,
  id: string,
  input: RotateKeyInput,
): Promise<IssuedKey> {
  const { principal } = caller;
  const workspaceId = principal.workspaceId;
  const now = deps.clock.now();
  const graceEndsAt = new Date(now.getTime() + input.gracePeriodSeconds * 1000);

  const { row, secret, change } = await deps.store.db.transaction().execute(async (trx) => {
    const current = await lockKey(trx, workspaceId, id);
    assertMayIssue(principal, current.environment, "rotate");
    if (current.revoked_at) throw conflict("the key is revoked for good; it cannot be rotated");

    await trx
      .updateTable("key_secrets")
      .set({ expires_at: graceEndsAt })
      .where("key_id", "=", current.id)
      .where((eb) => eb.or([eb("expires_at", "is", null), eb("expires_at", ">", graceEndsAt)]))
      .execute();
    const issued = newSecret(current.prefix);
    await insertCurrentSecret(trx, current, issued.hash, now);
    await trx
      .updateTable("keys")
      .set({ start: issued.start, rotated_at: now, updated_at: now })
      .where("id", "=", current.id)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(principal, caller.ip),
      action: "key.rotated",
      target: { type: "key", id: current.id },
      details: {
        name: current.name,
        gracePeriodSeconds: input.gracePeriodSeconds,
        previousSecretExpiresAt: graceEndsAt.toISOString(),
        previousStart: current.start,
        start: issued.start,
      },
      at: now,
    });
    return {
      row: { ...current, start: issued.start, rotated_at: now, updated_at: now },
      secret: issued.secret,
      change: await collectKeyChange(trx, [current.id]),
    };
  });

  await publishCollectedKeyChange(deps, change);
  return toIssuedKey(row, secret, now);
}
