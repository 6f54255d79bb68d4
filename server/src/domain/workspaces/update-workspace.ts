/**
 * Workspace settings: name, default key prefix, key policy (with the key hygiene policy:
 * hygiene/hygiene-policy.ts), recoverable keys, foreign key formats
 * (foreign-key-formats.ts) and the portal's branding (platform mode), changed with a `workspace.updated` event listing what changed, in one
 * transaction. The plan is not here: the operator sets it with the CLI or, for a tenant, with
 * `PATCH /v1/workspaces/{id}` (update-tenant.ts, which reuses {@link applySettings}). A new prefix
 * applies to keys created afterwards; existing keys keep theirs. Turning recoverable keys on
 * applies to keys created (or rotated) afterwards; turning it off erases every kept secret of the
 * workspace in the same transaction, so no key can be revealed after that.
 */
import type { Kysely, Transaction } from "kysely";
import { notFound } from "../../errors.js";
import type { Database, LeakResponse, WorkspaceRow } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { type Branding, mergeBranding, readBranding } from "../portal/branding.js";
import type { Actor } from "../principal.js";
import { type ForeignKeyFormat, readForeignKeyFormats } from "./foreign-key-formats.js";

export interface WorkspaceChanges {
  name?: string | undefined;
  keyPrefix?: string | undefined;
  policy?:
    | {
        maxKeyLifetimeSeconds?: number | null | undefined;
        expiryRequired?: boolean | undefined;
        rotationReminderDays?: number | null | undefined;
        unusedKeyDays?: number | undefined;
        autoDisableUnusedDays?: number | null | undefined;
        leakResponse?: LeakResponse | undefined;
      }
    | undefined;
  recoverableKeys?: boolean | undefined;
  /** The whole new list of formats of keys issued elsewhere (replaces the old one). */
  foreignKeyFormats?: ForeignKeyFormat[] | undefined;
  /** A field set to null clears it; an absent one keeps its value. */
  branding?: { [K in keyof Branding]?: Branding[K] | undefined } | undefined;
  /** A tenant's customer id (only the operator changes it, through PATCH /v1/workspaces/{id}). */
  externalId?: string | undefined;
}

/** What `workspace.updated` records: the changed fields with their values before and after. */
export interface SettingsChange {
  fields: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  /** How many kept secrets were erased (when recoverable keys were turned off). */
  erasedSecrets?: number;
}

/**
 * Applies the changes to the locked row `current` inside `trx`; returns the row as it now is and
 * what changed (`undefined` when nothing did, and then nothing is written).
 */
