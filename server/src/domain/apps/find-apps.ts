/** Reading the workspace's apps: the paged list, and one app with its keys and connected Apis. */
import type { Kysely, Transaction } from "kysely";
import { notFound } from "../../errors.js";
import type { AppRow, Database } from "../../store/schema.js";
import { toPublicApi } from "../apis/api-object.js";
import { keysOfApp } from "../keys/list-keys.js";
import { newestFirst } from "../paging.js";
import { type AppDetail, type AppListItem, toPublicApp } from "./app-object.js";

type Db = Kysely<Database> | Transaction<Database>;

export async function listApps(
  db: Db,
  workspaceId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ data: AppListItem[]; nextCursor: string | null }> {
  const result = await newestFirst(
    db.selectFrom("apps").selectAll().where("workspace_id", "=", workspaceId),
    page,
  );
  const ids = result.data.map((row) => row.id);
  const links =
    ids.length === 0
      ? []
      : await db
          .selectFrom("app_apis")
          .select(["app_id", "api_id"])
          .where("app_id", "in", ids)
          .orderBy("api_id")
          .execute();
  // One count per page, on the keys_app_list index, instead of a read per app card.
  const counts =
    ids.length === 0
      ? []
      : await db
          .selectFrom("keys")
          .select((eb) => ["app_id", eb.fn.countAll<string>().as("n")])
          .where("app_id", "in", ids)
          .where("deleted_at", "is", null)
          .groupBy("app_id")
          .execute();
  const apisByApp = new Map<string, string[]>();
  for (const link of links) apisByApp.set(link.app_id, [...(apisByApp.get(link.app_id) ?? []), link.api_id]);
  const keysByApp = new Map(counts.map((count) => [count.app_id, Number(count.n)]));
  return {
    data: result.data.map((row) => ({
      ...toPublicApp(row, apisByApp.get(row.id) ?? []),
      keyCount: keysByApp.get(row.id) ?? 0,
    })),
    nextCursor: result.nextCursor,
  };
}

/** The app of this workspace; 404 otherwise. */
export async function findApp(db: Db, workspaceId: string, id: string): Promise<AppRow> {
  const row = await db
    .selectFrom("apps")
    .selectAll()
    .where("id", "=", id)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound("app");
  return row;
}

/** The apps connected to this Api, by id. */
export async function appsConnectedTo(db: Db, apiId: string): Promise<Pick<AppRow, "id" | "title">[]> {
  return db
    .selectFrom("app_apis")
    .innerJoin("apps", "apps.id", "app_apis.app_id")
    .select(["apps.id", "apps.title"])
    .where("app_apis.api_id", "=", apiId)
    .orderBy("apps.id")
    .execute();
}

/** One app with its live keys and its connected Apis. */
export async function getAppDetail(db: Db, workspaceId: string, id: string, now: Date): Promise<AppDetail> {
  const row = await findApp(db, workspaceId, id);
  const apis = await db
    .selectFrom("apis")
    .innerJoin("app_apis", "app_apis.api_id", "apis.id")
    .selectAll("apis")
    .where("app_apis.app_id", "=", id)
    .orderBy("apis.id")
    .execute();
  const keys = await keysOfApp(db, workspaceId, id, now);
  return {
    ...toPublicApp(
      row,
      apis.map((api) => api.id),
    ),
    keys,
    apis: apis.map(toPublicApi),
  };
}
