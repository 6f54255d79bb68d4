/**
 * The stores every store-touching test runs on: PGlite always, PostgreSQL too when
 * TEST_DATABASE_URL (or DATABASE_URL) is set. Each store a test opens is migrated and empty:
 * PGlite in this thread, PostgreSQL as a database of its own, both reused once a test closed them
 * (store-pool.ts). Empty (unmigrated) stores, for migration tests, are always new.
 */
import { openStore, type Store } from "../src/store/database.js";
import { leasePglite, leasePostgres, openEmptyPostgres, pgliteDump, postgresServer } from "./store-pool.js";

export interface Backend {
  name: "pglite" | "postgres";
  /** A fresh, migrated store. */
  open(): Promise<Store>;
  /** A fresh, empty (unmigrated) store, and where it lives, for migration tests. */
  openEmpty(): Promise<{ store: Store; url?: string }>;
}

const pgliteBackend: Backend = {
  name: "pglite",
  open: leasePglite,
  async openEmpty() {
    return {
      store: await openStore({ loadDataDir: await pgliteDump("pgliteEmptyDumpPath"), inProcess: true }),
    };
  },
};

export const postgresUrl = postgresServer;

const postgresBackend: Backend = {
  name: "postgres",
  async open() {
    return (await leasePostgres()).store;
  },
  openEmpty: openEmptyPostgres,
};

/** PGlite, plus PostgreSQL when the environment names one. */
export const backends: Backend[] = postgresUrl ? [pgliteBackend, postgresBackend] : [pgliteBackend];
export { pgliteBackend };
