/**
 * Temporary data folders for tests that run Keygate the way `npm start` does (PGlite in a
 * folder): filled from the prepared dumps (~0.7 s) instead of a fresh initialisation (~4 s).
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { openStore, type Store } from "../src/store/database.js";

export interface TempDataDir {
  /** The data folder (`KEYGATE_DATA_DIR`). */
  dir: string;
  /** Opens the folder's store for seeding or checking; close it before Keygate opens the folder. */
  open(): Promise<Store>;
  remove(): Promise<void>;
}

/**
 * A temporary data folder: `"migrated"` holds the current schema, `"empty"` a bare database,
 * `"none"` nothing at all (the folder does not exist yet).
 */
export async function tempDataDir(content: "migrated" | "empty" | "none"): Promise<TempDataDir> {
  const parent = await mkdtemp(path.join(tmpdir(), "keygate-data-"));
  const dir = path.join(parent, "data");
  if (content !== "none") {
    const dump = await readFile(inject(content === "migrated" ? "pgliteDumpPath" : "pgliteEmptyDumpPath"));
    const store = await openStore({ dataDir: dir, loadDataDir: new Blob([new Uint8Array(dump)]) });
    await store.close();
  }
  return {
    dir,
    open: () => openStore({ dataDir: dir }),
    remove: () => rm(parent, { recursive: true, force: true }),
  };
}
