/**
 * Deletes an app and, with it, its keys: each key is soft-deleted with its own `key.deleted`
 * event (gone from lists and verification, kept for the record), in one transaction with
 * `app.deleted`; then every key's cached verification record is dropped.
 */
import { notFound } from "../../errors.js";
import { recordAudit } from "../audit/record-audit.js";
import { softDeleteKeys } from "../keys/delete-key.js";
import { publishCollectedKeyChange } from "../keys/invalidate-key.js";
import type { Caller, KeyDeps } from "../keys/key-access.js";
import { actorOf } from "../principal.js";

export async function deleteApp(deps: KeyDeps, caller: Caller, id: string): Promise<void> {
  const workspaceId = caller.principal.workspaceId;
  const now = deps.clock.now();
  const actor = actorOf(caller.principal, caller.ip);
  const change = await deps.store.db.transaction().execute(async (trx) => {
    const app = await trx
      .selectFrom("apps")
      .select(["id", "title", "environment"])
      .where("id", "=", id)
      .where("workspace_id", "=", workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!app) throw notFound("app");
    const keys = await trx
      .selectFrom("keys")
      .select(["id", "workspace_id", "name", "start", "app_id"])
      .where("app_id", "=", id)
      .where("deleted_at", "is", null)
      .orderBy("id")
      .forUpdate()
      .execute();
    const deleted = await softDeleteKeys(trx, keys, actor, now, "app deleted");
    await trx.deleteFrom("apps").where("id", "=", id).execute();
    await recordAudit(trx, {
      workspaceId,
      actor,
      action: "app.deleted",
      target: { type: "app", id },
      details: { title: app.title, environment: app.environment, keysDeleted: keys.length },
      at: now,
    });
    return deleted;
  });
  await publishCollectedKeyChange(deps, change);
}
