/**
 * The stores every store-touching test runs on: PGlite always, PostgreSQL too when
 * TEST_DATABASE_URL (or DATABASE_URL) is set. Each store a test opens is fresh to the test:
 * PGlite in this thread, PostgreSQL as a database of its own, both reused once a test closed them
 * (store-pool.ts). Empty (unmigrated) stores, for migration tests, are reused on PGlite too, and
 * are always new databases on PostgreSQL (creating one takes ~0.2 s).
 */
import type { Store } from "../src/store/database.js";
import { leasePglite, leasePostgres, openEmptyPostgres, postgresServer } from "./store-pool.js";

export interface Backend {
  name: "pglite" | "postgres";
  /** A fresh, migrated store. */
  open(): Promise<Store>;
  /** A fresh, empty (unmigrated) store, and where it lives, for migration tests. */
  openEmpty(): Promise<{ store: Store; url?: string }>;
}

const pgliteBackend: Backend = {
  name: "pglite",
  open: () => leasePglite("migrated"),
  async openEmpty() {
    return { store: await leasePglite("empty") };
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
