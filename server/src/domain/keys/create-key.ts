/**
 * Creates a key (a token, or a Shared Key + Secret Key pair) with its settings, checked against the
 * plan, the workspace policy, the caller's role and the app's offered scopes; stores only the
 * secret's hash and returns the secret once.
 *
 * The plan's key limit holds under concurrent creates: inserting the key raises the workspace's
 * live-key count (a trigger, in this transaction) and so locks the workspace row until the commit;
 * the count read after it is exact, and a create past the limit rolls back. No key is counted.
 */
import { validationFailed } from "../../errors.js";
import type { KeyRow } from "../../store/schema.js";
import { assertScopesOffered, offeredScopes } from "../apps/app-scopes.js";
import { findApp } from "../apps/find-apps.js";
import { recordAudit } from "../audit/record-audit.js";
import { newId } from "../ids.js";
import { generateSharedKey } from "../key-format.js";
import { actorOf } from "../principal.js";
import { requireFeature, requireWithinLimit } from "../workspaces/entitlements.js";
import { getWorkspace, liveKeysAfterChange } from "../workspaces/workspaces.js";
import { publishCollectedKeyChange } from "./invalidate-key.js";
import { assertMayIssue, type Caller, type KeyDeps } from "./key-access.js";
import type { CreateKeyInput } from "./key-inputs.js";
import { type IssuedKey, toIssuedKey } from "./key-object.js";
import { checkExpiry, checkPlanFeatures, toDate } from "./key-policy.js";
import { insertCurrentSecret, keyRowValues, newSecret } from "./key-store.js";

export async function createKey(deps: KeyDeps, caller: Caller, input: CreateKeyInput): Promise<IssuedKey> {
  const { principal } = caller;
  const workspaceId = principal.workspaceId;
  const now = deps.clock.now();
  const actor = actorOf(principal, caller.ip);

  const { row, secret, hash } = await deps.store.db.transaction().execute(async (trx) => {
    const workspace = await getWorkspace(trx, workspaceId);
    requireFeature(workspace.plan, "apiAccess");

    let environment = input.environment ?? "production";
    if (input.appId !== undefined) {
      const app = await findApp(trx, workspaceId, input.appId);
      if (input.environment !== undefined && input.environment !== app.environment)
        throw validationFailed(
          `environment: a key of this app takes the app's environment (${app.environment})`,
        );
      environment = app.environment;
      assertScopesOffered(await offeredScopes(trx, app.id), input.scopes);
    }
    assertMayIssue(principal, environment, "create");
    checkPlanFeatures(workspace, input);
    const expiresAt = toDate(input.expiresAt);
    checkExpiry(workspace, expiresAt, now);

    const prefix = input.prefix ?? workspace.key_prefix;
    const issued = newSecret(prefix);
    const keyRow: KeyRow = {
      id: newId("key"),
      workspace_id: workspaceId,
      app_id: input.appId ?? null,
      kind: input.kind,
      name: input.name,
      environment,
      prefix,
      start: issued.start,
      shared_key: input.kind === "pair" ? generateSharedKey(prefix) : null,
      scopes: input.scopes,
      meta: input.meta,
      expires_at: expiresAt,
      ip_allowlist: input.ipAllowlist,
      rate_limit: input.rateLimit,
      quota_remaining: input.quota?.remaining ?? null,
      quota_refill: input.quota?.refill ?? null,
      quota_refilled_at: input.quota ? now : null,
      enabled: true,
      revoked_at: null,
      revoked_reason: null,
      rotated_at: null,
      deleted_at: null,
      usage_count: 0,
      last_used_at: null,
      last_used_ip: null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    await recordAudit(trx, {
      workspaceId,
      actor,
      action: "key.created",
      target: { type: "key", id: keyRow.id },
      details: {
        name: keyRow.name,
        kind: keyRow.kind,
        appId: keyRow.app_id,
        environment,
        start: keyRow.start,
        scopes: input.scopes,
        meta: input.meta,
        expiresAt: input.expiresAt ?? null,
        ipAllowlist: input.ipAllowlist,
        rateLimit: input.rateLimit,
        quota: input.quota,
      },
      at: now,
    });
    // Last, so the workspace row stays locked (by the count's trigger) as briefly as possible.
    await trx.insertInto("keys").values(keyRowValues(keyRow)).execute();
    const counted = await liveKeysAfterChange(trx, workspaceId);
    requireWithinLimit(counted.plan, "maxKeys", counted.liveKeys - 1);
    await insertCurrentSecret(trx, keyRow, issued.hash, now);
    return { row: keyRow, secret: issued.secret, hash: issued.hash };
  });

  // A verification of this secret before it existed may have cached "not found".
  await publishCollectedKeyChange(deps, { hashes: [hash] });
  return toIssuedKey(row, secret, now);
}
