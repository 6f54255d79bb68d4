/**
 * Edits a connected API's name, description and scopes. Taking away a scope that a live key of a
 * connected app still holds (and no other Api of that app offers) is refused (409).
 */
import type { Kysely } from "kysely";
import { notFound } from "../../errors.js";
import type { Database } from "../../store/schema.js";
import { apiIdsOfApp, assertLiveKeysKeepScopes, scopesOfApis } from "../apps/app-scopes.js";
import { appsConnectedTo } from "../apps/find-apps.js";
import { recordAudit } from "../audit/record-audit.js";
import type { Caller } from "../keys/key-access.js";
import { actorOf } from "../principal.js";
import { type PublicApi, toPublicApi, type UpdateApiInput } from "./api-object.js";

export async function updateApi(
  db: Kysely<Database>,
  caller: Caller,
  id: string,
  input: UpdateApiInput,
  now: Date,
): Promise<PublicApi> {
  const workspaceId = caller.principal.workspaceId;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("apis")
      .selectAll()
      .where("id", "=", id)
      .where("workspace_id", "=", workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound("api");
    const before = toPublicApi(row);
    const next = { ...row };
    const changes: Record<string, { from: unknown; to: unknown }> = {};

    if (input.name !== undefined && input.name !== row.name) {
      changes.name = { from: row.name, to: input.name };
      next.name = input.name;
    }
    if (input.description !== undefined && input.description !== row.description) {
      changes.description = { from: row.description, to: input.description };
      next.description = input.description;
    }
    if (input.scopes !== undefined && JSON.stringify(input.scopes) !== JSON.stringify(before.scopes)) {
      const removed = before.scopes.filter((scope) => !input.scopes?.includes(scope));
      if (removed.length > 0) {
        for (const app of await appsConnectedTo(trx, id)) {
          const others = (await apiIdsOfApp(trx, app.id)).filter((apiId) => apiId !== id);
          const offered = await scopesOfApis(trx, others);
          for (const scope of input.scopes) offered.add(scope);
          await assertLiveKeysKeepScopes(trx, app, offered);
        }
      }
      changes.scopes = { from: before.scopes, to: input.scopes };
      next.scopes = input.scopes;
    }

    if (Object.keys(changes).length === 0) return before;
    next.updated_at = now;
    await trx
      .updateTable("apis")
      .set({
        name: next.name,
        description: next.description,
        scopes: JSON.stringify(next.scopes),
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(caller.principal, caller.ip),
      action: "api.updated",
      target: { type: "api", id },
      details: { name: next.name, fields: Object.keys(changes), changes },
      at: now,
    });
    return toPublicApi(next);
  });
}
