import { sql } from "kysely";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createTestService, seedWorkspace, type TestService } from "../../test/harness.js";
import { insertKeys } from "../../test/key-fixtures.js";
import { scheduleEmbeddedVacuum, vacuumEmbeddedStore } from "./embedded-vacuum.js";

const services: TestService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

interface TableSizes {
  keys: number;
  usage: number;
}

async function sizes(service: TestService): Promise<TableSizes> {
  const { rows } = await sql<TableSizes>`
    select pg_relation_size('keys')::int as keys, pg_relation_size('key_usage')::int as usage`.execute(
    service.store.db,
  );
  return rows[0] ?? { keys: 0, usage: 0 };
}

/**
 * A fresh embedded store with 300 keys, each with an hour of usage, whose rows then change as the
 * usage flush changes them, `rounds` times. Answers the table sizes before and after.
 */
async function churn(
  rounds: number,
  vacuumEachRound: boolean,
): Promise<{ before: TableSizes; after: TableSizes }> {
  const service = await createTestService();
  services.push(service);
  const { workspace } = await seedWorkspace(service);
  await insertKeys(service, workspace.id, 300);
  await sql`
    insert into key_usage (key_id, workspace_id, bucket, outcome, count)
    select id, workspace_id, date_trunc('hour', now()), 'VALID', 1 from keys`.execute(service.store.db);
  const before = await sizes(service);
  for (let round = 0; round < rounds; round++) {
    // What the usage buffer does every second: each used key's counters move.
    await sql`update keys set usage_count = usage_count + 1, last_used_at = now()`.execute(service.store.db);
    await sql`update key_usage set count = count + 1`.execute(service.store.db);
    if (vacuumEachRound) await vacuumEmbeddedStore(service.store);
  }
  return { before, after: await sizes(service) };
}

describe("vacuum of the embedded store", () => {
  it("keeps the usage table from growing under per-second updates, which PGlite never autovacuums", async () => {
    const unvacuumed = await churn(30, false);
    const vacuumed = await churn(30, true);
    expect(vacuumed.after.usage).toBeGreaterThan(0);
    expect(vacuumed.after.usage * 4).toBeLessThan(unvacuumed.after.usage);
    // Key rows leave half of each page free, so their updates stay in place even unvacuumed.
    expect(unvacuumed.after.keys).toBeLessThanOrEqual(unvacuumed.before.keys * 1.25);
  });

  it("runs on a schedule and waits for a run in progress when stopped", async () => {
    const service = await createTestService();
    services.push(service);
    const schedule = scheduleEmbeddedVacuum(service.store, pino({ level: "silent" }), 20);
    await new Promise((resolve) => setTimeout(resolve, 120));
    await schedule.stop();
    const { rows } = await sql<{ vacuums: number }>`
      select coalesce(sum(vacuum_count), 0)::int as vacuums from pg_stat_user_tables where relname = 'keys'`.execute(
      service.store.db,
    );
    expect(rows[0]?.vacuums).toBeGreaterThan(0);
  });
});
