/**
 * Opens the configured store for one CLI command: takes the data-folder lock (embedded store),
 * applies pending migrations, runs the command, and closes everything, also when it fails. A store
 * the caller already holds (`options.store`, tests) is migrated and used as it is, and left open.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { lockDataDir } from "../app/data-dir-lock.js";
import type { Config } from "../config/config.js";
import { openStore, type Store } from "../store/database.js";
import { type MigrateReport, migrateToLatest } from "../store/migrate.js";
import { CliError } from "./cli-error.js";

export interface WithStoreOptions {
  /** Refuse an embedded data folder that holds no database yet (a typo should not create one). */
  mustExist: boolean;
  /** An open store to use instead of opening (and locking) the configured one. */
  store?: Store | undefined;
}

export async function withStore<T>(
  config: Config,
  options: WithStoreOptions,
  run: (store: Store, migrations: MigrateReport) => Promise<T>,
): Promise<T> {
  if (options.store) return run(options.store, await migrateToLatest(options.store.db));
  if (!config.databaseUrl && options.mustExist && !existsSync(path.join(config.dataDir, "PG_VERSION"))) {
    throw new CliError(
      `no Keygate data in ${config.dataDir}: start Keygate once (keygate serve), or set KEYGATE_DATA_DIR or DATABASE_URL`,
    );
  }
  const lock = config.databaseUrl ? undefined : await lockDataDir(config.dataDir);
  try {
    const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    try {
      return await run(store, await migrateToLatest(store.db));
    } finally {
      await store.close();
    }
  } finally {
    await lock?.release();
  }
}
