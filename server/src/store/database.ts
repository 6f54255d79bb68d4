/**
 * Opens the store: embedded PGlite in a data folder by default, PostgreSQL when a URL is given.
 * Both speak the PostgreSQL dialect through one Kysely instance.
 */
import { mkdir } from "node:fs/promises";
import type { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { openPgliteInProcess, queryYielding } from "./pglite/pglite-in-process.js";
import { PgliteThread } from "./pglite/pglite-thread.js";
import type { Database } from "./schema.js";

const INT8_OID = 20;
const NUMERIC_OID = 1700;

export type StoreKind = "pglite" | "postgres";

export interface Store {
  db: Kysely<Database>;
  kind: StoreKind;
  /** Closes every connection (and flushes PGlite to its folder). */
  close(): Promise<void>;
  /**
   * Runs a trivial query through the store's connections as every other query does; throws when
   * the store is unreachable.
   */
  ping(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://...`: use PostgreSQL. */
  databaseUrl?: string | undefined;
  /** Folder of the embedded store; in memory when neither this nor `databaseUrl` is set. */
  dataDir?: string | undefined;
  /** A prepared PGlite data dump to start from (tests load one migrated dump per file). */
  loadDataDir?: Blob | File | undefined;
  /** PostgreSQL pool size. */
  poolSize?: number;
  /** Tests: run PGlite in this thread instead of its own (opens in half the time). */
  inProcess?: boolean;
}

/**
 * `select 1` through Kysely, which takes a connection the way every query does. On the embedded
 * store there is one connection: a query sent to PGlite past Kysely would run inside whatever
 * transaction holds it, and fail while a failed transaction waits for its rollback ("current
 * transaction is aborted"), answering "not ready" for a store that is fine.
 */
export async function pingThrough(db: Kysely<Database>): Promise<void> {
  await sql`select 1`.execute(db);
}

/** Opens the store described by the options. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options);
}

/** PGlite runs in its own thread: its work never pauses the event loop that answers verifications. */
async function openPglite(options: StoreOptions): Promise<Store> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  if (options.inProcess) return openPgliteHere(options);
  const client = await PgliteThread.start({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client.asPglite()) });
  return {
    db,
    kind: "pglite",
    // Kysely closes its driver only if it ran a query; the thread must stop either way.
    close: async () => {
      await db.destroy();
      await client.close();
    },
    ping: () => pingThrough(db),
  };
}

async function openPgliteHere(options: StoreOptions): Promise<Store> {
  const client = await openPgliteInProcess({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
  const answering = {
    query: (text: string, params?: unknown[]) => queryYielding(client, text, params),
    close: () => client.close(),
  };
  const db = new Kysely<Database>({ dialect: new PGliteDialect(answering as unknown as PGlite) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
    ping: () => pingThrough(db),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // A query waits at most this long for a connection: an unreachable PostgreSQL fails requests
    // (and /readyz) instead of holding them.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8_OID || oid === NUMERIC_OID
          ? Number
          : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
    },
  });
  // A dropped connection must not crash the process; the next query reconnects. The pool only
  // listens on idle clients: one reset while checked out (between a transaction's statements)
  // would raise an unhandled 'error' event, so every client gets a listener of its own. The query
  // in flight still fails, and the pool discards the client.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: "postgres",
    close: () => db.destroy(),
    ping: () => pingThrough(db),
  };
}