export async function applySettings(
  trx: Transaction<Database>,
  current: WorkspaceRow,
  changes: WorkspaceChanges,
  at: Date,
): Promise<{ row: WorkspaceRow; change: SettingsChange | undefined }> {
  const branding = readBranding(current.branding);
  const nextBranding = changes.branding === undefined ? branding : mergeBranding(branding, changes.branding);
  const formats = readForeignKeyFormats(current.foreign_key_formats);
  const nextFormats = changes.foreignKeyFormats ?? formats;
  const next: WorkspaceRow = {
    ...current,
    name: changes.name ?? current.name,
    key_prefix: changes.keyPrefix ?? current.key_prefix,
    max_key_lifetime_seconds:
      changes.policy?.maxKeyLifetimeSeconds === undefined
        ? current.max_key_lifetime_seconds
        : changes.policy.maxKeyLifetimeSeconds,
    expiry_required: changes.policy?.expiryRequired ?? current.expiry_required,
    rotation_reminder_days:
      changes.policy?.rotationReminderDays === undefined
        ? current.rotation_reminder_days
        : changes.policy.rotationReminderDays,
    unused_key_days: changes.policy?.unusedKeyDays ?? current.unused_key_days,
    auto_disable_unused_days:
      changes.policy?.autoDisableUnusedDays === undefined
        ? current.auto_disable_unused_days
        : changes.policy.autoDisableUnusedDays,
    leak_response: changes.policy?.leakResponse ?? current.leak_response,
    recoverable_keys: changes.recoverableKeys ?? current.recoverable_keys,
    external_id: changes.externalId ?? current.external_id,
    branding: nextBranding,
    foreign_key_formats: nextFormats,
  };
  const compared: [string, unknown, unknown][] = [
    ["name", current.name, next.name],
    ["externalId", current.external_id, next.external_id],
    ["keyPrefix", current.key_prefix, next.key_prefix],
    ["policy.maxKeyLifetimeSeconds", current.max_key_lifetime_seconds, next.max_key_lifetime_seconds],
    ["policy.expiryRequired", current.expiry_required, next.expiry_required],
    ["policy.rotationReminderDays", current.rotation_reminder_days, next.rotation_reminder_days],
    ["policy.unusedKeyDays", current.unused_key_days, next.unused_key_days],
    ["policy.autoDisableUnusedDays", current.auto_disable_unused_days, next.auto_disable_unused_days],
    ["policy.leakResponse", current.leak_response, next.leak_response],
    ["recoverableKeys", current.recoverable_keys, next.recoverable_keys],
    ["branding.productName", branding.productName, nextBranding.productName],
    ["branding.logoUrl", branding.logoUrl, nextBranding.logoUrl],
    ["branding.accentColor", branding.accentColor, nextBranding.accentColor],
    ["foreignKeyFormats", formats, nextFormats],
  ];
  // By value: the formats are a list (the other fields are plain values, compared alike).
  const changed = compared.filter(([, before, after]) => JSON.stringify(before) !== JSON.stringify(after));
  if (changed.length === 0) return { row: current, change: undefined };

  const updated = { ...next, updated_at: at };
  await trx
    .updateTable("workspaces")
    .set({
      name: updated.name,
      external_id: updated.external_id,
      key_prefix: updated.key_prefix,
      max_key_lifetime_seconds: updated.max_key_lifetime_seconds,
      expiry_required: updated.expiry_required,
      rotation_reminder_days: updated.rotation_reminder_days,
      unused_key_days: updated.unused_key_days,
      auto_disable_unused_days: updated.auto_disable_unused_days,
      leak_response: updated.leak_response,
      recoverable_keys: updated.recoverable_keys,
      branding: JSON.stringify(nextBranding),
      foreign_key_formats: JSON.stringify(nextFormats),
      updated_at: updated.updated_at,
    })
    .where("id", "=", current.id)
    .execute();
  const erasedSecrets =
    current.recoverable_keys && !updated.recoverable_keys
      ? await eraseKeptSecrets(trx, current.id)
      : undefined;
  return {
    row: updated,
    change: {
      fields: changed.map(([field]) => field),
      before: Object.fromEntries(changed.map(([field, before]) => [field, before])),
      after: Object.fromEntries(changed.map(([field, , after]) => [field, after])),
      ...(erasedSecrets === undefined ? {} : { erasedSecrets }),
    },
  };
}

/** Applies the changes and returns the workspace as it now is; no event when nothing changed. */
export async function updateWorkspace(
  db: Kysely<Database>,
  input: { workspaceId: string; changes: WorkspaceChanges; actor: Actor; at: Date },
): Promise<WorkspaceRow> {
  return db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("workspaces")
      .selectAll()
      .where("id", "=", input.workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw notFound("workspace");
    const { row, change } = await applySettings(trx, current, input.changes, input.at);
    if (change === undefined) return row;
    await recordAudit(trx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "workspace.updated",
      target: { type: "workspace", id: input.workspaceId },
      details: { ...change },
      at: input.at,
    });
    return row;
  });
}

/** Erases the kept (encrypted) secrets of every key of the workspace; resolves how many. */
async function eraseKeptSecrets(trx: Transaction<Database>, workspaceId: string): Promise<number> {
  const result = await trx
    .updateTable("keys")
    .set({ secret_ciphertext: null })
    .where("workspace_id", "=", workspaceId)
    .where("secret_ciphertext", "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
