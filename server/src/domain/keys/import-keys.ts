/**
 * Imports keys issued elsewhere by the SHA-256 of their secrets (POST /v1/keys/import), so a
 * platform moves to Keygate without reissuing its customers' keys. Each row is judged with the
 * rules of key creation (plan features, workspace policy, the app's offered scopes, the caller's
 * role, the plan's key limit) and refused alone when it breaks one; the rest are stored in one
 * transaction, a few multi-row statements (import-insert.ts), with one `key.imported` event.
 *
 * A row whose hash is already a key of this workspace is skipped (an import can be re-run); a hash
 * of another workspace's key is refused in words that do not say so. `dryRun` judges every row
 * under the same lock and writes nothing. Imported keys are tokens with `source: "import"`; their
 * prefix is the workspace's key prefix, so a rotation issues a Keygate key.
 */
import type { Transaction } from "kysely";
import { ApiError, conflict, notFound } from "../../errors.js";
import type { Database, KeyRow, WorkspaceRow } from "../../store/schema.js";
import { assertScopesOffered } from "../apps/app-scopes.js";
import { newId } from "../ids.js";
import { actorOf, type Principal } from "../principal.js";
import { ENTITLEMENTS, requireFeature, requireWithinLimit } from "../workspaces/entitlements.js";
import { readForeignKeyFormats } from "../workspaces/foreign-key-formats.js";
import { isUniqueViolation } from "../workspaces/tenant-external-id.js";
import type { ImportCandidate, ImportKeyRow, ImportRefusal, ImportReport } from "./import-inputs.js";
import { type ImportContext, readImportContext, writeImport } from "./import-insert.js";
import { publishCollectedKeyChange } from "./invalidate-key.js";
import { assertMayIssue, type Caller, type KeyDeps } from "./key-access.js";
import { checkExpiry, checkPlanFeatures, toDate } from "./key-policy.js";
import { nextRateLimits } from "./key-rate-limits.js";

export interface ImportKeysInput {
  /** The rows that passed their own checks. */
  candidates: readonly ImportCandidate[];
  /** The rows already refused by their own checks. */
  refused: readonly ImportRefusal[];
  dryRun: boolean;
}

/** The refusal of a hash used by another workspace: it must not say so. */
const HASH_UNAVAILABLE = "hash: this key cannot be imported";

/** A stored key row for a judged import row. */
function importedKeyRow(
  row: ImportKeyRow,
  workspace: WorkspaceRow,
  environment: KeyRow["environment"],
  createdBy: string | null,
  now: Date,
): KeyRow {
  const [firstFormat] = readForeignKeyFormats(workspace.foreign_key_formats);
  return {
    id: newId("key"),
    workspace_id: workspace.id,
    app_id: row.appId ?? null,
    kind: "token",
    name: row.name,
    environment,
    prefix: workspace.key_prefix,
    start: row.start ?? firstFormat?.prefix ?? `${workspace.key_prefix}_`,
    shared_key: null,
    scopes: row.scopes,
    meta: row.meta,
    expires_at: toDate(row.expiresAt),
    ip_allowlist: row.ipAllowlist,
    rate_limits: nextRateLimits([], row),
    quota_remaining: row.quota?.remaining ?? null,
    quota_refill: row.quota?.refill ?? null,
    quota_refilled_at: row.quota ? now : null,
    enabled: row.enabled,
    revoked_at: null,
    revoked_reason: null,
    rotated_at: null,
    deleted_at: null,
    usage_count: 0,
    last_used_at: null,
    last_used_ip: null,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
    secret_ciphertext: null,
    identity_id: null,
    external_id: row.externalId ?? null,
    // What the store's trigger (migration 0010) keeps: the quota the key starts from.
    quota_limit: row.quota ? Math.max(row.quota.remaining, row.quota.refill?.amount ?? 0) : null,
    leaked_at: null,
    leaked_url: null,
    source: "import",
  };
}

/**
 * Runs the import's transaction. Imports of one workspace queue on its lock; an import of another
 * workspace that stores one of the same hashes meanwhile makes this one fail on the hash's unique
 * index: refused as a conflict (a re-run then skips what was imported), never a 500.
 */
async function inTransaction<T>(deps: KeyDeps, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  try {
    return await deps.store.db.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict("a key with one of these hashes was stored while this import ran; run it again");
    }
    throw error;
  }
}

