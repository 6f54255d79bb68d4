/**
 * Deletes an identity. While it still has keys that are not revoked (nor deleted) it is refused
 * (409), unless the caller asks to revoke them in the same change (`?revokeKeys=true`, each
 * audited `key.revoked`). Its remaining keys (revoked or deleted) are unlinked from it and keep
 * their `externalId` for the record; the event `identity.deleted` keeps its meta, limits and how many keys it revoked.
 */
import { sql } from "kysely";
import { conflict } from "../../errors.js";
import { recordAudit } from "../audit/record-audit.js";
import { collectKeyChange, publishCollectedKeyChange } from "../keys/invalidate-key.js";
import type { Caller, KeyDeps } from "../keys/key-access.js";
import { actorOf } from "../principal.js";
import { assertMayChangeIdentities } from "./identity-access.js";
import { keyIdsOfIdentity, lockIdentity } from "./identity-store.js";
import { revokeKeysOfIdentity } from "./revoke-identity-keys.js";

export async function deleteIdentity(
  deps: KeyDeps,
  caller: Caller,
  idOrExternalId: string,
  options: { revokeKeys: boolean },
): Promise<void> {
  const { principal } = caller;
  assertMayChangeIdentities(principal, "delete identities");
  const now = deps.clock.now();
  const actor = actorOf(principal, caller.ip);

  const change = await deps.store.db.transaction().execute(async (trx) => {
    const identity = await lockIdentity(trx, principal.workspaceId, idOrExternalId);
    let revokedKeys = 0;
    if (options.revokeKeys) {
      const revoked = await revokeKeysOfIdentity(trx, identity, {
        actor,
        reason: "identity deleted",
        at: now,
      });
      revokedKeys = revoked.keyIds.length;
    } else {
      const unrevoked = await trx
        .selectFrom("keys")
        .select(sql<string>`count(*)`.as("count"))
        .where("identity_id", "=", identity.id)
        .where("deleted_at", "is", null)
        .where("revoked_at", "is", null)
        .executeTakeFirstOrThrow();
      const count = Number(unrevoked.count);
      if (count > 0)
        throw conflict(
          `the identity still has ${count} key${count === 1 ? "" : "s"} that ${count === 1 ? "is" : "are"} not revoked; revoke them first (POST /v1/identities/{id}/revoke-keys) or delete with ?revokeKeys=true`,
        );
    }
    // Every key it had, so no cache keeps answering with the identity.
    const keyIds = await keyIdsOfIdentity(trx, identity.id);
    const change = await collectKeyChange(trx, keyIds);
    await trx.updateTable("keys").set({ identity_id: null }).where("identity_id", "=", identity.id).execute();
    await trx.deleteFrom("identities").where("id", "=", identity.id).execute();
    await recordAudit(trx, {
      workspaceId: principal.workspaceId,
      actor,
      action: "identity.deleted",
      target: { type: "identity", id: identity.id },
      details: {
        externalId: identity.external_id,
        meta: identity.meta,
        rateLimits: identity.rate_limits,
        revokedKeys,
      },
      at: now,
    });
    return change;
  });
  await publishCollectedKeyChange(deps, change);
}
