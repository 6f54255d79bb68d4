import { sql } from "kysely";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createTestService, seedWorkspace, type TestService } from "../../test/harness.js";
import { insertKey } from "../../test/key-fixtures.js";
import { scheduleEmbeddedVacuum, vacuumEmbeddedStore } from "./embedded-vacuum.js";

const services: TestService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.close()));
});

/** A fresh embedded store with 300 keys, whose rows are then updated `rounds` times over. */
async function churnKeys(rounds: number, vacuumEachRound: boolean): Promise<number> {
  const service = await createTestService();
  services.push(service);
  const { workspace } = await seedWorkspace(service);
  for (let i = 0; i < 300; i++) await insertKey(service, workspace.id);
  for (let round = 0; round < rounds; round++) {
    // What the usage buffer does every second: each used key's counters move.
    await sql`update keys set usage_count = usage_count + 1, last_used_at = now()`.execute(service.store.db);
    if (vacuumEachRound) await vacuumEmbeddedStore(service.store);
  }
  const { rows } = await sql<{ size: number }>`select pg_relation_size('keys')::int as size`.execute(
    service.store.db,
  );
  return rows[0]?.size ?? 0;
}

describe("vacuum of the embedded store", () => {
  it("keeps the keys table from growing under per-second usage updates, which PGlite never autovacuums", async () => {
    const unvacuumed = await churnKeys(30, false);
    const vacuumed = await churnKeys(30, true);
    expect(vacuumed).toBeGreaterThan(0);
    expect(vacuumed * 4).toBeLessThan(unvacuumed);
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
