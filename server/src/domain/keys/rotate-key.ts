/**
 * Rotates a key: a new secret for the same key id and settings. The old secrets keep working for
 * the grace period (0 ends them at once), then verification answers EXPIRED for them. A pair keeps
 * its Shared Key. A revoked key cannot be rotated (409). In a workspace with recoverable keys on,
 * the new secret is sealed (before the transaction) and kept in place of the old one; otherwise
 * the key is no longer recoverable.
 */
import { sql } from "kysely";
import type { AppContext } from "../../app/context.js";
import { conflict, notFound } from "../../errors.js";
import { recordAudit } from "../audit/record-audit.js";
import { actorOf } from "../principal.js";
import { collectKeyChange, publishCollectedKeyChange } from "./invalidate-key.js";
import { assertMayIssue, type Caller, type KeyDeps } from "./key-access.js";
import type { RotateKeyInput } from "./key-inputs.js";
import { type IssuedKey, toIssuedKey } from "./key-object.js";
import { insertCurrentSecret, lockKey, newSecret } from "./key-store.js";

/** What rotating a key needs from the context. */
export type RotateKeyDeps = KeyDeps & Pick<AppContext, "secrets">;

export async function rotateKey(
  deps: RotateKeyDeps,
  caller: Caller,
  id: string,
  input: RotateKeyInput,
): Promise<IssuedKey> {
  const { principal } = caller;
  const workspaceId = principal.workspaceId;
  const now = deps.clock.now();
  const graceEndsAt = new Date(now.getTime() + input.gracePeriodSeconds * 1000);

  const before = await deps.store.db
    .selectFrom("keys")
    .innerJoin("workspaces", "workspaces.id", "keys.workspace_id")
    .select([
      "keys.prefix",
      "workspaces.recoverable_keys",
      "workspaces.rotation_reminder_days",
      "workspaces.unused_key_days",
    ])
    .where("keys.id", "=", id)
    .where("keys.workspace_id", "=", workspaceId)
    .where("keys.deleted_at", "is", null)
    .executeTakeFirst();
  if (!before) throw notFound("key");
  // A key's prefix never changes, so the secret made here is the one the transaction stores.
  const issued = newSecret(before.prefix);
  const sealed = before.recoverable_keys ? await deps.secrets.seal(issued.secret, id) : null;

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
    await insertCurrentSecret(trx, current, issued.hash, now);
    // Kept only while the workspace still has recoverable keys on (turning it off erases them).
    const kept = await trx
      .updateTable("keys")
      .set({
        start: issued.start,
        rotated_at: now,
        updated_at: now,
        secret_ciphertext:
          sealed === null
            ? null
            : sql<string | null>`(select case when w.recoverable_keys then ${sealed}::text end
                                  from workspaces w where w.id = ${workspaceId})`,
      })
      .where("id", "=", current.id)
      .returning("secret_ciphertext")
      .executeTakeFirstOrThrow();
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
      row: {
        ...current,
        start: issued.start,
        rotated_at: now,
        updated_at: now,
        secret_ciphertext: kept.secret_ciphertext,
      },
      secret: issued.secret,
      change: await collectKeyChange(trx, [current.id]),
    };
  });

  await publishCollectedKeyChange(deps, change);
  return toIssuedKey(row, secret, now, before);
}
