/**
 * Creates a key (a token, or a Shared Key + Secret Key pair) with its settings, checked against the
 * plan, the workspace policy, the caller's role and the app's offered scopes; stores only the
 * secret's hash (and, when the workspace has recoverable keys on, the secret sealed by
 * secrets/secret-box.ts) and returns the secret once.
 *
 * The checks read the workspace as this process remembers it (workspaces/workspace-snapshots.ts).
 * The key, its secret and its `key.created` event are then stored, together with the creates that
 * arrive meanwhile, by one statement that inserts the key only while the workspace's live-key
 * count is below the plan's limit and its plan and policy are still those the checks read
 * (insert-key.ts, key-insert-groups.ts): the limit holds under concurrent creates, no key is ever
 * counted, and a stale memory never lets a key through. When the statement skips the key, or a
 * check refuses it on remembered terms, the workspace is read again and the create is decided on
 * what the store holds.
 *
 * A key with an `externalId` joins that identity, which the same statement creates when the
 * workspace has none of that id yet (so concurrent creates of one new externalId share one).
 */
import type { AppContext } from "../../app/context.js";
import { ApiError, conflict, validationFailed } from "../../errors.js";
import type { KeyRow, WorkspaceRow } from "../../store/schema.js";
import { assertScopesOffered, offeredScopes } from "../apps/app-scopes.js";
import { findApp } from "../apps/find-apps.js";
import { auditRowValues } from "../audit/record-audit.js";
import { newId } from "../ids.js";
import { generateSharedKey } from "../key-format.js";
import { actorOf } from "../principal.js";
import { ENTITLEMENTS, requireFeature, requireWithinLimit } from "../workspaces/entitlements.js";
import type { KeyInsert, WorkspaceTerms } from "./insert-key.js";
import { publishCollectedKeyChange } from "./invalidate-key.js";
import { assertMayIssue, type Caller, type KeyDeps } from "./key-access.js";
import type { CreateKeyInput } from "./key-inputs.js";
import { type IssuedKey, toIssuedKey } from "./key-object.js";
import { checkExpiry, checkPlanFeatures, toDate } from "./key-policy.js";
import { nextRateLimits } from "./key-rate-limits.js";
import { keyRowValues, newSecret } from "./key-store.js";

/** What creating a key needs from the context. */
export type CreateKeyDeps = KeyDeps & Pick<AppContext, "keyCreation" | "secrets">;

/** How often a create is tried again when the workspace changed between its checks and its insert. */
const ATTEMPTS = 3;

const sameTerms = (a: WorkspaceTerms, b: WorkspaceTerms) =>
  a.plan === b.plan &&
  a.key_prefix === b.key_prefix &&
  a.max_key_lifetime_seconds === b.max_key_lifetime_seconds &&
  a.expiry_required === b.expiry_required &&
  a.recoverable_keys === b.recoverable_keys;

export async function createKey(
  deps: CreateKeyDeps,
  caller: Caller,
  input: CreateKeyInput,
): Promise<IssuedKey> {
  const now = deps.clock.now();
  const { workspaces, inserts } = deps.keyCreation;
  const workspaceId = caller.principal.workspaceId;
  let { row: workspace, fresh } = await workspaces.get(workspaceId);
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    let prepared: Awaited<ReturnType<typeof prepareKey>>;
    try {
      prepared = await prepareKey(deps, caller, input, workspace, now);
    } catch (error) {
      if (fresh || !(error instanceof ApiError)) throw error;
      // Refused on remembered terms: decide on the store's.
      workspace = await workspaces.read(workspaceId);
      fresh = true;
      continue;
    }
    const stored = await inserts.insert(prepared.insert);
    if (stored.inserted) {
      // A verification of this secret before it existed may have cached "not found".
      const { row } = prepared;
      await publishCollectedKeyChange(deps, {
        keys: [{ keyId: row.id, workspaceId: row.workspace_id, hashes: [prepared.insert.secretHash] }],
      });
      return toIssuedKey(
        { ...prepared.row, identity_id: stored.identityId },
        prepared.secret,
        now,
        workspace,
      );
    }
    const current = await workspaces.read(workspaceId);
    if (sameTerms(current, workspace)) {
      requireWithinLimit(current.plan, "maxKeys", ENTITLEMENTS[current.plan].maxKeys);
    }
    workspace = current;
    fresh = true;
  }
  throw conflict("the workspace changed while the key was being created; try again");
}

/** Checks the input against plan, policy, role and app, and builds the key, its secret and event. */
async function prepareKey(
  deps: CreateKeyDeps,
  caller: Caller,
  input: CreateKeyInput,
  workspace: WorkspaceRow,
  now: Date,
): Promise<{ row: KeyRow; secret: string; insert: KeyInsert }> {
  const { principal } = caller;
  const workspaceId = principal.workspaceId;
  const actor = actorOf(principal, caller.ip);
  const db = deps.store.db;
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
  const rateLimits = nextRateLimits([], input);
  checkPlanFeatures(workspace, { ipAllowlist: input.ipAllowlist, rateLimits, quota: input.quota });
  const expiresAt = toDate(input.expiresAt);
  checkExpiry(workspace, expiresAt, now);

  const prefix = input.prefix ?? workspace.key_prefix;
  const issued = newSecret(prefix);
  const id = newId("key");
  const row: KeyRow = {
    id,
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
    rate_limits: rateLimits,
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
    // Set by the insert: the identity of this externalId, created with the key when missing.
    identity_id: null,
    external_id: input.externalId ?? null,
    source: "keygate",
    // What the store's trigger (migration 0010) keeps: the quota the key starts from.
    quota_limit: input.quota ? Math.max(input.quota.remaining, input.quota.refill?.amount ?? 0) : null,
    leaked_at: null,
    leaked_url: null,
    created_by: actor.id,
    created_at: now,
    updated_at: now,
    // Sealed here, before the insert's statement: a recoverable workspace's keys keep their secret.
    secret_ciphertext: workspace.recoverable_keys ? await deps.secrets.seal(issued.secret, id) : null,
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
      rateLimits,
      quota: input.quota,
      externalId: row.external_id,
    },
    at: now,
  });
  const identity =
    row.external_id === null
      ? undefined
      : {
          newId: newId("identity"),
          audit: auditRowValues({
            workspaceId,
            actor,
            action: "identity.created",
            details: { externalId: row.external_id, meta: {}, rateLimits: [], withKey: row.id },
            at: now,
          }),
        };
  const limit = ENTITLEMENTS[workspace.plan].maxKeys;
  return {
    row,
    secret: issued.secret,
    insert: {
      key: keyRowValues(row),
      secretHash: issued.hash,
      audit,
      terms: workspace,
      maxKeys: Number.isFinite(limit) ? limit : null,
      identity,
    },
  };
}
