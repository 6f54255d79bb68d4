/** Deletes a connected API; refused (409) while an app is still connected to it. */
import type { Kysely } from "kysely";
import { conflict, notFound } from "../../errors.js";
import type { Database } from "../../store/schema.js";
import { appsConnectedTo } from "../apps/find-apps.js";
import { recordAudit } from "../audit/record-audit.js";
import type { Caller } from "../keys/key-access.js";
import { actorOf } from "../principal.js";

export async function deleteApi(db: Kysely<Database>, caller: Caller, id: string, now: Date): Promise<void> {
  const workspaceId = caller.principal.workspaceId;
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("apis")
      .select(["id", "name"])
      .where("id", "=", id)
      .where("workspace_id", "=", workspaceId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound("api");
    const [connected] = await appsConnectedTo(trx, id);
    if (connected)
      throw conflict(
        `the API is still connected to app "${connected.title}" (${connected.id}); disconnect it first`,
      );
    await trx.deleteFrom("apis").where("id", "=", id).execute();
    await recordAudit(trx, {
      workspaceId,
      actor: actorOf(caller.principal, caller.ip),
      action: "api.deleted",
      target: { type: "api", id },
      details: { name: row.name },
      at: now,
    });
  });
}
