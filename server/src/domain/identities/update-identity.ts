/**
 * Edits an identity's meta and shared rate limits. Only what really changes is written, with one
 * `identity.updated` event naming each changed field's old and new value; then every cached
 * verification of its keys is dropped, so the very next verification returns the new meta and
 * counts against the new limits. Limits are checked against the plan only when they change.
 */
import type { Updateable } from "kysely";
import type { IdentitiesTable } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { collectKeyChange, type KeyChange, publishCollectedKeyChange } from "../keys/invalidate-key.js";
import type { Caller, KeyDeps } from "../keys/key-access.js";
import { actorOf } from "../principal.js";
import { getWorkspace } from "../workspaces/workspaces.js";
import { assertMayChangeIdentities, checkRateLimitsPlan } from "./identity-access.js";
import { type PublicIdentity, toPublicIdentity, type UpdateIdentityInput } from "./identity-object.js";
import { keyCountsOf, keyIdsOfIdentity, lockIdentity } from "./identity-store.js";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateIdentity(
  deps: KeyDeps,
  caller: Caller,
  idOrExternalId: string,
  input: UpdateIdentityInput,
): Promise<PublicIdentity> {
  const { principal } = caller;
  assertMayChangeIdentities(principal, "change identities");
  const workspaceId = principal.workspaceId;
  const now = deps.clock.now();

  const result = await deps.store.db.transaction().execute(async (trx) => {
    const row = await lockIdentity(trx, workspaceId, idOrExternalId);
    const next = { ...row };
    const update: Updateable<IdentitiesTable> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.meta !== undefined && !same(input.meta, row.meta)) {
      changes.meta = { from: row.meta, to: input.meta };
      next.meta = input.meta;
      update.meta = JSON.stringify(input.meta);
    }
    if (input.rateLimits !== undefined && !same(input.rateLimits, row.rate_limits)) {
      checkRateLimitsPlan((await getWorkspace(trx, workspaceId)).plan, input.rateLimits);
      changes.rateLimits = { from: row.rate_limits, to: input.rateLimits };
      next.rate_limits = input.rateLimits;
      update.rate_limits = JSON.stringify(input.rateLimits);
    }
    const counts = await keyCountsOf(trx, workspaceId, [row.id]);
    const keyCount = counts.get(row.id) ?? 0;
    const fields = Object.keys(changes);
    if (fields.length === 0) return { row, keyCount, change: undefined as KeyChange | undefined };

    next.updated_at = update.updated_at = now;
    await trx.updateTable("identities").set(update).where("id", "=", row.id).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(principal, caller.ip),
      action: "identity.updated",
      target: { type: "identity", id: row.id },
      details: { externalId: row.external_id, fields, changes },
      at: now,
    });
    return { row: next, keyCount, change: await collectKeyChange(trx, await keyIdsOfIdentity(trx, row.id)) };
  });

  if (result.change) await publishCollectedKeyChange(deps, result.change);
  return toPublicIdentity(result.row, result.keyCount);
}
