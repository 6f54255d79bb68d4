/**
 * Leaked root keys. A root key reported by secret scanning is deleted at once (a root key has no
 * disabled state, and it can do anything its grants allow), unless its workspace's leak response
 * is `notify`; either way the audit trail gets `root_key.leaked` with where it was found, and the
 * root key caches of every node drop it after the commit. The reporter learns only the label.
 */
import type { Kysely } from "kysely";
import type { Database } from "../../store/schema.js";
import type { Invalidation } from "../../verifier/invalidation.js";
import { recordAudit } from "../audit/record-audit.js";
import type { Actor } from "../principal.js";
import type { LeakReport } from "./report-leaks.js";

export interface RootKeyLeakDeps {
  db: Kysely<Database>;
  invalidation: Invalidation;
}

/** Handles the reports whose hash is a root key's; answers the hashes that were root keys. */
export async function reportRootKeyLeaks(
  deps: RootKeyLeakDeps,
  actor: Actor,
  at: Date,
  reported: ReadonlyArray<{ report: LeakReport; hash: string }>,
): Promise<Set<string>> {
  const wanted = [...new Set(reported.map(({ hash }) => hash))];
  if (wanted.length === 0) return new Set();
  const deleted = await deps.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("root_keys")
      .innerJoin("workspaces", "workspaces.id", "root_keys.workspace_id")
      .select([
        "root_keys.id",
        "root_keys.workspace_id",
        "root_keys.name",
        "root_keys.start",
        "root_keys.secret_hash",
        "workspaces.leak_response",
      ])
      .where("root_keys.secret_hash", "in", wanted)
      .orderBy("root_keys.id")
      .forUpdate()
      .execute();
    const gone: string[] = [];
    for (const row of rows) {
      const report = reported.find(({ hash }) => hash === row.secret_hash)?.report;
      const remove = row.leak_response !== "notify";
      if (remove) {
        await trx.deleteFrom("root_keys").where("id", "=", row.id).execute();
        await recordAudit(trx, {
          workspaceId: row.workspace_id,
          actor,
          action: "root_key.deleted",
          target: { type: "root_key", id: row.id },
          details: { name: row.name, start: row.start, reason: `leaked: reported at ${report?.url ?? ""}` },
          at,
        });
        gone.push(row.secret_hash);
      }
      await recordAudit(trx, {
        workspaceId: row.workspace_id,
        actor,
        action: "root_key.leaked",
        target: { type: "root_key", id: row.id },
        details: {
          name: row.name,
          start: row.start,
          url: report?.url ?? null,
          source: report?.source ?? null,
          type: report?.type ?? null,
          response: remove ? "delete" : "notify",
        },
        at,
      });
    }
    return { found: new Set(rows.map((row) => row.secret_hash)), gone };
  });
  if (deleted.gone.length > 0) await deps.invalidation.publish({ kind: "root_key", hashes: deleted.gone });
  return deleted.found;
}
