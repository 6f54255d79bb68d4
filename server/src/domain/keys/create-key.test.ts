import {
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  sql,
  type UnknownRow,
} from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../test/backends.js";
import { createTestService, seedWorkspace, type TestService } from "../../../test/harness.js";
import { keyRow } from "../../../test/store-fixtures.js";
import { ApiError } from "../../errors.js";
import type { Database } from "../../store/schema.js";
import { auditRowValues } from "../audit/record-audit.js";
import { newId } from "../ids.js";
import type { Principal } from "../principal.js";
import { type CreateKeyDeps, createKey } from "./create-key.js";
import type { KeyInsert } from "./insert-key.js";
import { createKeyCreation } from "./key-creation.js";
import { createKeyBody } from "./key-inputs.js";
import { KeyInsertGroups } from "./key-insert-groups.js";
import { newSecret } from "./key-store.js";

/** Counts the statements sent to the store (the real one, unchanged). */
class StatementCount implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const rootCaller = (workspaceId: string) => {
  const principal: Principal = {
    type: "root_key",
    rootKeyId: "key_test_root",
    operator: false,
    workspaceId,
    permissions: ["*"],
  };
  return { principal, ip: "203.0.113.10" };
};

const input = (body: Record<string, unknown>) => createKeyBody.parse(body);

/** Whether each call fulfilled, or the code it was refused with. */
const outcomes = (settled: PromiseSettledResult<unknown>[]) =>
  settled.map((s) =>
    s.status === "fulfilled" ? "created" : s.reason instanceof ApiError ? s.reason.code : String(s.reason),
  );

