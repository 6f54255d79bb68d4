/**
 * The stores every store-touching test runs on: PGlite always, PostgreSQL too when
 * TEST_DATABASE_URL (or DATABASE_URL) is set. Each store is fresh: PGlite from the migrated dump,
 * PostgreSQL as a new database dropped when the test closes it.
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { inject } from "vitest";
import { openStore, type Store } from "../src/store/database.js";
import { migrateToLatest } from "../src/store/migrate.js";

export interface Backend {
  name: "pglite" | "postgres";
  /** A fresh, migrated store. */
  open(): Promise<Store>;
  /** A fresh, empty (unmigrated) store, and where it lives, for migration tests. */
  openEmpty(): Promise<{ store: Store; url?: string }>;
}

let dumpBytes: Promise<Buffer> | undefined;
let emptyDumpBytes: Promise<Buffer> | undefined;

const pgliteBackend: Backend = {
  name: "pglite",
  async open() {
    dumpBytes ??= readFile(inject("pgliteDumpPath"));
    const bytes = await dumpBytes;
    return openStore({ loadDataDir: new Blob([new Uint8Array(bytes)]) });
  },
  async openEmpty() {
    emptyDumpBytes ??= readFile(inject("pgliteEmptyDumpPath"));
    const bytes = await emptyDumpBytes;
    return { store: await openStore({ loadDataDir: new Blob([new Uint8Array(bytes)]) }) };
  },
};

export const postgresUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

/** Creates a fresh database on the PostgreSQL server; dropped when the returned store closes. */
async function freshPostgres(migrate: boolean): Promise<{ store: Store; url: string }> {
  if (!postgresUrl) throw new Error("no PostgreSQL configured");
  const name = `keygate_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString(), poolSize: 4 });
  if (migrate) await migrateToLatest(store.db);
  const close = store.close;
  store.close = async () => {
    await close();
    const dropper = new pg.Client({ connectionString: postgresUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`);
    await dropper.end();
  };
  return { store, url: url.toString() };
}

const postgresBackend: Backend = {
  name: "postgres",
  async open() {
    return (await freshPostgres(true)).store;
  },
  openEmpty: () => freshPostgres(false),
};

/** PGlite, plus PostgreSQL when the environment names one. */
export const backends: Backend[] = postgresUrl ? [pgliteBackend, postgresBackend] : [pgliteBackend];
export { pgliteBackend };
