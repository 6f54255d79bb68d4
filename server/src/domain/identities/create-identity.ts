/**
 * Creates an identity (an end user or customer of the workspace, by the platform's externalId)
 * with its meta and shared rate limits, and its `identity.created` event. An externalId already
 * taken in the workspace is 409. (Creating a key with a new externalId creates its identity too:
 * keys/insert-key.ts.)
 */
import { conflict } from "../../errors.js";
import type { IdentityRow } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { newId } from "../ids.js";
import type { Caller, KeyDeps } from "../keys/key-access.js";
import { actorOf } from "../principal.js";
import { getWorkspace } from "../workspaces/workspaces.js";
import { assertMayChangeIdentities, checkRateLimitsPlan } from "./identity-access.js";
import { type CreateIdentityInput, type PublicIdentity, toPublicIdentity } from "./identity-object.js";

export async function createIdentity(
  deps: Pick<KeyDeps, "store" | "clock">,
  caller: Caller,
  input: CreateIdentityInput,
): Promise<PublicIdentity> {
  const { principal } = caller;
  assertMayChangeIdentities(principal, "create identities");
  const workspaceId = principal.workspaceId;
  const now = deps.clock.now();
  const row: IdentityRow = {
    id: newId("identity"),
    workspace_id: workspaceId,
    external_id: input.externalId,
    meta: input.meta,
    rate_limits: input.rateLimits,
    created_at: now,
    updated_at: now,
  };
  await deps.store.db.transaction().execute(async (trx) => {
    const workspace = await getWorkspace(trx, workspaceId);
    checkRateLimitsPlan(workspace.plan, input.rateLimits);
    const inserted = await trx
      .insertInto("identities")
      .values({ ...row, meta: JSON.stringify(row.meta), rate_limits: JSON.stringify(row.rate_limits) })
      .onConflict((oc) => oc.columns(["workspace_id", "external_id"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) throw conflict(`an identity with the externalId ${input.externalId} already exists`);
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(principal, caller.ip),
      action: "identity.created",
      target: { type: "identity", id: row.id },
      details: { externalId: row.external_id, meta: input.meta, rateLimits: input.rateLimits },
      at: now,
    });
  });
  return toPublicIdentity(row, 0);
}
