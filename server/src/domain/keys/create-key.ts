/**
 * Creates a key (a token, or a Shared Key + Secret Key pair) with its settings, checked against the
 * plan, the workspace policy, the caller's role and the app's offered scopes; stores only the
 * secret's hash and returns the secret once.
 *
 * The checks read; then one statement stores the key, its secret and its `key.created` event
 * while the workspace's live-key count is below the plan's limit (see insert-key.ts): the limit
 * holds under concurrent creates and no key is ever counted.
 */
import { validationFailed } from "../../errors.js";
import type { KeyRow } from "../../store/schema.js";
import { assertScopesOffered, offeredScopes } from "../apps/app-scopes.js";
import { findApp } from "../apps/find-apps.js";
import { auditRowValues } from "../audit/record-audit.js";
import { newId } from "../ids.js";
import { generateSharedKey } from "../key-format.js";
import { actorOf } from "../principal.js";
import { ENTITLEMENTS, requireFeature, requireWithinLimit } from "../workspaces/entitlements.js";
import { getWorkspace } from "../workspaces/workspaces.js";
import { insertKeyWithinLimit } from "./insert-key.js";
import { publishCollectedKeyChange } from "./invalidate-key.js";
import { assertMayIssue, type Caller, type KeyDeps } from "./key-access.js";
import type { CreateKeyInput } from "./key-inputs.js";
import { type IssuedKey, toIssuedKey } from "./key-object.js";
import { checkExpiry, checkPlanFeatures, toDate } from "./key-policy.js";
import { keyRowValues, newSecret } from "./key-store.js";

/** How often a create is tried again when the plan changed between its checks and its insert. */
const ATTEMPTS = 3;

export async function createKey(deps: KeyDeps, caller: Caller, input: CreateKeyInput): Promise<IssuedKey> {
  const now = deps.clock.now();
  for (let attempt = 1; ; attempt++) {
    const prepared = await prepareKey(deps, caller, input, now);
    const limit = ENTITLEMENTS[prepared.plan].maxKeys;
    const inserted = await insertKeyWithinLimit(deps.store.db, {
      key: keyRowValues(prepared.row),
      secretHash: prepared.hash,
      audit: prepared.audit,
      plan: prepared.plan,
      maxKeys: Number.isFinite(limit) ? limit : null,
    });
    if (inserted) {
      // A verification of this secret before it existed may have cached "not found".
      await publishCollectedKeyChange(deps, { hashes: [prepared.hash] });
      return toIssuedKey(prepared.row, prepared.secret, now);
    }
    const workspace = await getWorkspace(deps.store.db, caller.principal.workspaceId);
    if (workspace.plan === prepared.plan || attempt >= ATTEMPTS) {
      requireWithinLimit(workspace.plan, "maxKeys", ENTITLEMENTS[workspace.plan].maxKeys);
    }
  }
}

/** Checks the input against plan, policy, role and app, and builds the key, its secret and event. */
async function prepareKey(deps: KeyDeps, caller: Caller, input: CreateKeyInput, now: Date) {
  const { principal } = caller;
  const workspaceId = principal.workspaceId;
  const actor = actorOf(principal, caller.ip);
  const db = deps.store.db;
  const workspace = await getWorkspace(db, workspaceId);
  requireFeature(workspace.plan, "apiAccess");

  let environment = input.environment ?? "production";
  if (input.appId !== undefined) {
    const app = await findApp(db, workspaceId, input.appId);
    if (input.environment !== undefined && input.environment !== app.environment)
      throw validationFailed(
        `environment: a key of this app takes the app's environment (${app.environment})`,
      );
    environment = app.environment;
    assertScopesOffered(await offeredScopes(db, app.id), input.scopes);
  }
  assertMayIssue(principal, environment, "create");
  checkPlanFeatures(workspace, input);
  const expiresAt = toDate(input.expiresAt);
  checkExpiry(workspace, expiresAt, now);

  const prefix = input.prefix ?? workspace.key_prefix;
  const issued = newSecret(prefix);
  const row: KeyRow = {
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
  const audit = auditRowValues({
    workspaceId,
    actor,
    action: "key.created",
    target: { type: "key", id: row.id },
    details: {
      name: row.name,
      kind: row.kind,
      appId: row.app_id,
      environment,
      start: row.start,
      scopes: input.scopes,
      meta: input.meta,
      expiresAt: input.expiresAt ?? null,
      ipAllowlist: input.ipAllowlist,
      rateLimit: input.rateLimit,
      quota: input.quota,
    },
    at: now,
  });
  return { row, secret: issued.secret, hash: issued.hash, audit, plan: workspace.plan };
}
