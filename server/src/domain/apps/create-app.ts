/** Creates an app connected to some of the workspace's Apis, with its `app.created` event. */
import type { AppRow } from "../../store/schema.js";
import { findApis } from "../apis/find-apis.js";
import { recordAudit } from "../audit/record-audit.js";
import { newId } from "../ids.js";
import type { Caller, KeyDeps } from "../keys/key-access.js";
import { actorOf } from "../principal.js";
import { type CreateAppInput, type PublicApp, toPublicApp } from "./app-object.js";

export async function createApp(deps: KeyDeps, caller: Caller, input: CreateAppInput): Promise<PublicApp> {
  const workspaceId = caller.principal.workspaceId;
  const now = deps.clock.now();
  const row: AppRow = {
    id: newId("app"),
    workspace_id: workspaceId,
    title: input.title,
    description: input.description,
    environment: input.environment,
    created_at: now,
    updated_at: now,
  };
  const apiIds = [...input.apiIds].sort();
  await deps.store.db.transaction().execute(async (trx) => {
    await findApis(trx, workspaceId, apiIds);
    await trx.insertInto("apps").values(row).execute();
    if (apiIds.length > 0)
      await trx
        .insertInto("app_apis")
        .values(apiIds.map((apiId) => ({ app_id: row.id, api_id: apiId })))
        .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(caller.principal, caller.ip),
      action: "app.created",
      target: { type: "app", id: row.id },
      details: { title: row.title, description: row.description, environment: row.environment, apiIds },
      at: now,
    });
  });
  return toPublicApp(row, apiIds);
}
