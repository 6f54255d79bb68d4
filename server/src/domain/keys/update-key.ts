/**
 * Edits a key's name, scopes, meta, expiry, enabled flag, IP allowlist, rate limits and quota.
 * A revoked key cannot be changed (409). Only what really changes is written, with one audit
 * event: `key.enabled` / `key.disabled` when the flag is the only change, else `key.updated` with
 * each changed field's old and new value (`rateLimits` whole, whether `rateLimit` or `rateLimits` was
 * sent). Plan features are checked only for what changes, so a form sent back whole after a
 * downgrade can still rename a key, and removing a limit is always possible.
 */
import { conflict } from "../../errors.js";
import type { KeyRow, KeyUpdate, WorkspaceRow } from "../../store/schema.js";
import { assertScopesOffered, offeredScopes } from "../apps/app-scopes.js";
import { recordAudit } from "../audit/record-audit.js";
import { actorOf } from "../principal.js";
import { getWorkspace } from "../workspaces/workspaces.js";
import { collectKeyChange, type KeyChange, publishCollectedKeyChange } from "./invalidate-key.js";
import { assertMayManage, type Caller, type KeyDeps } from "./key-access.js";
import type { UpdateKeyInput } from "./key-inputs.js";
import { type PublicKey, toPublicKey } from "./key-object.js";
import { checkExpiry, checkPlanFeatures, toDate } from "./key-policy.js";
import { nextRateLimits } from "./key-rate-limits.js";
import { lockKey } from "./key-store.js";

type ChangedField =
  | "name"
  | "scopes"
  | "meta"
  | "expiresAt"
  | "enabled"
  | "ipAllowlist"
  | "rateLimits"
  | "quota";

/** The action of a change, for messages: edit, enable or disable. */
function verbOf(input: UpdateKeyInput): { verb: string; done: string } {
  const fields = Object.keys(input);
  if (fields.length === 1 && input.enabled !== undefined)
    return input.enabled ? { verb: "enable", done: "enabled" } : { verb: "disable", done: "disabled" };
  return { verb: "edit", done: "edited" };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function updateKey(
  deps: KeyDeps,
  caller: Caller,
  id: string,
  input: UpdateKeyInput,
): Promise<PublicKey> {
  const { principal } = caller;
  const workspaceId = principal.workspaceId;
  const { verb, done } = verbOf(input);
  assertMayManage(principal, verb);
  const now = deps.clock.now();

  const result = await deps.store.db.transaction().execute(
    async (
      trx,
    ): Promise<{
      row: KeyRow;
      workspace: WorkspaceRow;
      change: KeyChange | undefined;
    }> => {
      const row = await lockKey(trx, workspaceId, id);
      if (row.revoked_at) throw conflict(`the key is revoked for good; it cannot be ${done}`);

      const workspace = await getWorkspace(trx, workspaceId);
      const before = toPublicKey(row, now, workspace);
      const next: KeyRow = { ...row };
      const update: KeyUpdate = {};
      const changes: Partial<Record<ChangedField, { from: unknown; to: unknown }>> = {};
      const record = (field: ChangedField, from: unknown, to: unknown) => {
        changes[field] = { from, to };
      };

      if (input.name !== undefined && input.name !== row.name) {
        record("name", row.name, input.name);
        next.name = update.name = input.name;
      }
      if (input.scopes !== undefined && !same(input.scopes, before.scopes)) {
        if (row.app_id !== null) assertScopesOffered(await offeredScopes(trx, row.app_id), input.scopes);
        record("scopes", before.scopes, input.scopes);
        next.scopes = input.scopes;
        update.scopes = JSON.stringify(input.scopes);
      }
      if (input.meta !== undefined && !same(input.meta, before.meta)) {
        record("meta", before.meta, input.meta);
        next.meta = input.meta;
        update.meta = JSON.stringify(input.meta);
      }
      if (input.expiresAt !== undefined) {
        const expiresAt = toDate(input.expiresAt);
        if (expiresAt?.getTime() !== row.expires_at?.getTime()) {
          checkExpiry(workspace, expiresAt, now);
          record("expiresAt", before.expiresAt, expiresAt?.toISOString() ?? null);
          next.expires_at = update.expires_at = expiresAt;
        }
      }
      if (input.enabled !== undefined && input.enabled !== row.enabled) {
        record("enabled", row.enabled, input.enabled);
        next.enabled = update.enabled = input.enabled;
      }
      if (input.ipAllowlist !== undefined && !same(input.ipAllowlist, before.ipAllowlist)) {
        checkPlanFeatures(workspace, { ipAllowlist: input.ipAllowlist });
        record("ipAllowlist", before.ipAllowlist, input.ipAllowlist);
        next.ip_allowlist = input.ipAllowlist;
        update.ip_allowlist = JSON.stringify(input.ipAllowlist);
      }
      const rateLimits = nextRateLimits(before.rateLimits, input);
      if (!same(rateLimits, before.rateLimits)) {
        const added = rateLimits.filter((limit) => !before.rateLimits.some((old) => same(old, limit)));
        checkPlanFeatures(workspace, { rateLimits: added });
        record("rateLimits", before.rateLimits, rateLimits);
        next.rate_limits = rateLimits;
        update.rate_limits = JSON.stringify(rateLimits);
      }
      if (input.quota !== undefined && !same(input.quota, before.quota)) {
        checkPlanFeatures(workspace, { quota: input.quota });
        record("quota", before.quota, input.quota);
        next.quota_remaining = update.quota_remaining = input.quota?.remaining ?? null;
        next.quota_refill = input.quota?.refill ?? null;
        update.quota_refill = input.quota?.refill ? JSON.stringify(input.quota.refill) : null;
        next.quota_refilled_at = update.quota_refilled_at = input.quota ? now : null;
      }

      const fields = Object.keys(changes) as ChangedField[];
      if (fields.length === 0) return { row, workspace, change: undefined };

      next.updated_at = update.updated_at = now;
      await trx.updateTable("keys").set(update).where("id", "=", row.id).execute();
      const onlyEnabled = fields.length === 1 && fields[0] === "enabled";
      await recordAudit(trx, {
        workspaceId,
        actor: actorOf(principal, caller.ip),
        action: onlyEnabled ? (next.enabled ? "key.enabled" : "key.disabled") : "key.updated",
        target: { type: "key", id: row.id },
        details: onlyEnabled ? { name: row.name } : { name: next.name, fields, changes },
        at: now,
      });
      return { row: next, workspace, change: await collectKeyChange(trx, [row.id]) };
    },
  );

  if (result.change) await publishCollectedKeyChange(deps, result.change);
  return toPublicKey(result.row, now, result.workspace);
}
