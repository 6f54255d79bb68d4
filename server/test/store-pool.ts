/**
 * Fresh test stores without the cost of opening one for every test. Each test worker keeps the
 * stores its tests closed, empties them (see store-reset.ts) and hands them out again, so a store
 * still looks just migrated to every test that opens one, while PGlite is loaded from the dump
 * (~1.2 s) and a PostgreSQL database copied from the template (~0.2 s) only when no used one is
 * idle.
 *
 * A leased store behaves as an opened one: closing it ends it for its holder (later queries fail
 * as they do on a closed store, so outage tests keep working); only then is it emptied for the
 * next one. A store whose schema a test changed is closed for good instead.
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { PGlite } from "@electric-sql/pglite";
import { Kysely, sql } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { inject } from "vitest";
import { openStore, type Store } from "../src/store/database.js";
import { openPgliteInProcess, queryYielding } from "../src/store/pglite/pglite-in-process.js";
import type { Database } from "../src/store/schema.js";
import { postgresAdmin, postgresUrlOf } from "./postgres-databases.js";
import { readBaseline, resetStore, type StoreBaseline, type StoreContent } from "./store-reset.js";

/** Idle stores kept per kind and worker; more are closed (a PGlite holds ~100 MB). */
const MAX_IDLE = 3;

const dumps = new Map<string, Promise<Blob>>();

/** A prepared PGlite dump (gzipped), read once per worker. */
export function pgliteDump(which: "pgliteDumpPath" | "pgliteEmptyDumpPath"): Promise<Blob> {
  let dump = dumps.get(which);
  if (!dump) {
    dump = readFile(inject(which)).then(
      (bytes) => new Blob([new Uint8Array(bytes)], { type: "application/x-gzip" }),
    );
    dumps.set(which, dump);
  }
  return dump;
}

/** One worker's idle embedded stores of one content, and what such a store looks like fresh. */
interface PglitePool {
  idle: PGlite[];
  baseline: Promise<StoreBaseline> | undefined;
}

const pglitePools: Record<StoreContent, PglitePool> = {
  migrated: { idle: [], baseline: undefined },
  empty: { idle: [], baseline: undefined },
};

const DUMPS = { migrated: "pgliteDumpPath", empty: "pgliteEmptyDumpPath" } as const;

const runOn = (client: PGlite) => (sql: string) => client.query(sql);

/** Resets a PGlite its holder closed and keeps it for the next, or closes it for good. */
async function returnPglite(client: PGlite, pool: PglitePool): Promise<void> {
  const baseline = pool.baseline && (await pool.baseline);
  try {
    // The one session may hold an open transaction or session settings (`set time zone`).
    await client.query("rollback");
    await client.query("discard all");
    if (baseline && pool.idle.length < MAX_IDLE && (await resetStore(runOn(client), baseline, "truncate"))) {
      pool.idle.push(client);
      return;
    }
  } catch {
    // Not reusable: closed below.
  }
  if (!client.closed) await client.close().catch(() => {});
}

/** An embedded store in this thread: migrated with every table empty, or empty (unmigrated). */
export async function leasePglite(content: StoreContent = "migrated"): Promise<Store> {
  const pool = pglitePools[content];
  let client = pool.idle.pop();
  if (!client) {
    client = await openPgliteInProcess({ loadDataDir: await pgliteDump(DUMPS[content]) });
    pool.baseline ??= readBaseline(runOn(client), content);
    await pool.baseline;
  }
  const leased = client;
  let returned: Promise<void> | undefined;
  const lease = {
    query: (text: string, params?: unknown[]) =>
      returned ? Promise.reject(new Error("PGlite is closed")) : queryYielding(leased, text, params),
    close: () => {
      returned ??= returnPglite(leased, pool);
      return returned;
    },
  };
  const db = new Kysely<Database>({ dialect: new PGliteDialect(lease as unknown as PGlite) });
  return {
    db,
    kind: "pglite",
    // Kysely closes its driver only if it ran a query; the lease must end either way.
    close: async () => {
      await db.destroy();
      await lease.close();
    },
    // Through Kysely, as the store's own ping: a query past it would run inside whatever
    // transaction holds the one connection.
    ping: async () => {
      await sql`select 1`.execute(db);
    },
  };
}

export const postgresServer = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

const idlePostgres: string[] = [];
let postgresBaseline: Promise<StoreBaseline> | undefined;

function requirePostgres(): string {
  if (!postgresServer) throw new Error("no PostgreSQL configured");
  return postgresServer;
}

/** A new database of this run: a copy of the migrated template, or empty. */
async function createDatabase(from: "template" | "empty"): Promise<string> {
  const name = `${inject("postgresRunPrefix")}${from === "empty" ? "e" : "m"}${randomBytes(5).toString("hex")}`;
  const template = from === "template" ? ` template ${inject("postgresTemplate")}` : "";
  await postgresAdmin(requirePostgres(), (admin) => admin.query(`create database ${name}${template}`));
  return name;
}

/** Runs `work` on a connection to database `name` that gives up on a lock after 5 s. */
async function onDatabase<T>(name: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrlOf(requirePostgres(), name) });
  await client.connect();
  try {
    await client.query("set lock_timeout = '5s'");
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Empties a database its holder closed and keeps it; one it changed waits for the run's end. */
async function returnPostgres(name: string): Promise<void> {
  const baseline = postgresBaseline && (await postgresBaseline);
  if (!baseline || idlePostgres.length >= MAX_IDLE) return;
  const reset = await onDatabase(name, (client) =>
    resetStore((sql) => client.query(sql), baseline, "delete"),
  ).catch(() => false);
  if (reset) idlePostgres.push(name);
}

/** A migrated, empty PostgreSQL database with its own pool; dropped at the end of the run. */
export async function leasePostgres(): Promise<{ store: Store; url: string }> {
  let name = idlePostgres.pop();
  if (!name) {
    const created = await createDatabase("template");
    postgresBaseline ??= onDatabase(created, (client) =>
      readBaseline((sql) => client.query(sql), "migrated"),
    );
    await postgresBaseline;
    name = created;
  }
  const leased = name;
  const url = postgresUrlOf(requirePostgres(), leased);
  const store = await openStore({ databaseUrl: url, poolSize: 4 });
  const close = store.close;
  let returned: Promise<void> | undefined;
  store.close = () => {
    returned ??= close().then(() => returnPostgres(leased));
    return returned;
  };
  return { store, url };
}

/** A new, empty (unmigrated) PostgreSQL database; dropped at the end of the run. */
export async function openEmptyPostgres(): Promise<{ store: Store; url: string }> {
  const url = postgresUrlOf(requirePostgres(), await createDatabase("empty"));
  return { store: await openStore({ databaseUrl: url, poolSize: 4 }), url };
}
