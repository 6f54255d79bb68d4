import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { backends } from "../../test/backends.js";
import { createTestService, seedRootKey, seedWorkspace, type TestService } from "../../test/harness.js";
import { insertKey, keyRow } from "../../test/key-fixtures.js";
import { verify } from "../../test/verify-helpers.js";
import { type UsageBatch, writeUsageBatch } from "../domain/usage/write-usage.js";
import { createMetrics } from "../observability/metrics.js";
import { KEYS_PER_BATCH, UsageBuffer } from "./usage-buffer.js";

async function usageRows(service: TestService, keyId: string) {
  const rows = await service.store.db
    .selectFrom("key_usage")
    .select(["bucket", "outcome", "count"])
    .where("key_id", "=", keyId)
    .orderBy("bucket")
    .orderBy("outcome")
    .execute();
  return rows.map((row) => ({ ...row, bucket: row.bucket.toISOString() }));
}

describe.each(backends)("the usage buffer on $name", (backend) => {
  let service: TestService;
  let wsId: string;
  let root: string;

  beforeAll(async () => {
    service = await createTestService({ backend });
    wsId = (await seedWorkspace(service)).workspace.id;
    root = await seedRootKey(service, wsId, ["keys:verify"]);
  });
  afterAll(async () => service.close());

  const newBuffer = (write: (batch: UsageBatch) => Promise<unknown>, flushIntervalMs?: number) => {
    const metrics = createMetrics();
    const buffer = new UsageBuffer({
      write,
      now: () => service.clock.nowMs(),
      metrics,
      logger: pino({ level: "silent" }),
      flushIntervalMs,
    });
    return { buffer, metrics };
  };

  it("writes nothing on the verify path: counts wait in memory until a flush", async () => {
    const key = await insertKey(service, wsId);
    await verify(service, root, { key: key.secret });
    expect(service.ctx.usage.pendingKeys).toBeGreaterThan(0);
    expect(await usageRows(service, key.id)).toEqual([]);
    expect((await keyRow(service, key.id)).usage_count).toBe(0);
    await service.ctx.usage.flush();
    expect(service.ctx.usage.pendingKeys).toBe(0);
    expect((await keyRow(service, key.id)).usage_count).toBe(1);
  });

  it("splits counts across hours", async () => {
    service.clock.set("2026-06-05T10:59:59.000Z");
    const key = await insertKey(service, wsId);
    const { buffer } = newBuffer((batch) => writeUsageBatch(service.store.db, batch));
    buffer.record(key.id, wsId, "VALID", Date.parse("2026-06-05T10:59:59.000Z"), "203.0.113.1");
    buffer.record(key.id, wsId, "VALID", Date.parse("2026-06-05T11:00:00.000Z"), undefined);
    buffer.record(key.id, wsId, "EXPIRED", Date.parse("2026-06-05T11:00:01.000Z"), "203.0.113.9");
    await buffer.flush();
    expect(await usageRows(service, key.id)).toEqual([
      { bucket: "2026-06-05T10:00:00.000Z", outcome: "VALID", count: 1 },
      { bucket: "2026-06-05T11:00:00.000Z", outcome: "EXPIRED", count: 1 },
      { bucket: "2026-06-05T11:00:00.000Z", outcome: "VALID", count: 1 },
    ]);
    const row = await keyRow(service, key.id);
    expect(row.usage_count).toBe(2);
    // The last VALID use had no address: the one before it stays.
    expect(row.last_used_at?.toISOString()).toBe("2026-06-05T11:00:00.000Z");
    expect(row.last_used_ip).toBe("203.0.113.1");
    await buffer.close();
  });

  it("adds to what the store holds", async () => {
    const key = await insertKey(service, wsId);
    const { buffer } = newBuffer((batch) => writeUsageBatch(service.store.db, batch));
    const at = service.clock.nowMs();
    buffer.record(key.id, wsId, "VALID", at, undefined);
    await buffer.flush();
    buffer.record(key.id, wsId, "VALID", at, undefined);
    buffer.record(key.id, wsId, "VALID", at, undefined);
    await buffer.flush();
    expect((await usageRows(service, key.id)).map((row) => row.count)).toEqual([3]);
    expect((await keyRow(service, key.id)).usage_count).toBe(3);
    await buffer.close();
  });

  it("keeps the counts of a failed write and writes them once with the next flush", async () => {
    service.clock.set("2026-06-06T10:30:00.000Z");
    const key = await insertKey(service, wsId);
    let failures = 1;
    const { buffer, metrics } = newBuffer(async (batch) => {
      if (failures-- > 0) throw new Error("store unreachable");
      await writeUsageBatch(service.store.db, batch);
    });
    const at = service.clock.nowMs();
    buffer.record(key.id, wsId, "VALID", at, "203.0.113.5");
    buffer.record(key.id, wsId, "DISABLED", at, undefined);
    await expect(buffer.flush()).rejects.toThrow("store unreachable");
    expect((await metrics.usageFlushFailures.get()).values[0]?.value).toBe(1);
    buffer.record(key.id, wsId, "VALID", at + 1000, undefined);
    await buffer.flush();
    const counts = Object.fromEntries((await usageRows(service, key.id)).map((r) => [r.outcome, r.count]));
    expect(counts).toEqual({ VALID: 2, DISABLED: 1 });
    const row = await keyRow(service, key.id);
    expect(row.usage_count).toBe(2);
    expect(row.last_used_ip).toBe("203.0.113.5");
    expect(buffer.pendingKeys).toBe(0);
    await buffer.close();
  });

  it("writes a batch larger than one statement whole", async () => {
    const keys = [];
    for (let i = 0; i < 260; i++) keys.push(await insertKey(service, wsId));
    const { buffer } = newBuffer((batch) => writeUsageBatch(service.store.db, batch));
    for (const key of keys) {
      buffer.record(key.id, wsId, "VALID", service.clock.nowMs(), undefined);
      buffer.record(key.id, wsId, "DISABLED", service.clock.nowMs(), undefined);
    }
    await buffer.flush();
    const written = await service.store.db
      .selectFrom("key_usage")
      .select((eb) => eb.fn.countAll<number>().as("rows"))
      .where(
        "key_id",
        "in",
        keys.map((key) => key.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(written.rows)).toBe(520);
    const used = await service.store.db
      .selectFrom("keys")
      .select((eb) => eb.fn.sum<number>("usage_count").as("uses"))
      .where(
        "id",
        "in",
        keys.map((key) => key.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(used.uses)).toBe(260);
    await buffer.close();
  });

  it("writes a flush in short batches of at most 100 keys, each with its own id", async () => {
    const keys = [];
    for (let i = 0; i < 250; i++) keys.push(await insertKey(service, wsId));
    const batches: UsageBatch[] = [];
    const { buffer } = newBuffer(async (batch) => {
      batches.push(batch);
      return writeUsageBatch(service.store.db, batch);
    });
    for (const key of keys) buffer.record(key.id, wsId, "VALID", service.clock.nowMs(), undefined);
    await buffer.flush();
    expect(batches.map((batch) => batch.keys.length)).toEqual([100, 100, 50]);
    expect(new Set(batches.map((batch) => batch.id)).size).toBe(3);
    const used = await service.store.db
      .selectFrom("keys")
      .select((eb) => eb.fn.sum<number>("usage_count").as("uses"))
      .where(
        "id",
        "in",
        keys.map((key) => key.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(used.uses)).toBe(250);
    await buffer.close();
  });

  it("lets a store read dispatched during a batch (as a cache miss is) run before the next batch", async () => {
    const keys: Array<{ id: string }> = [];
    for (let i = 0; i < KEYS_PER_BATCH + 1; i++) keys.push(await insertKey(service, wsId));
    const order: string[] = [];
    const { buffer } = newBuffer(async (batch) => {
      const written = await writeUsageBatch(service.store.db, batch);
      order.push(`batch of ${batch.keys.length}`);
      if (order.length === 1) {
        // A miss arriving now is read in the loop's next turn (the record loader's dispatch).
        setImmediate(() => {
          void service.store.db
            .selectFrom("keys")
            .select("id")
            .where("id", "=", keys[0]?.id ?? "")
            .execute()
            .then(() => order.push("read"));
        });
      }
      return written;
    });
    for (const key of keys) buffer.record(key.id, wsId, "VALID", service.clock.nowMs(), undefined);
    await buffer.flush();
    expect(order).toEqual([`batch of ${KEYS_PER_BATCH}`, "read", "batch of 1"]);
    await buffer.close();
  });

  it("counts a batch once when its commit succeeded but the answer was lost and it was retried", async () => {
    service.clock.set("2026-06-07T08:15:00.000Z");
    const key = await insertKey(service, wsId);
    const attempts: UsageBatch[] = [];
    const { buffer } = newBuffer(async (batch) => {
      attempts.push(batch);
      await writeUsageBatch(service.store.db, batch);
      if (attempts.length === 1) throw new Error("connection lost after COMMIT");
    });
    buffer.record(key.id, wsId, "VALID", service.clock.nowMs(), "203.0.113.8");
    buffer.record(key.id, wsId, "VALID", service.clock.nowMs(), "203.0.113.8");
    await expect(buffer.flush()).rejects.toThrow("connection lost after COMMIT");
    expect(buffer.pendingKeys).toBe(1);
    await buffer.flush();
    expect(attempts.map((batch) => batch.id)).toEqual([attempts[0]?.id, attempts[0]?.id]);
    expect(attempts[1]).toEqual(attempts[0]);
    expect(await usageRows(service, key.id)).toEqual([
      { bucket: "2026-06-07T08:00:00.000Z", outcome: "VALID", count: 2 },
    ]);
    expect((await keyRow(service, key.id)).usage_count).toBe(2);
    expect(await writeUsageBatch(service.store.db, attempts[0] ?? { id: "", rollups: [], keys: [] })).toBe(
      false,
    );
    expect((await keyRow(service, key.id)).usage_count).toBe(2);
    await buffer.close();
  });

  it("retries a failed batch unchanged and writes counts that came meanwhile in a batch of their own", async () => {
    const key = await insertKey(service, wsId);
    const attempts: UsageBatch[] = [];
    const { buffer } = newBuffer(async (batch) => {
      attempts.push(batch);
      if (attempts.length === 1) throw new Error("store unreachable");
      return writeUsageBatch(service.store.db, batch);
    });
    const at = service.clock.nowMs();
    buffer.record(key.id, wsId, "VALID", at, undefined);
    await expect(buffer.flush()).rejects.toThrow("store unreachable");
    buffer.record(key.id, wsId, "VALID", at + 1, undefined);
    buffer.record(key.id, wsId, "RATE_LIMITED", at + 2, undefined);
    await buffer.flush();
    expect(attempts.map((batch) => batch.keys[0]?.uses)).toEqual([1, 1, 1]);
    expect(attempts[1]?.id).toBe(attempts[0]?.id);
    expect(attempts[2]?.id).not.toBe(attempts[0]?.id);
    const counts = Object.fromEntries((await usageRows(service, key.id)).map((r) => [r.outcome, r.count]));
    expect(counts).toEqual({ VALID: 2, RATE_LIMITED: 1 });
    expect((await keyRow(service, key.id)).usage_count).toBe(2);
    expect(buffer.pendingKeys).toBe(0);
    await buffer.close();
  });

  it("skips keys removed from the store and still writes the rest", async () => {
    const kept = await insertKey(service, wsId);
    const removed = await insertKey(service, wsId);
    await service.store.db.deleteFrom("keys").where("id", "=", removed.id).execute();
    const { buffer } = newBuffer((batch) => writeUsageBatch(service.store.db, batch));
    buffer.record(removed.id, wsId, "VALID", service.clock.nowMs(), undefined);
    buffer.record(kept.id, wsId, "VALID", service.clock.nowMs(), undefined);
    await buffer.flush();
    expect((await keyRow(service, kept.id)).usage_count).toBe(1);
    expect(buffer.pendingKeys).toBe(0);
    await buffer.close();
  });

  it("flushes on its own every interval and reports flush time and lag", async () => {
    const key = await insertKey(service, wsId);
    const { buffer, metrics } = newBuffer((batch) => writeUsageBatch(service.store.db, batch), 20);
    buffer.record(key.id, wsId, "VALID", service.clock.nowMs(), undefined);
    service.clock.advance(1500);
    await vi.waitFor(async () => expect((await keyRow(service, key.id)).usage_count).toBe(1), {
      timeout: 5000,
    });
    // The flush is timed once its last statement (the workspaces' last verification) is done.
    await vi.waitFor(
      async () => expect((await metrics.usageFlushSeconds.get()).values.length).toBeGreaterThan(0),
      { timeout: 5000 },
    );
    const count = (await metrics.usageFlushSeconds.get()).values.find((v) =>
      v.metricName?.endsWith("_count"),
    );
    expect(count?.value).toBe(1);
    expect((await metrics.usageFlushLagSeconds.get()).values[0]?.value).toBe(0);
    await buffer.close();
  });
});

describe.each(backends)("closing the service on $name", (backend) => {
  it("writes every buffered count when the app closes", async () => {
    const service = await createTestService({ backend });
    try {
      const wsId = (await seedWorkspace(service)).workspace.id;
      const root = await seedRootKey(service, wsId, ["keys:verify"]);
      const keys = await Promise.all([
        insertKey(service, wsId),
        insertKey(service, wsId, { enabled: false }),
      ]);
      for (let i = 0; i < 25; i++) {
        for (const key of keys) await verify(service, root, { key: key.secret });
      }
      await service.app.close();
      expect((await keyRow(service, keys[0]?.id ?? "")).usage_count).toBe(25);
      const rows = await service.store.db
        .selectFrom("key_usage")
        .select(["key_id", "outcome", "count"])
        .orderBy("outcome")
        .execute();
      expect(rows.map((row) => [row.key_id, row.outcome, row.count])).toEqual([
        [keys[1]?.id, "DISABLED", 25],
        [keys[0]?.id, "VALID", 25],
      ]);
    } finally {
      await service.store.close();
    }
  });
});