describe.each(backends)("creating keys on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  /** The service's context with a fresh key creation over a store whose statements are counted. */
  function counted(): { deps: CreateKeyDeps; statements: StatementCount } {
    const statements = new StatementCount();
    const db: Kysely<Database> = service.store.db.withPlugin(statements);
    return { deps: { ...service.ctx, keyCreation: createKeyCreation(db) }, statements };
  }

  const countRows = async (table: "keys" | "key_secrets", workspaceId: string) => {
    const row = await service.store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("workspace_id", "=", workspaceId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  };
  const keyEvents = (workspaceId: string) =>
    service.store.db
      .selectFrom("audit_events")
      .select(["target_id", "action"])
      .where("workspace_id", "=", workspaceId)
      .where("action", "=", "key.created")
      .execute();

  it("stores twenty creates that arrive together with one statement, each with its own key, secret and event", async () => {
    const { workspace } = await seedWorkspace(service);
    const { deps, statements } = counted();
    const caller = rootCaller(workspace.id);
    await createKey(deps, caller, input({ name: "first" }));
    expect(statements.count).toBe(2); // the workspace, read once, and the insert

    statements.count = 0;
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createKey(deps, caller, input({ name: `burst-${i}` }))),
    );
    expect(statements.count).toBe(1);
    expect(new Set(created.map((key) => key.id)).size).toBe(20);
    expect(created.map((key) => key.name)).toEqual(Array.from({ length: 20 }, (_, i) => `burst-${i}`));
    expect(await countRows("keys", workspace.id)).toBe(21);
    expect(await countRows("key_secrets", workspace.id)).toBe(21);
    const events = await keyEvents(workspace.id);
    expect(events).toHaveLength(21);
    expect(new Set(events.map((e) => e.target_id))).toEqual(
      new Set([...created.map((k) => k.id), expect.any(String)]),
    );
    const { workspaces } = await service.store.db
      .selectFrom("workspaces")
      .select("live_keys as workspaces")
      .where("id", "=", workspace.id)
      .executeTakeFirstOrThrow();
    expect(workspaces).toBe(21);
  });

  it("keeps the plan's limit exact within a group: of ten creates at 9,995 of 10,000 keys, the first five get keys", async () => {
    const { workspace } = await seedWorkspace(service, { plan: "pro" });
    await sql`
      insert into keys (id, workspace_id, kind, name, environment, prefix, start, scopes, meta, ip_allowlist,
                        created_at, updated_at)
      select 'key_bulk_' || n || ${workspace.id}, ${workspace.id}, 'token', 'bulk', 'production', 'acme',
             'acme_bulk', '[]', '{}', '[]', now(), now()
      from generate_series(1, 9995) n`.execute(service.store.db);
    const { deps, statements } = counted();
    const caller = rootCaller(workspace.id);
    await deps.keyCreation.workspaces.read(workspace.id);
    statements.count = 0;

    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => createKey(deps, caller, input({ name: `racer-${i}` }))),
    );
    expect(outcomes(settled)).toEqual([
      ...Array.from({ length: 5 }, () => "created"),
      ...Array.from({ length: 5 }, () => "PLAN_REQUIRED"),
    ]);
    // One statement for the group, then one read of the workspace for each create it skipped.
    expect(statements.count).toBe(6);
    expect(await countRows("keys", workspace.id)).toBe(10_000);
    const row = await service.store.db
      .selectFrom("workspaces")
      .select("live_keys")
      .where("id", "=", workspace.id)
      .executeTakeFirstOrThrow();
    expect(row.live_keys).toBe(10_000);
  });

  it("never lets a remembered workspace's stale terms through: a plan or policy changed behind its back decides the next create", async () => {
    const { workspace } = await seedWorkspace(service, { plan: "pro" });
    const { deps } = counted();
    const caller = rootCaller(workspace.id);
    await createKey(deps, caller, input({ name: "while pro" }));
    const setWorkspace = (changes: {
      plan?: "free" | "pro";
      expiry_required?: boolean;
      key_prefix?: string;
    }) => service.store.db.updateTable("workspaces").set(changes).where("id", "=", workspace.id).execute();

    await setWorkspace({ plan: "free" });
    await expect(createKey(deps, caller, input({ name: "after the downgrade" }))).rejects.toMatchObject({
      code: "PLAN_REQUIRED",
      message: "the free plan does not include API Access; upgrade required",
    });
    expect(await countRows("keys", workspace.id)).toBe(1);

    await setWorkspace({ plan: "pro" });
    const upgraded = await createKey(deps, caller, input({ name: "after the upgrade" }));
    expect(upgraded.name).toBe("after the upgrade");

    await setWorkspace({ expiry_required: true });
    await expect(createKey(deps, caller, input({ name: "no expiry" }))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      message: "expiresAt: required by the workspace policy",
    });

    await setWorkspace({ expiry_required: false, key_prefix: "zeta" });
    const renamed = await createKey(deps, caller, input({ name: "new prefix" }));
    expect(renamed.start).toMatch(/^zeta_/);
    expect(renamed.key).toMatch(/^zeta_/);
    expect(await countRows("keys", workspace.id)).toBe(3);
  });

  it("records a portal user as the actor of a key and its identity, and holds a portal developer to the developer rules", async () => {
    const { workspace } = await seedWorkspace(service);
    const portal = (role: "admin" | "developer"): Principal => ({
      type: "portal",
      workspaceId: workspace.id,
      externalId: "u_9",
      email: "dev@customer.example",
      name: "Dev",
      role,
      features: ["keys"],
      permissions: ["keys:read", "keys:write"],
      returnUrl: null,
      sessionHash: "hash",
      csrfToken: "csrf",
    });
    const key = await createKey(
      service.ctx,
      { principal: portal("admin"), ip: "203.0.113.9" },
      input({ name: "from the portal", externalId: "end-user" }),
    );
    const events = await service.store.db
      .selectFrom("audit_events")
      .select(["action", "actor_type", "actor_id", "actor_label", "target_id"])
      .where("workspace_id", "=", workspace.id)
      .where("action", "in", ["identity.created", "key.created"])
      .orderBy("action")
      .execute();
    const actor = { actor_type: "portal", actor_id: "portal:u_9", actor_label: "dev@customer.example" };
    expect(events).toEqual([
      { action: "identity.created", ...actor, target_id: key.identityId },
      { action: "key.created", ...actor, target_id: key.id },
    ]);
    await expect(
      createKey(service.ctx, { principal: portal("developer"), ip: null }, input({ name: "prod" })),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "developers may create keys only outside production; ask an admin for a production key",
    });
    await createKey(
      service.ctx,
      { principal: portal("developer"), ip: null },
      input({ name: "dev", environment: "development" }),
    );
  });

  it("gives keys of one new externalId one identity when several nodes create them at once", async () => {
    const { workspace } = await seedWorkspace(service);
    const caller = rootCaller(workspace.id);
    // Each node has its own group commit: their statements run side by side on PostgreSQL.
    const nodes = Array.from({ length: 4 }, () => ({
      ...service.ctx,
      keyCreation: createKeyCreation(service.store.db),
    }));
    const keys = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        createKey(
          nodes[i % nodes.length] ?? service.ctx,
          caller,
          input({ name: `k${i}`, externalId: "shared" }),
        ),
      ),
    );
    const identities = await service.store.db
      .selectFrom("identities")
      .select("id")
      .where("workspace_id", "=", workspace.id)
      .execute();
    expect(identities).toHaveLength(1);
    expect(new Set(keys.map((key) => key.identityId))).toEqual(new Set([identities[0]?.id]));
    const linked = await service.store.db
      .selectFrom("keys")
      .select("identity_id")
      .where("workspace_id", "=", workspace.id)
      .execute();
    expect(linked.map((row) => row.identity_id)).toEqual(keys.map(() => identities[0]?.id));
    const created = await service.store.db
      .selectFrom("audit_events")
      .select("id")
      .where("workspace_id", "=", workspace.id)
      .where("action", "=", "identity.created")
      .execute();
    expect(created).toHaveLength(1);
  });

  it("fails only the key that breaks a constraint when it is stored with others", async () => {
    const { workspace } = await seedWorkspace(service);
    const groups = new KeyInsertGroups(service.store.db);
    const insert = (name: string, id = newId("key")): KeyInsert => {
      const now = new Date();
      const secret = newSecret("acme");
      const key = keyRow(workspace.id, {
        id,
        name,
        start: secret.start,
        rate_limits: JSON.stringify([]),
        created_at: now,
        updated_at: now,
      });
      const audit = auditRowValues({
        workspaceId: workspace.id,
        actor: { type: "system", id: null, ip: null },
        action: "key.created",
        target: { type: "key", id },
        details: { name },
        at: now,
      });
      return { key, secretHash: secret.hash, audit, terms: workspace, maxKeys: null };
    };
    const taken = insert("taken");
    expect(await groups.insert(taken)).toEqual({ inserted: true, identityId: null });

    const settled = await Promise.allSettled([
      groups.insert(insert("a")),
      groups.insert(insert("same id", taken.key.id)),
      groups.insert(insert("b")),
      groups.insert({ ...insert("stale plan"), terms: { ...workspace, plan: "pro" } }),
    ]);
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : "refused"))).toEqual([
      { inserted: true, identityId: null },
      "refused",
      { inserted: true, identityId: null },
      { inserted: false },
    ]);
    expect(settled[1]).toMatchObject({ status: "rejected", reason: { code: "23505" } });
    const names = await service.store.db
      .selectFrom("keys")
      .select("name")
      .where("workspace_id", "=", workspace.id)
      .orderBy("name")
      .execute();
    expect(names.map((row) => row.name)).toEqual(["a", "b", "taken"]);
    expect(await keyEvents(workspace.id)).toHaveLength(3);
  });
});
