/**
 * A fresh, empty PostgreSQL database for one Keygate of the browser tests, on the server
 * TEST_DATABASE_URL names (Keygate migrates it at start). Named like the server tests' databases
 * (`kgtest_<start second>_e2e...`), so one left behind by a killed run is dropped by a later run.
 */
import { randomBytes } from "node:crypto";
import { postgresAdmin, postgresUrlOf, TEST_DATABASE_PREFIX } from "../../server/test/postgres-databases.js";

export interface TestDatabase {
  /** Its `postgres://` URL, for DATABASE_URL. */
  url: string;
  /** Drops it (closing any connection still open). */
  drop(): Promise<void>;
}

/** Creates the database; throws with the reason when TEST_DATABASE_URL is unset. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl)
    throw new Error("this browser test needs PostgreSQL: set TEST_DATABASE_URL (as .ci/run does)");
  const name = `${TEST_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_e2e${randomBytes(4).toString("hex")}`;
  await postgresAdmin(serverUrl, (admin) => admin.query(`create database ${name}`));
  return {
    url: postgresUrlOf(serverUrl, name),
    drop: () =>
      postgresAdmin(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  };
}
