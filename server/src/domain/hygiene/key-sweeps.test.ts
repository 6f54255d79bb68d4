/** The hygiene sweeps: each time-based event fires once, at its time, and auto-disable disables. */
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bearer,
  createTestService,
  json,
  type SeededWorkspace,
  seedWorkspace,
  type TestService,
} from "../../../test/harness.js";
import { verify } from "../../../test/verify-helpers.js";
import { ClusterJobs, KEYGATE_JOBS } from "../../cluster/cluster-jobs.js";
import { newId } from "../ids.js";
import { runKeySweeps } from "./key-sweeps.js";

const DAY = 86_400_000;
const EVENTS = ["key.expiring", "key.expired", "key.unused", "key.disabled"];

describe("key hygiene sweeps", () => {
  let service: TestService;

  beforeAll(async () => {
    service = await createTestService({
      env: { KEYGATE_ENCRYPTION_KEY: randomBytes(32).toString("base64") },
    });
  });
  afterAll(async () => {
    await service.close();
  });

  /** A workspace with one webhook endpoint subscribed to the sweeps' events. */
  async function subscribedWorkspace(): Promise<SeededWorkspace & { endpointId: string }> {
    const seed = await seedWorkspace(service);
    const endpointId = newId("webhook");
    const at = service.clock.now();
    await service.store.db
      .insertInto("webhook_endpoints")
      .values({
        id: endpointId,
        workspace_id: seed.workspace.id,
        url: "https://hooks.example.com/keygate",
        events: JSON.stringify(EVENTS),
        secret_ciphertext: await service.ctx.secrets.seal("whsec_test", endpointId),
        created_at: at,
        updated_at: at,
      })
      .execute();
    return { ...seed, endpointId };
  }

  /** Runs the sweeps once at the clock's time, as the job does: publishing after the commit. */
  async function sweep(): Promise<void> {
    const tasks: (() => Promise<void>)[] = [];
    await service.store.db.transaction().execute((trx) =>
      runKeySweeps(trx, service.clock.now(), {
        invalidation: service.ctx.invalidation,
        afterCommit: (task) => tasks.push(task),
      }),
    );
    for (const task of tasks) await task();
  }

  /** The key's webhook events, oldest first, with the fields the sweeps add to the key's. */
  async function eventsOf(keyId: string) {
    const rows = await service.store.db
      .selectFrom("webhook_events")
      .select(["type", "data", "occurred_at"])
      .where(sql<string>`data->'key'->>'id'`, "=", keyId)
      .orderBy("seq")
      .execute();
    return rows.map((row) => {
      const { key: _key, workspace: _workspace, ...extra } = row.data as Record<string, unknown>;
      return { type: row.type, at: row.occurred_at.toISOString(), extra };
    });
  }

  /** The key's webhook deliveries: to which endpoint, in which state. */
  async function deliveriesOf(keyId: string) {
    return service.store.db
      .selectFrom("webhook_deliveries")
      .innerJoin("webhook_events", "webhook_events.id", "webhook_deliveries.event_id")
      .select(["webhook_deliveries.endpoint_id", "webhook_deliveries.status"])
      .where(sql<string>`webhook_events.data->'key'->>'id'`, "=", keyId)
      .execute();
  }

  async function createKey(seed: SeededWorkspace, body: Record<string, unknown>) {
    const response = await service.app.inject({
      method: "POST",
      url: "/v1/keys",
      headers: bearer(seed.rootKey),
      payload: body,
    });
    expect(response.statusCode).toBe(201);
    return json<{ id: string; key: string }>(response);
  }

  it("sends key.expiring at 7 days and at 1 day, again for a new expiry, then key.expired, each once", async () => {
    const seed = await subscribedWorkspace();
    const start = service.clock.now();
    const expiresAt = new Date(start.getTime() + 3 * DAY).toISOString();
    const key = await createKey(seed, { name: "expiring", expiresAt });

    await sweep();
    await sweep();
    const first = service.clock.now().toISOString();
    expect(await eventsOf(key.id)).toEqual([
      { type: "key.expiring", at: first, extra: { expiresAt, within: "7d" } },
    ]);
    const deliveries = await deliveriesOf(key.id);
    expect(deliveries).toEqual([{ endpoint_id: seed.endpointId, status: "pending" }]);

    // Within a day of the expiry: the 1-day notice, once.
    service.clock.advance(2 * DAY + 60_000);
    const second = service.clock.now().toISOString();
    await sweep();
    await sweep();
    // A new expiry is noticed again.
    const extended = new Date(service.clock.nowMs() + 5 * DAY).toISOString();
    const patched = await service.app.inject({
      method: "PATCH",
      url: `/v1/keys/${key.id}`,
      headers: bearer(seed.rootKey),
      payload: { expiresAt: extended },
    });
    expect(patched.statusCode).toBe(200);
    await sweep();
    await sweep();
    // Past the expiry: key.expired, once; no more expiring notices.
    service.clock.advance(5 * DAY);
    const expired = service.clock.now().toISOString();
    await sweep();
    await sweep();
    expect(await eventsOf(key.id)).toEqual([
      { type: "key.expiring", at: first, extra: { expiresAt, within: "7d" } },
      { type: "key.expiring", at: second, extra: { expiresAt, within: "1d" } },
      { type: "key.expiring", at: second, extra: { expiresAt: extended, within: "7d" } },
      { type: "key.expired", at: expired, extra: { expiresAt: extended } },
    ]);
    const notices = await service.store.db
      .selectFrom("key_notices")
      .select("kind")
      .where("key_id", "=", key.id)
      .orderBy("sent_at")
      .orderBy("kind")
      .execute();
    expect(notices.map((notice) => notice.kind)).toEqual([
      `expiring_7d:${expiresAt}`,
      `expiring_1d:${expiresAt}`,
      `expiring_7d:${extended}`,
      `expired:${extended}`,
    ]);
  });

  it("sends key.unused once a key goes unused longer than the workspace's unused days", async () => {
    const seed = await subscribedWorkspace();
    const key = await createKey(seed, { name: "idle" });
    service.clock.advance(30 * DAY);
    await sweep();
    expect(await eventsOf(key.id)).toEqual([]);
    service.clock.advance(DAY);
    const at = service.clock.now().toISOString();
    await sweep();
    await sweep();
    expect(await eventsOf(key.id)).toEqual([
      { type: "key.unused", at, extra: { lastUsedAt: null, unusedDays: 31 } },
    ]);
  });

  it("auto-disables a key unused for auto_disable_unused_days: audited by the system, refused at once", async () => {
    const seed = await subscribedWorkspace();
    const policy = await service.app.inject({
      method: "PATCH",
      url: "/v1/workspace",
      headers: bearer(seed.rootKey),
      payload: { policy: { autoDisableUnusedDays: 10, unusedKeyDays: 60 } },
    });
    expect(policy.statusCode).toBe(200);
    const key = await createKey(seed, { name: "forgotten" });
    // Cached as valid, so only the sweep's invalidation can make it refuse.
    expect(await verify(service, seed.rootKey, { key: key.key })).toMatchObject({ valid: true });
    await service.ctx.usage.flush();

    service.clock.advance(10 * DAY);
    await sweep();
    expect(await verify(service, seed.rootKey, { key: key.key })).toMatchObject({ valid: true });
    await service.ctx.usage.flush();

    // Unused 10 days and a minute since that last verification: the job (through the cluster's runner) disables it.
    service.clock.advance(10 * DAY + 60_000);
    const at = service.clock.now();
    const jobs = new ClusterJobs(
      service.store.db,
      KEYGATE_JOBS,
      service.clock,
      pino({ level: "silent" }),
      service.ctx,
    );
    expect(await jobs.runDue()).toContain("key-sweeps");
    await sweep();
    expect(await verify(service, seed.rootKey, { key: key.key })).toEqual({
      valid: false,
      code: "DISABLED",
      keyId: key.id,
    });
    const stored = await service.store.db
      .selectFrom("keys")
      .select(["enabled", "updated_at"])
      .where("id", "=", key.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ enabled: false, updated_at: at });
    const audit = await service.store.db
      .selectFrom("audit_events")
      .select(["actor_type", "actor_id", "details", "created_at"])
      .where("target_id", "=", key.id)
      .where("action", "=", "key.disabled")
      .execute();
    expect(audit).toEqual([
      {
        actor_type: "system",
        actor_id: null,
        details: { name: "forgotten", reason: "unused for 10 days" },
        created_at: at,
      },
    ]);
    expect((await eventsOf(key.id)).map((event) => [event.type, event.at])).toEqual([
      ["key.disabled", at.toISOString()],
    ]);
  });
});
