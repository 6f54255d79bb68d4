/**
 * Edits an app: title, description, environment (its keys move with it) and the set of connected
 * Apis. Disconnecting an Api whose scopes live keys of the app still hold is refused (409).
 */
import { notFound } from "../../errors.js";
import { findApis } from "../apis/find-apis.js";
import { recordAudit } from "../audit/record-audit.js";
import { collectKeyChange, publishCollectedKeyChange } from "../keys/invalidate-key.js";
import type { Caller, KeyDeps } from "../keys/key-access.js";
import { actorOf } from "../principal.js";
import { type PublicApp, toPublicApp, type UpdateAppInput } from "./app-object.js";
import { apiIdsOfApp, assertLiveKeysKeepScopes, scopesOfApis } from "./app-scopes.js";

export async function updateApp(
  deps: KeyDeps,
  caller: Caller,
  id: string,
  input: UpdateAppInput,
): Promise<PublicApp> {
  const workspaceId = caller.principal.workspaceId;
  const now = deps.clock.now();
  const result = await deps.store.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("apps")
      .selectAll()
      .where("id", "=", id)
      .where("workspace_id", "=", workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound("app");
    const apiIds = await apiIdsOfApp(trx, id);
    const next = { ...row };
    let nextApiIds = apiIds;
    const changes: Record<string, { from: unknown; to: unknown }> = {};

    if (input.title !== undefined && input.title !== row.title) {
      changes.title = { from: row.title, to: input.title };
      next.title = input.title;
    }
    if (input.description !== undefined && input.description !== row.description) {
      changes.description = { from: row.description, to: input.description };
      next.description = input.description;
    }
    if (input.environment !== undefined && input.environment !== row.environment) {
      changes.environment = { from: row.environment, to: input.environment };
      next.environment = input.environment;
    }
    if (input.apiIds !== undefined) {
      const wanted = [...input.apiIds].sort();
      if (JSON.stringify(wanted) !== JSON.stringify(apiIds)) {
        await findApis(trx, workspaceId, wanted);
        if (apiIds.some((apiId) => !wanted.includes(apiId)))
          await assertLiveKeysKeepScopes(trx, next, await scopesOfApis(trx, wanted));
        changes.apiIds = { from: apiIds, to: wanted };
        nextApiIds = wanted;
      }
    }

    if (Object.keys(changes).length === 0) return { app: toPublicApp(row, apiIds), change: { keys: [] } };
    next.updated_at = now;
    await trx
      .updateTable("apps")
      .set({
        title: next.title,
        description: next.description,
        environment: next.environment,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    if (changes.apiIds) {
      await trx.deleteFrom("app_apis").where("app_id", "=", id).execute();
      if (nextApiIds.length > 0)
        await trx
          .insertInto("app_apis")
          .values(nextApiIds.map((apiId) => ({ app_id: id, api_id: apiId })))
          .execute();
    }
    let movedKeys: string[] = [];
    if (changes.environment) {
      const moved = await trx
        .updateTable("keys")
        .set({ environment: next.environment, updated_at: now })
        .where("app_id", "=", id)
        .where("deleted_at", "is", null)
        .returning("id")
        .execute();
      movedKeys = moved.map((key) => key.id);
    }
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(caller.principal, caller.ip),
      action: "app.updated",
      target: { type: "app", id },
      details: {
        title: next.title,
        fields: Object.keys(changes),
        changes,
        ...(changes.environment ? { keysMoved: movedKeys.length } : {}),
      },
      at: now,
    });
    return { app: toPublicApp(next, nextApiIds), change: await collectKeyChange(trx, movedKeys) };
  });
  await publishCollectedKeyChange(deps, result.change);
  return result.app;
}
