/**
 * The scopes an app offers: the union of the scopes of the Apis it is connected to. A key of an
 * app may hold only these, so a change that would take away a scope a live key holds is refused.
 */
import type { Kysely, Transaction } from "kysely";
import { conflict, validationFailed } from "../../errors.js";
import type { Database } from "../../store/schema.js";

type Db = Kysely<Database> | Transaction<Database>;

/** Every scope offered by these Apis. */
export async function scopesOfApis(db: Db, apiIds: readonly string[]): Promise<Set<string>> {
  if (apiIds.length === 0) return new Set();
  const rows = await db.selectFrom("apis").select("scopes").where("id", "in", apiIds).execute();
  return new Set(rows.flatMap((row) => row.scopes as string[]));
}

/** The ids of the Apis an app is connected to. */
export async function apiIdsOfApp(db: Db, appId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("app_apis")
    .select("api_id")
    .where("app_id", "=", appId)
    .orderBy("api_id")
    .execute();
  return rows.map((row) => row.api_id);
}

/** Every scope offered by the Apis connected to the app. */
export async function offeredScopes(db: Db, appId: string): Promise<Set<string>> {
  return scopesOfApis(db, await apiIdsOfApp(db, appId));
}

/** Refuses (400) the first scope the app's connected Apis do not offer. */
export function assertScopesOffered(offered: Set<string>, scopes: readonly string[]): void {
  const missing = scopes.find((scope) => !offered.has(scope));
  if (missing !== undefined)
    throw validationFailed(`scopes: ${missing} is not offered by the app's connected APIs`);
}

/**
 * Refuses (409) a change after which a live (not deleted, not revoked) key of the app would hold a
 * scope that is no longer offered, naming the key and the scope.
 */
export async function assertLiveKeysKeepScopes(
  db: Db,
  app: { id: string; title: string },
  offered: Set<string>,
): Promise<void> {
  const keys = await db
    .selectFrom("keys")
    .select(["id", "name", "scopes"])
    .where("app_id", "=", app.id)
    .where("deleted_at", "is", null)
    .where("revoked_at", "is", null)
    .orderBy("id")
    .execute();
  for (const key of keys) {
    const missing = (key.scopes as string[]).find((scope) => !offered.has(scope));
    if (missing !== undefined)
      throw conflict(
        `scopes: key "${key.name}" (${key.id}) of app "${app.title}" still holds ${missing}, which the change would no longer offer; remove the scope from the key first`,
      );
  }
}
