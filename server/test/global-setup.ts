/**
 * Runs once before the suite: prepares one migrated PGlite data dump that every embedded test
 * store loads, and an unmigrated one for migration tests (gzipped: they load faster than the
 * plain tar). The dumps are kept in node_modules/.cache under a hash of everything that shapes
 * them (the migrations, the migrator, PGlite and its extensions), so a run after an unchanged one
 * skips the ~5 s of making them. With PostgreSQL, it migrates one template database that test
 * databases are copied from, and at the end drops every database this run created.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import type { TestProject } from "vitest/node";
import { openStore } from "../src/store/database.js";
import { migrateToLatest } from "../src/store/migrate.js";
import { PGLITE_EXTENSIONS } from "../src/store/pglite/pglite-extensions.js";
import {
  dropDatabases,
  dropStaleDatabases,
  postgresAdmin,
  postgresUrlOf,
  TEST_DATABASE_PREFIX,
} from "./postgres-databases.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    /** A fresh, unmigrated PGlite, for migration tests. */
    pgliteEmptyDumpPath: string;
    /** This run's PostgreSQL databases start with this (empty without PostgreSQL). */
    postgresRunPrefix: string;
    /** A migrated database that test databases are created from (empty without PostgreSQL). */
    postgresTemplate: string;
  }
}

async function writeDump(client: PGlite, file: string): Promise<void> {
  await writeFile(file, Buffer.from(await (await client.dumpDataDir("gzip")).arrayBuffer()));
}

const SERVER = fileURLToPath(new URL("..", import.meta.url));

/** The installed version of a package (its manifest is not among its exports). */
async function versionOf(name: string): Promise<string> {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      const parsed = JSON.parse(await readFile(manifest, "utf8")) as { name?: string; version?: string };
      if (parsed.name === name) return parsed.version ?? "unknown";
    }
    const parent = path.dirname(dir);
    if (parent === dir) return "unknown";
    dir = parent;
  }
}

/** A hash of every file and package version the dumps depend on. */
async function dumpKey(): Promise<string> {
  const hash = createHash("sha256");
  const migrations = path.join(SERVER, "src/store/migrations");
  const sources = [
    ...(await readdir(migrations)).sort().map((file) => path.join(migrations, file)),
    path.join(SERVER, "src/store/migrate.ts"),
    path.join(SERVER, "src/store/pglite/pglite-extensions.ts"),
    fileURLToPath(import.meta.url),
  ];
  for (const file of sources) hash.update(file).update(await readFile(file));
  for (const name of ["@electric-sql/pglite", "kysely", "kysely-pglite-dialect"])
    hash.update(`${name}@${await versionOf(name)}`);
  return hash.digest("hex").slice(0, 16);
}

/** Makes the dumps in a folder of their own, then moves it into place in one step. */
async function makeDumps(target: string): Promise<void> {
  await mkdir(path.dirname(target), { recursive: true });
  const dir = await mkdtemp(`${target}-making-`);
  try {
    const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
    await writeDump(client, path.join(dir, "empty.tar.gz"));
    const db = new Kysely({ dialect: new PGliteDialect(client) });
    await migrateToLatest(db);
    await writeDump(client, path.join(dir, "migrated.tar.gz"));
    await db.destroy();
    // Another run may have made the same dumps meanwhile: theirs are as good.
    if (!existsSync(target)) await rename(dir, target).catch(() => undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function preparePglite(): Promise<{ dumpPath: string; emptyDumpPath: string }> {
  const dir = path.join(SERVER, "../node_modules/.cache/keygate-test", await dumpKey());
  if (!existsSync(path.join(dir, "migrated.tar.gz"))) await makeDumps(dir);
  return { dumpPath: path.join(dir, "migrated.tar.gz"), emptyDumpPath: path.join(dir, "empty.tar.gz") };
}

/** Creates and migrates the template; no connection may stay open on it, or copies fail. */
async function preparePostgres(serverUrl: string, prefix: string): Promise<string> {
  await dropStaleDatabases(serverUrl);
  const template = `${prefix}template`;
  await postgresAdmin(serverUrl, (admin) => admin.query(`create database ${template}`));
  const store = await openStore({ databaseUrl: postgresUrlOf(serverUrl, template), poolSize: 1 });
  try {
    await migrateToLatest(store.db);
  } finally {
    await store.close();
  }
  return template;
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const prefix = `${TEST_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString("hex")}_`;
  const [pglite, template] = await Promise.all([
    preparePglite(),
    serverUrl ? preparePostgres(serverUrl, prefix) : Promise.resolve(""),
  ]);
  project.provide("pgliteDumpPath", pglite.dumpPath);
  project.provide("pgliteEmptyDumpPath", pglite.emptyDumpPath);
  project.provide("postgresRunPrefix", serverUrl ? prefix : "");
  project.provide("postgresTemplate", template);
  return async () => {
    if (serverUrl) await dropDatabases(serverUrl, prefix);
  };
}