/** Judges every row and, unless a dry run, stores those it accepts; answers the report. */
export async function importKeys(
  deps: KeyDeps,
  caller: Caller,
  input: ImportKeysInput,
): Promise<ImportReport> {
  const now = deps.clock.now();
  const { principal } = caller;
  const actor = actorOf(principal, caller.ip);
  const result = await inTransaction(deps, async (trx) => {
    const context = await readImportContext(trx, principal.workspaceId, input.candidates);
    const { workspace } = context;
    requireFeature(workspace.plan, "apiAccess");
    const report = judgeRows(input, context, principal, now, (row, environment) =>
      importedKeyRow(row, workspace, environment, actor.id, now),
    );
    const maxKeys = ENTITLEMENTS[workspace.plan].maxKeys;
    const accepted = withinLimit(report.accepted, workspace, maxKeys, report.refused);
    if (!input.dryRun) {
      await writeImport(trx, {
        workspace,
        keys: accepted,
        actor,
        at: now,
        counts: { skipped: report.skipped.length, refused: report.refused.length },
      });
    }
    return { accepted, skipped: report.skipped, refused: report.refused };
  });
  if (!input.dryRun && result.accepted.length > 0) {
    // Verifications of these secrets before the import may have cached "not found".
    await publishCollectedKeyChange(deps, {
      keys: result.accepted.map(({ row, hash }) => ({
        keyId: row.id,
        workspaceId: row.workspace_id,
        hashes: [hash],
      })),
    });
  }
  const byIndex = <T extends { index: number }>(items: T[]) => items.sort((a, b) => a.index - b.index);
  return {
    imported: byIndex(result.accepted.map(({ index, row }) => ({ index, id: row.id }))),
    skipped: byIndex(result.skipped),
    refused: byIndex(result.refused),
  };
}

/** An accepted row: its place, its key row and its secret's hash. */
export interface AcceptedImport {
  index: number;
  row: KeyRow;
  hash: string;
}

/** Judges each row on its own, in the request's order. */
function judgeRows(
  input: ImportKeysInput,
  context: ImportContext,
  principal: Principal,
  now: Date,
  build: (row: ImportKeyRow, environment: KeyRow["environment"]) => KeyRow,
) {
  const { workspace, apps, existing } = context;
  const accepted: AcceptedImport[] = [];
  const skipped: ImportReport["skipped"] = [];
  const refused: ImportRefusal[] = [...input.refused];
  const firstIndexOfHash = new Map<string, number>();
  for (const { index, row } of input.candidates) {
    const earlier = firstIndexOfHash.get(row.hash);
    if (earlier !== undefined) {
      refused.push({ index, code: "VALIDATION_FAILED", message: `hash: the same as row ${earlier}'s` });
      continue;
    }
    firstIndexOfHash.set(row.hash, index);
    const owner = existing.get(row.hash);
    if (owner !== undefined) {
      if (owner.workspaceId !== workspace.id) {
        refused.push({ index, code: "CONFLICT", message: HASH_UNAVAILABLE });
      } else if (owner.deleted) {
        refused.push({
          index,
          code: "CONFLICT",
          message: "hash: a deleted key of this workspace had this secret; it cannot be imported again",
        });
      } else {
        skipped.push({ index, id: owner.keyId, reason: "ALREADY_IMPORTED" });
      }
      continue;
    }
    try {
      let environment: KeyRow["environment"] = "production";
      if (row.appId !== undefined) {
        const app = apps.get(row.appId);
        if (app === undefined) throw notFound("app");
        environment = app.environment;
        assertScopesOffered(app.scopes, row.scopes);
      }
      assertMayIssue(principal, environment, "create");
      checkPlanFeatures(workspace, {
        ipAllowlist: row.ipAllowlist,
        rateLimits: nextRateLimits([], row),
        quota: row.quota,
      });
      checkExpiry(workspace, toDate(row.expiresAt), now);
      accepted.push({ index, row: build(row, environment), hash: row.hash });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      refused.push({ index, code: error.code, message: error.message });
    }
  }
  return { accepted, skipped, refused };
}

/** The accepted rows that fit under the plan's key limit; the rest are refused as creation would. */
function withinLimit(
  accepted: AcceptedImport[],
  workspace: WorkspaceRow,
  maxKeys: number,
  refused: ImportRefusal[],
): AcceptedImport[] {
  if (!Number.isFinite(maxKeys)) return accepted;
  const fits: AcceptedImport[] = [];
  for (const item of accepted) {
    try {
      requireWithinLimit(workspace.plan, "maxKeys", workspace.live_keys + fits.length);
      fits.push(item);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      refused.push({ index: item.index, code: error.code, message: error.message });
    }
  }
  return fits;
}
