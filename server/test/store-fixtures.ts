/**
 * Complete rows for every table, for the store contract suite: each builder fills every column
 * (nulls where the column allows them) so a round trip compares the whole row.
 */
import { type Insertable, sql } from "kysely";
import { newId } from "../src/domain/ids.js";
import type { Store } from "../src/store/database.js";
import type { Database } from "../src/store/schema.js";

/** A time with milliseconds, to prove they survive the round trip. */
export const AT = new Date("2026-03-04T05:06:07.891Z");
export const LATER = new Date("2026-03-05T23:59:59.999Z");

let serial = 0;
const next = () => {
  serial += 1;
  return serial;
};

export function workspaceRow(overrides: Partial<Insertable<Database["workspaces"]>> = {}) {
  return {
    id: newId("workspace"),
    name: `Workspace ${next()}`,
    plan: "pro" as const,
    key_prefix: "acme",
    max_key_lifetime_seconds: null,
    expiry_required: false,
    created_at: AT,
    updated_at: AT,
    ...overrides,
  };
}

export function userRow(overrides: Partial<Insertable<Database["users"]>> = {}) {
  return {
    id: newId("user"),
    email: `person${next()}@example.com`,
    name: "Ada Lovelace",
    password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
    created_at: AT,
    updated_at: LATER,
    ...overrides,
  };
}

export function apiRow(workspaceId: string, scopes: string[] = ["orders:read", "orders:write"]) {
  return {
    id: newId("api"),
    workspace_id: workspaceId,
    name: `Orders ${next()}`,
    description: "the orders API",
    scopes: JSON.stringify(scopes),
    created_at: AT,
    updated_at: AT,
  };
}

export function appRow(workspaceId: string) {
  return {
    id: newId("app"),
    workspace_id: workspaceId,
    title: `CRM ${next()}`,
    description: "",
    environment: "staging" as const,
    created_at: AT,
    updated_at: AT,
  };
}

export function keyRow(
  workspaceId: string,
  overrides: Partial<Insertable<Database["keys"]>> = {},
): Insertable<Database["keys"]> {
  const n = next();
  // rate_limits is left to its column's default ('[]', migration 0009), so the row also fits the
  // stores the migration tests hold at an earlier migration; an override sets it.
  const row: Omit<Insertable<Database["keys"]>, "rate_limits"> = {
    id: newId("key"),
    workspace_id: workspaceId,
    app_id: null,
    kind: "token",
    name: `key ${n}`,
    environment: "production",
    prefix: "acme",
    start: `acme_${String(n).padStart(4, "0")}`,
    shared_key: null,
    scopes: JSON.stringify([]),
    meta: JSON.stringify({}),
    expires_at: null,
    ip_allowlist: JSON.stringify([]),
    quota_remaining: null,
    quota_refill: null,
    quota_refilled_at: null,
    enabled: true,
    revoked_at: null,
    revoked_reason: null,
    rotated_at: null,
    deleted_at: null,
    last_used_at: null,
    last_used_ip: null,
    created_by: null,
    created_at: AT,
    updated_at: AT,
  };
  return { ...row, ...overrides } as Insertable<Database["keys"]>;
}

/** A workspace with a member, a session, a setup token, a root key, an api, an app and a key. */
export async function seedEverything(store: Store) {
  const db = store.db;
  const workspace = workspaceRow();
  const user = userRow();
  await db.insertInto("workspaces").values(workspace).execute();
  await db.insertInto("users").values(user).execute();
  await db
    .insertInto("memberships")
    .values({ workspace_id: workspace.id, user_id: user.id, role: "admin", created_at: AT })
    .execute();
  await db
    .insertInto("sessions")
    .values({
      token_hash: `session-${next()}`,
      user_id: user.id,
      workspace_id: workspace.id,
      csrf_token: "csrf",
      ip: null,
      user_agent: null,
      created_at: AT,
      expires_at: LATER,
      last_seen_at: AT,
    })
    .execute();
  await db
    .insertInto("setup_tokens")
    .values({
      token_hash: `setup-${next()}`,
      workspace_id: workspace.id,
      created_at: AT,
      expires_at: LATER,
      used_at: null,
    })
    .execute();
  await db
    .insertInto("root_keys")
    .values({
      id: newId("key"),
      workspace_id: workspace.id,
      name: "ci",
      start: "kg_root_abcd",
      secret_hash: `root-${next()}`,
      permissions: JSON.stringify(["*"]),
      created_by: null,
      created_at: AT,
      last_used_at: null,
    })
    .execute();
  const api = apiRow(workspace.id);
  const app = appRow(workspace.id);
  await db.insertInto("apis").values(api).execute();
  await db.insertInto("apps").values(app).execute();
  await db.insertInto("app_apis").values({ app_id: app.id, api_id: api.id }).execute();
  const key = keyRow(workspace.id, { app_id: app.id });
  await db.insertInto("keys").values(key).execute();
  await db
    .insertInto("key_secrets")
    .values({
      secret_hash: `secret-${next()}`,
      key_id: key.id,
      workspace_id: workspace.id,
      expires_at: null,
      created_at: AT,
    })
    .execute();
  await db
    .insertInto("key_usage")
    .values({
      key_id: key.id,
      workspace_id: workspace.id,
      bucket: AT,
      outcome: "VALID",
      count: 3,
    })
    .execute();
  await db
    .insertInto("audit_events")
    .values({
      id: newId("event"),
      workspace_id: workspace.id,
      actor_type: "user",
      actor_id: user.id,
      action: "key.created",
      target_type: "key",
      target_id: key.id,
      ip: "203.0.113.9",
      details: JSON.stringify({ name: key.name }),
      created_at: AT,
    })
    .execute();
  return { workspace, user, api, app, key };
}

const PER_WORKSPACE = [
  "memberships",
  "sessions",
  "setup_tokens",
  "root_keys",
  "apis",
  "apps",
  "keys",
  "key_secrets",
  "key_usage",
  "audit_events",
] as const;

/** How many rows of this workspace each table holds (app_apis: links of its apps). */
export async function countRows(store: Store, workspaceId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
    (await query.execute(store.db)).rows[0]?.n ?? -1;
  counts.workspaces = await count(sql`select count(*)::int as n from workspaces where id = ${workspaceId}`);
  for (const table of PER_WORKSPACE) {
    counts[table] = await count(
      sql`select count(*)::int as n from ${sql.table(table)} where workspace_id = ${workspaceId}`,
    );
  }
  counts.app_apis = await count(
    sql`select count(*)::int as n from app_apis join apps on apps.id = app_apis.app_id where apps.workspace_id = ${workspaceId}`,
  );
  return counts;
}
