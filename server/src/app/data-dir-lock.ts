/**
 * One process per embedded data folder. PGlite does no locking of its own, so a second process
 * (a second `keygate serve`, or a CLI command while the server runs) would write to the same
 * files and corrupt them. The lock is a `keygate.lock` file holding the owner's pid; a lock whose
 * process is gone is taken over.
 */
import { mkdir, open, readFile, rm } from "node:fs/promises";
import path from "node:path";

export const LOCK_FILE = "keygate.lock";

/** Thrown when another live process holds the data folder. */
export class DataDirInUseError extends Error {
  override name = "DataDirInUseError";
}

export interface DataDirLock {
  /** Removes the lock file; safe to call twice. */
  release(): Promise<void>;
}

/** Folders locked by this process: a second open from the same process is refused too. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readOwner(file: string): Promise<number | undefined> {
  const text = await readFile(file, "utf8").catch(() => "");
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function inUse(dataDir: string, pid: number): DataDirInUseError {
  return new DataDirInUseError(
    `the data folder ${dataDir} is in use by another Keygate process (pid ${pid}); stop it first, or use DATABASE_URL (PostgreSQL) to run several processes`,
  );
}

/**
 * Takes the data folder for this process (creating the folder when missing).
 * @throws DataDirInUseError when a live process holds it
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const dir = path.resolve(dataDir);
  if (heldHere.has(dir)) throw inUse(dir, process.pid);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, "wx");
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      heldHere.add(dir);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          heldHere.delete(dir);
          await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = await readOwner(file);
      // Our own pid in a file we do not hold is a leftover of a crashed run (containers reuse pids).
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) throw inUse(dir, owner);
      await rm(file, { force: true });
    }
  }
  throw new DataDirInUseError(`could not take the lock ${file}; another process keeps creating it`);
}
