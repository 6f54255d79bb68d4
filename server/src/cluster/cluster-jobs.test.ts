/** Background jobs run once per interval for the whole cluster, whichever nodes look for them. */
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../../test/backends.js";
import { workspaceRow } from "../../test/store-fixtures.js";
import { ManualClock } from "../clock.js";
import { createMetrics } from "../observability/metrics.js";
import type { Store } from "../store/database.js";
import { LocalInvalidation } from "../verifier/invalidation.js";
import { type ClusterJob, ClusterJobs, KEYGATE_JOBS } from "./cluster-jobs.js";
import { NodeRegistry } from "./node-registry.js";

const silent = pino({ level: "silent" });
const deps = { invalidation: new LocalInvalidation() };
const HOUR = 3_600_000;

describe.each(backends)("background jobs on $name", (backend) => {
  let store: Store;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await store.close();
  });

  it("three nodes checking at the same moment run a job once, and again only after its interval", async () => {
    const clock = new ManualClock("2026-12-02T10:00:00Z");
    let runs = 0;
    const job: ClusterJob = {
      name: "counting",
      intervalMs: HOUR,
      async run() {
        runs += 1;
        // Long enough that the other nodes look while it runs.
        await new Promise((resolve) => setTimeout(resolve, 100));
        return 1;
      },
    };
    const nodes = [1, 2, 3].map(() => new ClusterJobs(store.db, [job], clock, silent, deps));
    const ran = await Promise.all(nodes.map((node) => node.runDue()));
    expect(runs).toBe(1);
    expect(ran.flat()).toEqual(["counting"]);
    clock.advance(HOUR - 1);
    expect((await Promise.all(nodes.map((node) => node.runDue()))).flat()).toEqual([]);
    clock.advance(1);
    await Promise.all(nodes.map((node) => node.runDue()));
    expect(runs).toBe(2);
  });

  it("a job that fails rolls back and runs at the next check", async () => {
    const clock = new ManualClock("2026-12-02T10:00:00Z");
    let fail = true;
    const job: ClusterJob = {
      name: "failing-once",
      intervalMs: HOUR,
      async run() {
        if (fail) throw new Error("store hiccup");
        return 0;
      },
    };
    const node = new ClusterJobs(store.db, [job], clock, silent, deps);
    await expect(node.runDue()).rejects.toThrow("store hiccup");
    fail = false;
    expect(await node.runDue()).toEqual(["failing-once"]);
  });

  it("the sweeps delete expired sign-ins and old usage batch ids, and keep the rest", async () => {
    const now = new Date("2026-12-02T10:00:00Z");
    const old = new Date(now.getTime() - 25 * HOUR);
    const recent = new Date(now.getTime() - HOUR / 2);
    await store.db
      .insertInto("usage_batches")
      .values([
        { id: "batch_old", applied_at: new Date(now.getTime() - 2 * HOUR) },
        { id: "batch_recent", applied_at: recent },
      ])
      .execute();
    const workspace = workspaceRow();
    await store.db.insertInto("workspaces").values(workspace).execute();
    await store.db
      .insertInto("setup_tokens")
      .values([
        { token_hash: "setup_old", workspace_id: workspace.id, created_at: old, expires_at: old },
        {
          token_hash: "setup_live",
          workspace_id: workspace.id,
          created_at: now,
          expires_at: new Date(now.getTime() + HOUR),
        },
      ])
      .execute();
    await store.db
      .insertInto("cluster_nodes")
      .values([
        { id: "gone", started_at: old, seen_at: old },
        { id: "here", started_at: now, seen_at: now },
      ])
      .execute();
    // Webhook history: a 31-day-old event goes with its delivery; one as old with a delivery still
    // pending (a redelivery) stays, as does a recent one.
    const month = new Date(now.getTime() - 31 * 24 * HOUR);
    await store.db
      .insertInto("webhook_endpoints")
      .values({
        id: "whk_jobs",
        workspace_id: workspace.id,
        url: "https://hooks.example.com/",
        events: JSON.stringify(["key.created"]),
        secret_ciphertext: "sealed",
        created_at: month,
        updated_at: month,
      })
      .execute();
    await store.db
      .insertInto("webhook_events")
      .values(
        [
          ["msg_old", month],
          ["msg_old_pending", month],
          ["msg_recent", recent],
        ].map(([id, at]) => ({
          id: String(id),
          workspace_id: workspace.id,
          type: "key.created",
          data: "{}",
          occurred_at: at as Date,
        })),
      )
      .execute();
    await store.db
      .insertInto("webhook_deliveries")
      .values([
        {
          id: "whd_old",
          endpoint_id: "whk_jobs",
          event_id: "msg_old",
          status: "delivered",
          created_at: month,
        },
        {
          id: "whd_pending",
          endpoint_id: "whk_jobs",
          event_id: "msg_old_pending",
          created_at: recent,
          next_attempt_at: now,
        },
      ])
      .execute();
    const jobs = new ClusterJobs(store.db, KEYGATE_JOBS, new ManualClock(now), silent, deps);
    expect(await jobs.runDue()).toEqual([
      "expired-sign-ins",
      "applied-usage-batches",
      "gone-nodes",
      "webhook-history",
      "key-sweeps",
    ]);
    expect(
      (await store.db.selectFrom("webhook_events").select("id").orderBy("id").execute()).map((r) => r.id),
    ).toEqual(["msg_old_pending", "msg_recent"]);
    expect((await store.db.selectFrom("webhook_deliveries").select("id").execute()).map((r) => r.id)).toEqual(
      ["whd_pending"],
    );
    expect((await store.db.selectFrom("usage_batches").select("id").execute()).map((r) => r.id)).toEqual([
      "batch_recent",
    ]);
    expect(
      (await store.db.selectFrom("setup_tokens").select("token_hash").execute()).map((r) => r.token_hash),
    ).toContain("setup_live");
    expect(
      (await store.db.selectFrom("setup_tokens").select("token_hash").execute()).map((r) => r.token_hash),
    ).not.toContain("setup_old");
    expect((await store.db.selectFrom("cluster_nodes").select("id").execute()).map((r) => r.id)).toEqual([
      "here",
    ]);
  });

  it("nodes count each other by their heartbeats, and one that stops is no longer counted", async () => {
    await store.db.deleteFrom("cluster_nodes").execute();
    const registries = ["n1", "n2", "n3"].map(
      (id) => new NodeRegistry(store.db, id, createMetrics(), silent),
    );
    for (const registry of registries) await registry.start();
    // The first started before the others: it counts them at its next heartbeat.
    expect(registries.map((r) => r.liveNodes())).toEqual([1, 2, 3]);
    await registries[2]?.stop();
    await registries[1]?.stop();
    const rows = await store.db.selectFrom("cluster_nodes").select("id").execute();
    expect(rows.map((r) => r.id)).toEqual(["n1"]);
    await registries[0]?.stop();
  });
});
