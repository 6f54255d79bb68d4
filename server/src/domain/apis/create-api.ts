/** Creates a connected API with the scopes it offers, and its `api.created` event. */
import type { Kysely } from "kysely";
import type { ApiRow, Database } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { newId } from "../ids.js";
import type { Caller } from "../keys/key-access.js";
import { actorOf } from "../principal.js";
import { type CreateApiInput, type PublicApi, toPublicApi } from "./api-object.js";

export async function createApi(
  db: Kysely<Database>,
  caller: Caller,
  input: CreateApiInput,
  now: Date,
): Promise<PublicApi> {
  const row: ApiRow = {
    id: newId("api"),
    workspace_id: caller.principal.workspaceId,
    name: input.name,
    description: input.description,
    scopes: input.scopes,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("apis")
      .values({ ...row, scopes: JSON.stringify(row.scopes) })
      .execute();
    await recordAudit(trx, {
      workspaceId: row.workspace_id,
      actor: actorOf(caller.principal, caller.ip),
      action: "api.created",
      target: { type: "api", id: row.id },
      details: { name: row.name, description: row.description, scopes: input.scopes },
      at: now,
    });
  });
  return toPublicApi(row);
}
