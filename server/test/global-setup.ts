/**
 * Runs once before the suite: prepares one migrated PGlite data dump that every embedded test
 * store loads, and an unmigrated one for migration tests (gzipped: they load faster than the
 * plain tar). With PostgreSQL, it migrates one template database that test databases are copied
 * from, and at the end drops every database this run created.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
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

async function preparePglite(dir: string): Promise<{ dumpPath: string; emptyDumpPath: string }> {
  const client = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  const emptyDumpPath = path.join(dir, "empty.tar.gz");
  await writeDump(client, emptyDumpPath);
  const db = new Kysely({ dialect: new PGliteDialect(client) });
  await migrateToLatest(db);
  const dumpPath = path.join(dir, "migrated.tar.gz");
  await writeDump(client, dumpPath);
  await db.destroy();
  return { dumpPath, emptyDumpPath };
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
  const dir = await mkdtemp(path.join(tmpdir(), "keygate-test-"));
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const prefix = `${TEST_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(3).toString("hex")}_`;
  const [pglite, template] = await Promise.all([
    preparePglite(dir),
    serverUrl ? preparePostgres(serverUrl, prefix) : Promise.resolve(""),
  ]);
  project.provide("pgliteDumpPath", pglite.dumpPath);
  project.provide("pgliteEmptyDumpPath", pglite.emptyDumpPath);
  project.provide("postgresRunPrefix", serverUrl ? prefix : "");
  project.provide("postgresTemplate", template);
  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (serverUrl) await dropDatabases(serverUrl, prefix);
  };
}
