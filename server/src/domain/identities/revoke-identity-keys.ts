/**
 * Revokes every key of an identity that is not revoked yet ("this customer left"), in one
 * transaction: one `key.revoked` event per key naming the identity, every secret hash of them
 * dropped from the caches before the call answers. An identity with nothing left to revoke
 * answers `{ revoked: 0 }`.
 */
import type { Transaction } from "kysely";
import type { Database, IdentityRow } from "../../store/schema.js";
import { type KeyChange, publishCollectedKeyChange } from "../keys/invalidate-key.js";
import type { Caller, KeyDeps } from "../keys/key-access.js";
import { revokeKeyRows } from "../keys/revoke-key.js";
import { type Actor, actorOf } from "../principal.js";
import { assertMayChangeIdentities } from "./identity-access.js";
import type { RevokeIdentityKeysInput } from "./identity-object.js";
import { lockIdentity } from "./identity-store.js";

/**
 * Locks and revokes the identity's live keys that are not revoked, newest first, inside the
 * caller's transaction (which holds the identity's lock, so no key joins it meanwhile).
 */
export async function revokeKeysOfIdentity(
  trx: Transaction<Database>,
  identity: IdentityRow,
  change: { actor: Actor; reason: string | null; at: Date },
): Promise<{ keyIds: string[]; change: KeyChange }> {
  const rows = await trx
    .selectFrom("keys")
    .selectAll()
    .where("identity_id", "=", identity.id)
    .where("workspace_id", "=", identity.workspace_id)
    .where("deleted_at", "is", null)
    .where("revoked_at", "is", null)
    .orderBy("id", "desc")
    .forUpdate()
    .execute();
  const revoked = await revokeKeyRows(trx, rows, {
    ...change,
    details: { identity: { id: identity.id, externalId: identity.external_id } },
  });
  return { keyIds: rows.map((row) => row.id), change: revoked.change };
}

export async function revokeIdentityKeys(
  deps: KeyDeps,
  caller: Caller,
  idOrExternalId: string,
  input: RevokeIdentityKeysInput,
): Promise<{ revoked: number; keyIds: string[] }> {
  const { principal } = caller;
  assertMayChangeIdentities(principal, "revoke the keys of identities");
  const now = deps.clock.now();
  const { keyIds, change } = await deps.store.db.transaction().execute(async (trx) => {
    const identity = await lockIdentity(trx, principal.workspaceId, idOrExternalId);
    return revokeKeysOfIdentity(trx, identity, {
      actor: actorOf(principal, caller.ip),
      reason: input.reason ? input.reason : null,
      at: now,
    });
  });
  await publishCollectedKeyChange(deps, change);
  return { revoked: keyIds.length, keyIds };
}
