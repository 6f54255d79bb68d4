/**
 * The store contract: what the code relies on from its store, run on PGlite and on PostgreSQL.
 * This suite is what makes "the same code on both" true.
 */
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../src/domain/ids.js";
import type { Store } from "../src/store/database.js";
import { backends } from "./backends.js";
import {
  AT,
  apiRow,
  appRow,
  countRows,
  keyRow,
  LATER,
  seedEverything,
  userRow,
  workspaceRow,
} from "./store-fixtures.js";

/** The PostgreSQL error code of a failed statement (both drivers expose it). */
async function sqlState(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
  } catch (error) {
    return String((error as { code?: unknown }).code);
  }
  throw new Error("the statement succeeded");
}

const UNIQUE_VIOLATION = "23505";
const FOREIGN_KEY_VIOLATION = "23503";
const CHECK_VIOLATION = "23514";

describe.each(backends)("the store contract on $name", (backend) => {
  let store: Store;
  let workspaceId: string;
  beforeAll(async () => {
    store = await backend.open();
    const workspace = workspaceRow();
    await store.db.insertInto("workspaces").values(workspace).execute();
    workspaceId = workspace.id;
  });
  afterAll(async () => store.close());

  describe("round trips", () => {
    it("keeps every column of workspaces, users and memberships", async () => {
      const workspace = workspaceRow({
        max_key_lifetime_seconds: 7_776_000,
        expiry_required: true,
        live_keys: 0,
        recoverable_keys: true,
        kind: "tenant",
        external_id: "cus_Zoë_42",
        suspended_at: AT,
        deleted_at: LATER,
        branding: JSON.stringify({ productName: "Acme Cloud", accentColor: "#0f766e" }),
        last_verified_at: LATER,
        foreign_key_formats: JSON.stringify([{ prefix: "sk_live_", pattern: "^sk_live_[A-Za-z0-9]{24}$" }]),
        rotation_reminder_days: null,
        unused_key_days: 45,
        auto_disable_unused_days: 120,
        leak_response: "disable",
      });
      const user = userRow({ name: "Zoë Ünicode 東京" });
      await store.db.insertInto("workspaces").values(workspace).execute();
      await store.db.insertInto("users").values(user).execute();
      await store.db
        .insertInto("memberships")
        .values({ workspace_id: workspace.id, user_id: user.id, role: "viewer", created_at: AT })
        .execute();
      const ws = await store.db.selectFrom("workspaces").selectAll().where("id", "=", workspace.id).execute();
      expect(ws).toEqual([
        {
          ...workspace,
          branding: { productName: "Acme Cloud", accentColor: "#0f766e" },
          foreign_key_formats: [{ prefix: "sk_live_", pattern: "^sk_live_[A-Za-z0-9]{24}$" }],
        },
      ]);
      expect(ws[0]?.created_at.toISOString()).toBe("2026-03-04T05:06:07.891Z");
      expect(await store.db.selectFrom("users").selectAll().where("id", "=", user.id).execute()).toEqual([
        user,
      ]);
      expect(
        await store.db.selectFrom("memberships").selectAll().where("user_id", "=", user.id).execute(),
      ).toEqual([{ workspace_id: workspace.id, user_id: user.id, role: "viewer", created_at: AT }]);
    });

    it("keeps sessions and setup tokens with their nulls and times", async () => {
      const user = userRow();
      await store.db.insertInto("users").values(user).execute();
      const session = {
        token_hash: "a".repeat(64),
        user_id: user.id,
        workspace_id: workspaceId,
        csrf_token: "csrf-token",
        ip: "2001:db8::1",
        user_agent: null,
        created_at: AT,
        expires_at: LATER,
        last_seen_at: new Date("2026-03-04T05:06:08.001Z"),
      };
      await store.db.insertInto("sessions").values(session).execute();
      expect(
        await store.db
          .selectFrom("sessions")
          .selectAll()
          .where("token_hash", "=", session.token_hash)
          .execute(),
      ).toEqual([session]);
      const token = {
        token_hash: "b".repeat(64),
        workspace_id: workspaceId,
        created_at: AT,
        expires_at: LATER,
      };
      await store.db
        .insertInto("setup_tokens")
        .values({ ...token, used_at: null })
        .execute();
      await store.db
        .updateTable("setup_tokens")
        .set({ used_at: LATER })
        .where("token_hash", "=", token.token_hash)
        .execute();
      expect(
        await store.db
          .selectFrom("setup_tokens")
          .selectAll()
          .where("token_hash", "=", token.token_hash)
          .execute(),
      ).toEqual([{ ...token, used_at: LATER }]);
    });

    it("keeps root keys with jsonb permissions", async () => {
      const row = {
        id: newId("key"),
        workspace_id: workspaceId,
        name: "deploy bot",
        start: "kg_root_Ab12",
        secret_hash: "c".repeat(64),
        created_by: "usr_01JD0000000000000000000000",
        created_at: AT,
        last_used_at: LATER,
      };
      await store.db
        .insertInto("root_keys")
        .values({ ...row, permissions: JSON.stringify(["keys:read", "keys:verify"]) })
        .execute();
      expect(await store.db.selectFrom("root_keys").selectAll().where("id", "=", row.id).execute()).toEqual([
        { ...row, permissions: ["keys:read", "keys:verify"] },
      ]);
    });

    it("keeps apis, apps and their links", async () => {
      const api = apiRow(workspaceId, ["orders:read"]);
      await store.db.insertInto("apis").values(api).execute();
      const app = appRow(workspaceId);
      await store.db.insertInto("apps").values(app).execute();
      await store.db.insertInto("app_apis").values({ app_id: app.id, api_id: api.id }).execute();
      expect(await store.db.selectFrom("apis").selectAll().where("id", "=", api.id).execute()).toEqual([
        { ...api, scopes: ["orders:read"] },
      ]);
      expect(await store.db.selectFrom("apps").selectAll().where("id", "=", app.id).execute()).toEqual([app]);
      expect(
        await store.db.selectFrom("app_apis").selectAll().where("app_id", "=", app.id).execute(),
      ).toEqual([{ app_id: app.id, api_id: api.id }]);
    });

    it("keeps every column of a key: nested jsonb, bigint counters as numbers, and nulls", async () => {
      const meta = { customer: "c_42", tier: 3, flags: [true, false, null], nested: { ключ: "значение 🔑" } };
      const full = keyRow(workspaceId, {
        kind: "pair",
        shared_key: "acme_pk_abcdefghijklmnopqrstuvwxyz0123456789AB",
        scopes: JSON.stringify(["orders:read", "orders:write"]),
        meta: JSON.stringify(meta),
        expires_at: LATER,
        ip_allowlist: JSON.stringify(["203.0.113.0/24", "2001:db8::/32"]),
        rate_limits: JSON.stringify([
          { name: "default", limit: 100, windowMs: 60_000 },
          { name: "burst", limit: 10, windowMs: 1000 },
        ]),
        quota_remaining: 9_007_199_254_740_991,
        quota_refill: JSON.stringify({ amount: 10_000, interval: "month" }),
        quota_refilled_at: AT,
        enabled: false,
        revoked_at: LATER,
        revoked_reason: "leaked in a public repo",
        rotated_at: AT,
        deleted_at: LATER,
        usage_count: 1_234_567_890_123,
        last_used_at: LATER,
        last_used_ip: "198.51.100.7",
        created_by: "usr_01JD0000000000000000000000",
        secret_ciphertext: "v1.0123456789abcdef.aXY.Y2lwaGVy.dGFn",
        external_id: "user_東京_1",
        source: "import",
        leaked_at: LATER,
        leaked_url: "https://github.com/octo/app/blob/main/.env",
      });
      const bare = keyRow(workspaceId);
      await store.db.insertInto("keys").values([full, bare]).execute();
      const rows = await store.db
        .selectFrom("keys")
        .selectAll()
        .where("id", "in", [full.id, bare.id])
        .orderBy("id")
        .execute();
      expect(rows).toEqual([
        {
          ...full,
          scopes: ["orders:read", "orders:write"],
          meta,
          ip_allowlist: ["203.0.113.0/24", "2001:db8::/32"],
          rate_limits: [
            { name: "default", limit: 100, windowMs: 60_000 },
            { name: "burst", limit: 10, windowMs: 1000 },
          ],
          quota_refill: { amount: 10_000, interval: "month" },
          identity_id: null,
          // Kept by a trigger: the larger of the quota set and the refill's amount.
          quota_limit: 9_007_199_254_740_991,
        },
        {
          ...bare,
          scopes: [],
          meta: {},
          ip_allowlist: [],
          rate_limits: [],
          usage_count: 0,
          secret_ciphertext: null,
          identity_id: null,
          external_id: null,
          source: "keygate",
          quota_limit: null,
          leaked_at: null,
          leaked_url: null,
        },
      ]);
      expect(typeof rows[0]?.quota_remaining).toBe("number");
      expect(typeof rows[0]?.quota_limit).toBe("number");
      expect(typeof rows[0]?.usage_count).toBe("number");
    });

    it("fills the declared column defaults", async () => {
      const apiId = newId("api");
      await sql`insert into apis (id, workspace_id, name, scopes, created_at, updated_at)
        values (${apiId}, ${workspaceId}, 'bare', '[]', ${AT}, ${AT})`.execute(store.db);
      const keyId = newId("key");
      await sql`insert into keys (id, workspace_id, kind, name, environment, prefix, start, scopes, meta, ip_allowlist, created_at, updated_at)
        values (${keyId}, ${workspaceId}, 'token', 'bare', 'development', 'acme', 'acme_zzzz', '[]', '{}', '[]', ${AT}, ${AT})`.execute(
        store.db,
      );
      expect(
        await store.db.selectFrom("apis").select("description").where("id", "=", apiId).executeTakeFirst(),
      ).toEqual({ description: "" });
      expect(
        await store.db
          .selectFrom("keys")
          .select(["enabled", "usage_count", "quota_remaining", "deleted_at", "rate_limits"])
          .where("id", "=", keyId)
          .executeTakeFirst(),
      ).toEqual({ enabled: true, usage_count: 0, quota_remaining: null, deleted_at: null, rate_limits: [] });
    });

    it("keeps key secrets, usage buckets and audit events", async () => {
      const key = keyRow(workspaceId);
      await store.db.insertInto("keys").values(key).execute();
      const secret = {
        secret_hash: "d".repeat(64),
        key_id: key.id,
        workspace_id: workspaceId,
        expires_at: LATER,
        created_at: AT,
      };
      await store.db.insertInto("key_secrets").values(secret).execute();
      expect(
        await store.db.selectFrom("key_secrets").selectAll().where("key_id", "=", key.id).execute(),
      ).toEqual([secret]);
      const usage = {
        key_id: key.id,
        workspace_id: workspaceId,
        bucket: new Date("2026-03-04T00:00:00.000Z"),
        outcome: "RATE_LIMITED",
        count: 5_000_000_000,
      };
      await store.db.insertInto("key_usage").values(usage).execute();
      expect(
        await store.db.selectFrom("key_usage").selectAll().where("key_id", "=", key.id).execute(),
      ).toEqual([usage]);
      const event = {
        id: newId("event"),
        workspace_id: workspaceId,
        actor_type: "system" as const,
        actor_id: null,
        action: "key.revoked",
        target_type: "key",
        target_id: key.id,
        ip: null,
        created_at: AT,
      };
      const details = { reason: "rotation", fields: ["name", "scopes"], at: AT.toISOString() };
      await store.db
        .insertInto("audit_events")
        .values({ ...event, details: JSON.stringify(details) })
        .execute();
      expect(
        await store.db.selectFrom("audit_events").selectAll().where("id", "=", event.id).execute(),
      ).toEqual([{ ...event, details, actor_label: null }]);
    });

    it("compares and orders timestamps by the instant, to the millisecond", async () => {
      const key = keyRow(workspaceId, { expires_at: new Date("2026-03-04T05:06:07.892Z") });
      await store.db.insertInto("keys").values(key).execute();
      const found = await store.db
        .selectFrom("keys")
        .select("id")
        .where("id", "=", key.id)
        .where("expires_at", ">", AT)
        .execute();
      expect(found).toEqual([{ id: key.id }]);
      const notFound = await store.db
        .selectFrom("keys")
        .select("id")
        .where("id", "=", key.id)
        .where("expires_at", ">", new Date("2026-03-04T05:06:07.892Z"))
        .execute();
      expect(notFound).toEqual([]);
    });

    it("answers counts as numbers", async () => {
      const row = await store.db
        .selectFrom("keys")
        .select((eb) => eb.fn.countAll().as("n"))
        .where("workspace_id", "=", workspaceId)
        .executeTakeFirstOrThrow();
      expect(typeof row.n).toBe("number");
    });
  });

  describe("constraints", () => {
    it("raises on a duplicate email, shared key, secret hash or membership", async () => {
      const user = userRow();
      await store.db.insertInto("users").values(user).execute();
      expect(
        await sqlState(
          store.db
            .insertInto("users")
            .values(userRow({ email: user.email }))
            .execute(),
        ),
      ).toBe(UNIQUE_VIOLATION);
      const shared = keyRow(workspaceId, { kind: "pair", shared_key: "acme_pk_unique" });
      await store.db.insertInto("keys").values(shared).execute();
      expect(
        await sqlState(
          store.db
            .insertInto("keys")
            .values(keyRow(workspaceId, { kind: "pair", shared_key: "acme_pk_unique" }))
            .execute(),
        ),
      ).toBe(UNIQUE_VIOLATION);
      const secret = { key_id: shared.id, workspace_id: workspaceId, expires_at: null, created_at: AT };
      await store.db
        .insertInto("key_secrets")
        .values({ ...secret, secret_hash: "e".repeat(64) })
        .execute();
      expect(
        await sqlState(
          store.db
            .insertInto("key_secrets")
            .values({ ...secret, secret_hash: "e".repeat(64) })
            .execute(),
        ),
      ).toBe(UNIQUE_VIOLATION);
      const membership = {
        workspace_id: workspaceId,
        user_id: user.id,
        role: "viewer" as const,
        created_at: AT,
      };
      await store.db.insertInto("memberships").values(membership).execute();
      expect(
        await sqlState(
          store.db
            .insertInto("memberships")
            .values({ ...membership, role: "owner" })
            .execute(),
        ),
      ).toBe(UNIQUE_VIOLATION);
    });

    it("raises on a reference to a row that does not exist", async () => {
      expect(
        await sqlState(
          store.db
            .insertInto("keys")
            .values(keyRow(newId("workspace")))
            .execute(),
        ),
      ).toBe(FOREIGN_KEY_VIOLATION);
      expect(
        await sqlState(
          store.db
            .insertInto("keys")
            .values(keyRow(workspaceId, { app_id: newId("app") }))
            .execute(),
        ),
      ).toBe(FOREIGN_KEY_VIOLATION);
    });

    it("raises on values outside the declared sets", async () => {
      expect(
        await sqlState(
          store.db
            .insertInto("workspaces")
            .values(workspaceRow({ plan: "gold" as never }))
            .execute(),
        ),
      ).toBe(CHECK_VIOLATION);
      expect(
        await sqlState(
          store.db
            .insertInto("keys")
            .values(keyRow(workspaceId, { kind: "jwt" as never }))
            .execute(),
        ),
      ).toBe(CHECK_VIOLATION);
    });

    it("never lets a quota go below zero", async () => {
      const key = keyRow(workspaceId, { quota_remaining: 1 });
      await store.db.insertInto("keys").values(key).execute();
      expect(
        await sqlState(
          store.db
            .updateTable("keys")
            .set((eb) => ({ quota_remaining: eb("quota_remaining", "-", 2) }))
            .where("id", "=", key.id)
            .execute(),
        ),
      ).toBe(CHECK_VIOLATION);
      const row = await store.db
        .selectFrom("keys")
        .select("quota_remaining")
        .where("id", "=", key.id)
        .executeTakeFirstOrThrow();
      expect(row.quota_remaining).toBe(1);
    });
  });

  describe("cascades", () => {
    it("deleting a workspace removes everything in it", async () => {
      const { workspace, user, app } = await seedEverything(store);
      expect(await countRows(store, workspace.id)).toEqual({
        workspaces: 1,
        memberships: 1,
        sessions: 1,
        setup_tokens: 1,
        root_keys: 1,
        apis: 1,
        apps: 1,
        keys: 1,
        key_secrets: 1,
        key_usage: 1,
        audit_events: 1,
        app_apis: 1,
      });
      await store.db.deleteFrom("workspaces").where("id", "=", workspace.id).execute();
      const counts = await countRows(store, workspace.id);
      expect(Object.values(counts).every((n) => n === 0)).toBe(true);
      expect(
        await store.db.selectFrom("app_apis").selectAll().where("app_id", "=", app.id).execute(),
      ).toEqual([]);
      // People are not the workspace's: the account stays.
      expect(await store.db.selectFrom("users").select("id").where("id", "=", user.id).execute()).toEqual([
        { id: user.id },
      ]);
    });

    it("deleting a key removes its secrets and usage; deleting an app unlinks its keys and apis", async () => {
      const { workspace, api, app, key } = await seedEverything(store);
      await store.db.deleteFrom("apps").where("id", "=", app.id).execute();
      const unlinked = await store.db.selectFrom("keys").select("app_id").where("id", "=", key.id).execute();
      expect(unlinked).toEqual([{ app_id: null }]);
      expect(
        await store.db.selectFrom("app_apis").selectAll().where("api_id", "=", api.id).execute(),
      ).toEqual([]);
      expect(await store.db.selectFrom("apis").select("id").where("id", "=", api.id).execute()).toEqual([
        { id: api.id },
      ]);
      await store.db.deleteFrom("keys").where("id", "=", key.id).execute();
      const counts = await countRows(store, workspace.id);
      expect([counts.keys, counts.key_secrets, counts.key_usage, counts.audit_events]).toEqual([0, 0, 0, 1]);
    });

    it("deleting a user removes their memberships and sessions", async () => {
      const { workspace, user } = await seedEverything(store);
      await store.db.deleteFrom("users").where("id", "=", user.id).execute();
      const counts = await countRows(store, workspace.id);
      expect([counts.memberships, counts.sessions, counts.workspaces]).toEqual([0, 0, 1]);
    });
  });

  describe("transactions and concurrency", () => {
    it("leaves nothing behind when a transaction throws", async () => {
      const workspace = workspaceRow();
      await expect(
        store.db.transaction().execute(async (trx) => {
          await trx.insertInto("workspaces").values(workspace).execute();
          await trx.insertInto("keys").values(keyRow(workspace.id)).execute();
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      expect(await countRows(store, workspace.id)).toMatchObject({ workspaces: 0, keys: 0 });
    });

    it("leaves nothing behind when a statement in a transaction fails", async () => {
      const workspace = workspaceRow();
      const state = await sqlState(
        store.db.transaction().execute(async (trx) => {
          await trx.insertInto("workspaces").values(workspace).execute();
          await trx
            .insertInto("workspaces")
            .values(workspaceRow({ id: workspace.id }))
            .execute();
        }),
      );
      expect(state).toBe(UNIQUE_VIOLATION);
      expect((await countRows(store, workspace.id)).workspaces).toBe(0);
    });

    it("decrements a quota atomically: 100 concurrent spends from 10 leave 0 and succeed 10 times", async () => {
      const key = keyRow(workspaceId, { quota_remaining: 10 });
      await store.db.insertInto("keys").values(key).execute();
      const results = await Promise.all(
        Array.from({ length: 100 }, () =>
          sql`update keys set quota_remaining = quota_remaining - 1 where id = ${key.id} and quota_remaining >= 1`.execute(
            store.db,
          ),
        ),
      );
      const updated = results.reduce((sum, r) => sum + Number(r.numAffectedRows ?? 0), 0);
      expect(updated).toBe(10);
      const row = await store.db
        .selectFrom("keys")
        .select("quota_remaining")
        .where("id", "=", key.id)
        .executeTakeFirstOrThrow();
      expect(row.quota_remaining).toBe(0);
    });

    it("adds usage counts with an upsert, also when upserts race", async () => {
      const key = keyRow(workspaceId);
      await store.db.insertInto("keys").values(key).execute();
      const bucket = new Date("2026-03-04T05:00:00.000Z");
      const upsert = (count: number) =>
        store.db
          .insertInto("key_usage")
          .values([
            { key_id: key.id, workspace_id: workspaceId, bucket, outcome: "VALID", count },
            { key_id: key.id, workspace_id: workspaceId, bucket, outcome: "DISABLED", count },
          ])
          .onConflict((oc) =>
            oc
              .columns(["key_id", "bucket", "outcome"])
              .doUpdateSet({ count: sql<number>`key_usage.count + excluded.count` }),
          )
          .execute();
      await upsert(3);
      await Promise.all(Array.from({ length: 20 }, () => upsert(2)));
      const rows = await store.db
        .selectFrom("key_usage")
        .select(["outcome", "count"])
        .where("key_id", "=", key.id)
        .orderBy("outcome")
        .execute();
      expect(rows).toEqual([
        { outcome: "DISABLED", count: 43 },
        { outcome: "VALID", count: 43 },
      ]);
    });
  });
});
