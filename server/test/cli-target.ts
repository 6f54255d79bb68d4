/**
 * Where a CLI test points the command: a test store of the backend (migrated, or empty), opened
 * once for the whole describe block. The commands run in this process on that store (through
 * `io.store`), so a test seeds, runs commands and checks without opening anything again; opening
 * and locking the configured store is covered by program.test.ts and main.test.ts, which run the
 * real thing.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import type { CliIo } from "../src/cli/program.js";
import { ManualClock } from "../src/clock.js";
import { type Config, loadConfig } from "../src/config/config.js";
import type { Store } from "../src/store/database.js";
import type { Backend } from "./backends.js";
import { leasePostgres } from "./store-pool.js";

export interface CliTarget {
  config: Config;
  /** The store the commands work on. */
  store: Store;
  /** Runs `run` on the target's store (for seeding and checking). */
  withDb<T>(run: (store: Store) => Promise<T>): Promise<T>;
  /** A captured io whose commands work on the target's store, with its environment by default. */
  io(env?: NodeJS.ProcessEnv): CapturedIo;
  remove(): Promise<void>;
}

/** Where the target's data folder would be; the commands never open it, they use the store. */
const UNUSED_DATA_DIR = path.join(tmpdir(), "keygate-cli-target");

async function openTarget(
  backend: Backend,
  content: "migrated" | "empty",
): Promise<{ store: Store; url?: string | undefined }> {
  if (content === "empty") return backend.openEmpty();
  return backend.name === "postgres" ? leasePostgres() : { store: await backend.open() };
}

export async function cliTarget(
  backend: Backend,
  content: "migrated" | "empty" = "migrated",
): Promise<CliTarget> {
  const { store, url } = await openTarget(backend, content);
  const config = url
    ? loadConfig({ DATABASE_URL: url, KEYGATE_DATA_DIR: "/nonexistent", LOG_LEVEL: "silent" })
    : loadConfig({ KEYGATE_DATA_DIR: UNUSED_DATA_DIR, LOG_LEVEL: "silent" });
  return {
    config,
    store,
    withDb: (run) => run(store),
    io: (env = envOf(config)) => captureIo(env, store),
    remove: () => store.close(),
  };
}

export interface CapturedIo extends CliIo {
  clock: ManualClock;
  out: string[];
  errors: string[];
}

/**
 * A CLI io that records what the command prints, with a manual clock and the given environment;
 * with a store, the commands work on it instead of opening the configured one.
 */
export function captureIo(env: NodeJS.ProcessEnv = {}, store?: Store): CapturedIo {
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
    store,
  };
}

/** The environment that points the CLI at a target. */
export function envOf(config: Config): NodeJS.ProcessEnv {
  return config.databaseUrl
    ? { DATABASE_URL: config.databaseUrl, LOG_LEVEL: "silent" }
    : { KEYGATE_DATA_DIR: config.dataDir, LOG_LEVEL: "silent" };
}
