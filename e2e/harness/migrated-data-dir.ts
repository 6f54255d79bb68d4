/**
 * A migrated, empty embedded store to start Keygates from: `keygate migrate` (the build's own
 * command) run once into a data folder kept in node_modules/.cache under a hash of the built
 * store code (migrations, migrator, PGlite setup) and PGlite's version, then copied for each
 * Keygate. The copy has no workspace and no owner, so `serve` still does a first start (creates
 * the workspace, prints the setup link); it only skips PGlite's initdb and the migrations, most
 * of a first start's time (~50 s against ~15 s on a loaded 2-vCPU machine).
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";

/** Where the prepared folders are kept, one per hash. */
function cacheDir(repoRoot: string): string {
  return join(repoRoot, "node_modules/.cache/e2e-data-dir");
}

async function storeHash(repoRoot: string): Promise<string> {
  const hash = createHash("sha256");
  const storeDir = join(repoRoot, "server/dist/store");
  const files = (await readdir(storeDir, { recursive: true })).filter((file) => file.endsWith(".js")).sort();
  for (const file of files) {
    hash.update(file);
    hash.update(await readFile(join(storeDir, file)));
  }
  hash.update(await readFile(join(repoRoot, "node_modules/@electric-sql/pglite/package.json")));
  return hash.digest("hex").slice(0, 16);
}

async function migrateInto(repoRoot: string, dataDir: string): Promise<void> {
  const run = spawn(process.execPath, ["server/dist/cli/main.js", "migrate"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, KEYGATE_DATA_DIR: dataDir, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  run.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  run.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [code] = (await once(run, "exit")) as [number | null];
  if (code !== 0) throw new Error(`keygate migrate exited with ${code}:\n${output}`);
}

/**
 * Fills `target` (an empty folder) with a copy of the migrated store, preparing it first when
 * this build's store has none yet. Safe when several workers prepare at once (the last rename
 * wins; each copy is whole).
 */
export async function copyMigratedDataDir(repoRoot: string, target: string): Promise<void> {
  const prepared = join(cacheDir(repoRoot), await storeHash(repoRoot));
  if (!existsSync(prepared)) {
    await mkdir(cacheDir(repoRoot), { recursive: true });
    const making = `${prepared}.making-${randomBytes(4).toString("hex")}`;
    await migrateInto(repoRoot, making);
    await rename(making, prepared).catch(async (error: unknown) => {
      await rm(making, { recursive: true, force: true });
      if (!existsSync(prepared)) throw error;
    });
  }
  await cp(prepared, target, { recursive: true });
}
