/**
 * Temporary data folders for tests that run Keygate the way `npm start` does (PGlite in a
 * folder): the prepared dumps are tar archives of a PGlite data folder, so a folder is filled by
 * unpacking one (~0.1 s) instead of a fresh initialisation (~4 s) or loading the dump into PGlite
 * and closing it (~2 s). The test's own opens of the folder run PGlite in this thread.
 */
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
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
    await mkdir(dir);
    const dump = inject(content === "migrated" ? "pgliteDumpPath" : "pgliteEmptyDumpPath");
    await promisify(execFile)("tar", ["-xzf", dump, "-C", dir]);
  }
  return {
    dir,
    open: () => openStore({ dataDir: dir, inProcess: true }),
    remove: () => rm(parent, { recursive: true, force: true }),
  };
}
