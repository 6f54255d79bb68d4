import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../../../test/backends.js";
import { bearer, createTestService, seedWorkspace, type TestService } from "../../../../test/harness.js";
import { createKey } from "../../../../test/key-lifecycle.js";

/** The workspace's counter and the live keys it stands for. */
async function counted(service: TestService, workspaceId: string) {
  const row = await service.store.db
    .selectFrom("workspaces")
    .select("live_keys")
    .where("id", "=", workspaceId)
    .executeTakeFirstOrThrow();
  const live = await service.store.db
    .selectFrom("keys")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .executeTakeFirstOrThrow();
  return { counter: row.live_keys, live: Number(live.count) };
}

describe.each(backends)("the plan's key limit and the live-key counter on $name", (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await createTestService({ backend });
  });
  afterAll(async () => service.close());

  it("lets exactly one of ten concurrent creates at 9,999 of 10,000 keys through; the rest get 402", async () => {
    const pro = await seedWorkspace(service, { plan: "pro" });
    await sql`
      insert into keys (id, workspace_id, kind, name, environment, prefix, start, scopes, meta, ip_allowlist,
                        created_at, updated_at)
      select 'key_bulk_' || n, ${pro.workspace.id}, 'token', 'bulk', 'production', 'acme', 'acme_bulk',
             '[]', '{}', '[]', now(), now()
      from generate_series(1, 9999) n`.execute(service.store.db);
    expect(await counted(service, pro.workspace.id)).toEqual({ counter: 9999, live: 9999 });

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        service.app.inject({
          method: "POST",
          url: "/v1/keys",
          headers: bearer(pro.rootKey),
          payload: { name: `racer-${i}` },
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 402, 402, 402, 402, 402, 402, 402, 402, 402]);
    for (const refused of responses.filter((r) => r.statusCode === 402)) {
      expect(refused.json()).toMatchObject({
        error: {
          code: "PLAN_REQUIRED",
          message: "the pro plan allows 10000 keys; upgrade required for more keys",
        },
      });
    }
    expect(await counted(service, pro.workspace.id)).toEqual({ counter: 10_000, live: 10_000 });
    const events = await service.store.db
      .selectFrom("audit_events")
      .select((eb) => eb.fn.countAll<number>().as("count"))
      .where("workspace_id", "=", pro.workspace.id)
      .where("action", "=", "key.created")
      .executeTakeFirstOrThrow();
    expect(Number(events.count)).toBe(1);
  });

  it("keeps the counter equal to the live keys through create, revoke, delete and an app's deletion", async () => {
    const { workspace, rootKey } = await seedWorkspace(service);
    const call = (method: "POST" | "DELETE", url: string, payload?: object) =>
      service.app.inject({ method, url, headers: bearer(rootKey), ...(payload ? { payload } : {}) });
    const a = await createKey(service, rootKey, { name: "a" });
    const b = await createKey(service, rootKey, { name: "b" });
    await createKey(service, rootKey, { name: "c" });
    expect(await counted(service, workspace.id)).toEqual({ counter: 3, live: 3 });

    expect((await call("POST", `/v1/keys/${a.id}/revoke`, { reason: "leaked" })).statusCode).toBe(200);
    expect(await counted(service, workspace.id)).toEqual({ counter: 3, live: 3 });

    expect((await call("DELETE", `/v1/keys/${b.id}`)).statusCode).toBe(204);
    expect((await call("DELETE", `/v1/keys/${b.id}`)).statusCode).toBe(404);
    expect(await counted(service, workspace.id)).toEqual({ counter: 2, live: 2 });

    const app = await call("POST", "/v1/apps", { title: "crm", environment: "staging" });
    expect(app.statusCode).toBe(201);
    const appId = app.json<{ id: string }>().id;
    await createKey(service, rootKey, { name: "in app 1", appId });
    await createKey(service, rootKey, { name: "in app 2", appId });
    expect(await counted(service, workspace.id)).toEqual({ counter: 4, live: 4 });
    expect((await call("DELETE", `/v1/apps/${appId}`)).statusCode).toBe(204);
    expect(await counted(service, workspace.id)).toEqual({ counter: 2, live: 2 });
  });
});
