/**
 * What a change of a workspace's foreign key formats must tell the rest of the system, once
 * committed: every verifier compiles the new formats (a `foreign_formats` message), and the cached
 * records of the workspace's imported keys are dropped (here and in SDK caches, by key id), so a
 * key whose format was removed answers MALFORMED at once instead of from a cache.
 */
import type { ForeignKeyFormat } from "../workspaces/foreign-key-formats.js";
import { publishKeyChange } from "./invalidate-key.js";
import type { KeyDeps } from "./key-access.js";

export async function publishForeignFormatsChange(
  deps: Pick<KeyDeps, "store" | "invalidation">,
  workspaceId: string,
  formats: ForeignKeyFormat[],
): Promise<void> {
  await deps.invalidation.publish({ kind: "foreign_formats", workspaceId, formats });
  const imported = await deps.store.db
    .selectFrom("keys")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("source", "=", "import")
    .where("deleted_at", "is", null)
    .execute();
  if (imported.length > 0)
    await publishKeyChange(
      deps,
      imported.map((row) => row.id),
    );
}
