/**
 * Where a CLI test points the command: a PGlite data folder, or a fresh PostgreSQL database.
 * `withDb` opens the store for seeding and checking, and closes it again for a data folder, since
 * one process at a time may hold it.
 */
import type { CliIo } from "../src/cli/program.js";
import { ManualClock } from "../src/clock.js";
import { type Config, loadConfig } from "../src/config/config.js";
import type { Store } from "../src/store/database.js";
import { migrateToLatest } from "../src/store/migrate.js";
import type { Backend } from "./backends.js";
import { tempDataDir } from "./data-dir.js";

export interface CliTarget {
  config: Config;
  withDb<T>(run: (store: Store) => Promise<T>): Promise<T>;
  remove(): Promise<void>;
}

export async function cliTarget(
  backend: Backend,
  content: "migrated" | "empty" = "migrated",
): Promise<CliTarget> {
  if (backend.name === "pglite") {
    const data = await tempDataDir(content);
    return {
      config: loadConfig({ KEYGATE_DATA_DIR: data.dir, LOG_LEVEL: "silent" }),
      async withDb(run) {
        const store = await data.open();
        try {
          return await run(store);
        } finally {
          await store.close();
        }
      },
      remove: () => data.remove(),
    };
  }
  const { store, url } = await backend.openEmpty();
  if (content === "migrated") await migrateToLatest(store.db);
  return {
    config: loadConfig({ DATABASE_URL: url, KEYGATE_DATA_DIR: "/nonexistent", LOG_LEVEL: "silent" }),
    withDb: (run) => run(store),
    remove: () => store.close(),
  };
}

export interface CapturedIo extends CliIo {
  clock: ManualClock;
  out: string[];
  errors: string[];
}

/** A CLI io that records what the command prints, with a manual clock and the given environment. */
export function captureIo(env: NodeJS.ProcessEnv = {}): CapturedIo {
  const out: string[] = [];
  const errors: string[] = [];
  return {
    out,
    errors,
    print: (line) => out.push(line),
    error: (line) => errors.push(line),
    clock: new ManualClock("2026-06-01T12:00:00.000Z"),
    env,
    handleSignals: false,
  };
}

/** The environment that points the CLI at a target. */
export function envOf(config: Config): NodeJS.ProcessEnv {
  return config.databaseUrl
    ? { DATABASE_URL: config.databaseUrl, LOG_LEVEL: "silent" }
    : { KEYGATE_DATA_DIR: config.dataDir, LOG_LEVEL: "silent" };
}
