/** Sign-out: ends the session server-side, with its `user.signed_out` event, in one transaction. */
import type { Kysely } from "kysely";
import type { Database } from "../../store/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import type { Actor } from "../principal.js";
import { deleteSession } from "./sessions.js";

export async function signOut(
  db: Kysely<Database>,
  input: { sessionHash: string; userId: string; workspaceId: string; actor: Actor; at: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await deleteSession(trx, input.sessionHash);
    await recordAudit(trx, {
      workspaceId: input.workspaceId,
      actor: input.actor,
      action: "user.signed_out",
      target: { type: "user", id: input.userId },
      at: input.at,
    });
  });
}
