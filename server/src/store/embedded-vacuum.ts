/**
 * PGlite runs PostgreSQL as one standalone backend, so nothing runs autovacuum. The usage buffer
 * updates each used key's hourly rollup every second, and every update leaves a dead row version
 * behind: without a vacuum the embedded store's tables would grow for ever and slow down. (Key
 * rows leave room on their pages, so their use counters mostly change in place.) This vacuums the
 * tables that change all the time, every few minutes, on the embedded store only (a PostgreSQL
 * server runs its own autovacuum).
 */
import { sql } from "kysely";
import type { Logger } from "pino";
import type { Store } from "./database.js";

/** The tables rewritten by routine traffic: usage counters, rollups, sessions, rotated secrets. */
const BUSY_TABLES = ["keys", "key_usage", "sessions", "key_secrets", "root_keys"] as const;
export const EMBEDDED_VACUUM_INTERVAL_MS = 10 * 60_000;

/** Vacuums (and analyzes) the busy tables of an embedded store; does nothing on PostgreSQL. */
export async function vacuumEmbeddedStore(store: Store): Promise<void> {
  if (store.kind !== "pglite") return;
  for (const table of BUSY_TABLES) await sql`vacuum (analyze) ${sql.table(table)}`.execute(store.db);
}

/**
 * Runs {@link vacuumEmbeddedStore} every `intervalMs`, one run at a time, until stopped; `stop()`
 * resolves once a run in progress has finished, so the store can then be closed.
 */
export function scheduleEmbeddedVacuum(
  store: Store,
  logger: Logger,
  intervalMs = EMBEDDED_VACUUM_INTERVAL_MS,
): { stop(): Promise<void> } {
  if (store.kind !== "pglite") return { stop: async () => {} };
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    const started = performance.now();
    running = vacuumEmbeddedStore(store)
      .then(() =>
        logger.debug({ ms: Math.round(performance.now() - started) }, "vacuumed the embedded store"),
      )
      .catch((error: unknown) => logger.warn({ err: error }, "vacuum of the embedded store failed"))
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
