/**
 * Workspace settings: name, default key prefix, key policy and recoverable keys, changed with a
 * `workspace.updated` event listing what changed, in one transaction. The plan is not here: the
 * operator sets it with the CLI. A new prefix applies to keys created afterwards; existing keys
 * keep theirs. Turning recoverable keys on applies to keys created (or rotated) afterwards;
 * turning it off erases every kept secret of the workspace in the same transaction, so no key
 * can be revealed after that.
 */
import type { Kysely, Transaction } from "kysely";
import { notFound } from "../../errors.js";
import type { Database, WorkspaceRow } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import type { Actor } from "../principal.js";

export interface WorkspaceChanges {
  name?: string | undefined;
  keyPrefix?: string | undefined;
  policy?:
    | {
        maxKeyLifetimeSeconds?: number | null | undefined;
        expiryRequired?: boolean | undefined;
      }
    | undefined;
  recoverableKeys?: boolean | undefined;
}

type Field =
  | "name"
  | "keyPrefix"
  | "policy.maxKeyLifetimeSeconds"
  | "policy.expiryRequired"
  | "recoverableKeys";

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

    const { changes } = input;
    const next: WorkspaceRow = {
      ...current,
      name: changes.name ?? current.name,
      key_prefix: changes.keyPrefix ?? current.key_prefix,
      max_key_lifetime_seconds:
        changes.policy?.maxKeyLifetimeSeconds === undefined
          ? current.max_key_lifetime_seconds
          : changes.policy.maxKeyLifetimeSeconds,
      expiry_required: changes.policy?.expiryRequired ?? current.expiry_required,
      recoverable_keys: changes.recoverableKeys ?? current.recoverable_keys,
    };
    const compared: [Field, unknown, unknown][] = [
      ["name", current.name, next.name],
      ["keyPrefix", current.key_prefix, next.key_prefix],
      ["policy.maxKeyLifetimeSeconds", current.max_key_lifetime_seconds, next.max_key_lifetime_seconds],
      ["policy.expiryRequired", current.expiry_required, next.expiry_required],
      ["recoverableKeys", current.recoverable_keys, next.recoverable_keys],
    ];
    const changed = compared.filter(([, before, after]) => before !== after);
    if (changed.length === 0) return current;

    const updated = { ...next, updated_at: input.at };
    await trx
      .updateTable("workspaces")
      .set({
        name: updated.name,
        key_prefix: updated.key_prefix,
        max_key_lifetime_seconds: updated.max_key_lifetime_seconds,
        expiry_required: updated.expiry_required,
        recoverable_keys: updated.recoverable_keys,
        updated_at: updated.updated_at,
      })
      .where("id", "=", input.workspaceId)
      .execute();
    const erasedSecrets =
      current.recoverable_keys && !updated.recoverable_keys
        ? await eraseKeptSecrets(trx, input.workspaceId)
        : undefined;
    await recordAudit(trx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "workspace.updated",
      target: { type: "workspace", id: input.workspaceId },
      details: {
        fields: changed.map(([field]) => field),
        before: Object.fromEntries(changed.map(([field, before]) => [field, before])),
        after: Object.fromEntries(changed.map(([field, , after]) => [field, after])),
        ...(erasedSecrets === undefined ? {} : { erasedSecrets }),
      },
      at: input.at,
    });
    return updated;
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
