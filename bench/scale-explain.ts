/**
 * The plans of the scale benchmark's point lookups and rare filters at a size: EXPLAIN (ANALYZE,
 * BUFFERS) of the statements the API sends for a whole pasted key (its secret hash, then the key by
 * id), `status=revoked`, `status=disabled` and the audit filter by actor, printed compactly (each
 * plan node, the index it reads, its buffers, and the execution time), to show each reads its
 * index and how many pages it touches.
 */
import { sql } from "kysely";
import { hashSecret } from "../server/src/domain/key-format.js";
import type { Store } from "../server/src/store/database.js";

const PAGE = 51;

/** Prints the plans; `pasted` is a whole key created through the API, `actor` the rare actor. */
export async function explainLookups(
  store: Store,
  workspaceId: string,
  pasted: { key: string; id: string },
  actor: string,
): Promise<void> {
  const lookups: Array<[string, ReturnType<typeof sql>]> = [
    [
      "whole key: secret hash",
      sql`select key_id from key_secrets where secret_hash = ${hashSecret(pasted.key)} and workspace_id = ${workspaceId}`,
    ],
    [
      "whole key: the key by id",
      sql`select * from keys where workspace_id = ${workspaceId} and deleted_at is null and id = ${pasted.id}
          order by id desc limit ${PAGE}`,
    ],
    [
      "status=revoked",
      sql`select * from keys where workspace_id = ${workspaceId} and deleted_at is null
          and revoked_at is not null order by id desc limit ${PAGE}`,
    ],
    [
      "status=disabled",
      sql`select * from keys where workspace_id = ${workspaceId} and deleted_at is null
          and revoked_at is null and enabled = false order by id desc limit ${PAGE}`,
    ],
    [
      "audit: actorId",
      sql`select * from audit_events where workspace_id = ${workspaceId} and actor_id = ${actor}
          order by id desc limit ${PAGE}`,
    ],
  ];
  for (const [name, query] of lookups) {
    const plan = await sql<Record<string, string>>`explain (analyze, buffers) ${query}`.execute(store.db);
    const lines = plan.rows
      .map((row) => Object.values(row)[0] ?? "")
      .filter((line) => /Scan|Limit|Buffers|Execution Time|Index Cond/.test(line))
      .map((line) => `    ${line.trim()}`);
    console.log(`  ${name}\n${lines.join("\n")}`);
  }
}
