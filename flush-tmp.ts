import { openStore } from "./server/src/store/database.ts";
import { migrateToLatest } from "./server/src/store/migrate.ts";
import { writeUsageBatch, type UsageBatch } from "./server/src/domain/usage/write-usage.ts";
import { createWorkspace } from "./server/src/domain/workspaces/workspaces.ts";
import { newId } from "./server/src/domain/ids.ts";
const store = await openStore({});
await migrateToLatest(store.db);
const ws = await createWorkspace(store.db, { name: "b", plan: "enterprise", keyPrefix: "b", at: new Date() });
const ids: string[] = [];
for (let i = 0; i < 1000; i++) {
  const id = newId("key"); ids.push(id);
  await store.db.insertInto("keys").values({ id, workspace_id: ws.id, app_id: null, kind: "token", name: "k", environment: "production", prefix: "b", start: "b_x", shared_key: null, scopes: "[]", meta: "{}", expires_at: null, ip_allowlist: "[]", rate_limit: null, quota_remaining: null, quota_refill: null, quota_refilled_at: null, enabled: true, revoked_at: null, revoked_reason: null, rotated_at: null, deleted_at: null, last_used_at: null, last_used_ip: null, created_by: null, created_at: new Date(), updated_at: new Date() }).execute();
}
const bucket = new Date("2026-06-01T12:00:00Z"); const day = new Date("2026-06-01T00:00:00Z");
const full: UsageBatch = { rollups: ids.flatMap((keyId) => [
  { keyId, workspaceId: ws.id, granularity: "hour" as const, bucket, outcome: "VALID", count: 8 },
  { keyId, workspaceId: ws.id, granularity: "day" as const, bucket: day, outcome: "VALID", count: 8 }]),
  keys: ids.map((keyId) => ({ keyId, uses: 8, lastUsedAt: new Date(), lastUsedIp: null })) };
async function time(name: string, batch: UsageBatch) {
  for (let i = 0; i < 3; i++) await writeUsageBatch(store.db, batch);
  const t = performance.now(); const n = 10;
  for (let i = 0; i < n; i++) await writeUsageBatch(store.db, batch);
  console.log(name, ((performance.now() - t) / n).toFixed(1), "ms");
}
await time("full", full);
await time("rollups only", { rollups: full.rollups, keys: [] });
await time("hour only", { rollups: full.rollups.filter((r) => r.granularity === "hour"), keys: [] });
await time("keys only", { rollups: [], keys: full.keys });
import { sql } from "kysely";
{
  const r = full.rollups;
  const t = performance.now();
  for (let i = 0; i < 10; i++) await sql`select count(*) from unnest(${r.map((x) => x.keyId)}::text[], ${r.map((x) => x.workspaceId)}::text[], ${r.map((x) => x.granularity)}::text[], ${r.map((x) => x.bucket.toISOString())}::timestamptz[], ${r.map((x) => x.outcome)}::text[], ${r.map((x) => x.count)}::bigint[]) as u(a,b,c,d,e,f)`.execute(store.db);
  console.log("unnest select only", ((performance.now() - t) / 10).toFixed(1), "ms");
}
{
  const t = performance.now();
  for (let i = 0; i < 10; i++) await sql`update keys set usage_count = usage_count + 1 where workspace_id = ${ws.id}`.execute(store.db);
  console.log("plain update 1000 keys", ((performance.now() - t) / 10).toFixed(1), "ms");
}
await store.close();
