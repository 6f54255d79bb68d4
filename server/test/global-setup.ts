/**
 * Runs once before the suite: prepares one migrated PGlite data dump that every test file loads
 * (~0.6 s instead of ~3 s for a fresh PGlite), an unmigrated one for migration tests, and checks
 * the PostgreSQL server when one is given.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import type { TestProject } from "vitest/node";
import { migrateToLatest } from "../src/store/migrate.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    /** A fresh, unmigrated PGlite, for migration tests. */
    pgliteEmptyDumpPath: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "keygate-test-"));
  const client = await PGlite.create();
  const emptyDumpPath = path.join(dir, "empty.tar");
  await writeFile(emptyDumpPath, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  const db = new Kysely({ dialect: new PGliteDialect(client) });
  await migrateToLatest(db);
  const dump = await client.dumpDataDir("none");
  const dumpPath = path.join(dir, "migrated.tar");
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await db.destroy();
  project.provide("pgliteDumpPath", dumpPath);
  project.provide("pgliteEmptyDumpPath", emptyDumpPath);
  return async () => {
    await rm(dir, { recursive: true, force: true });
  };
}
