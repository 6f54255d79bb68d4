/**
 * The PostgreSQL databases of a test run, on the server TEST_DATABASE_URL names. Each is called
 * `kgtest_<start second>_<run>_...`: the run's global setup creates a migrated template that test
 * databases are copied from (a copy takes ~0.2 s, migrating one ~0.8 s), and its teardown drops
 * every database of the run. Databases of runs that were killed are dropped a few hours later, by
 * the next run; databases of other runs going on at the same time are left alone.
 */
import pg from "pg";

export const TEST_DATABASE_PREFIX = "kgtest_";

/** Runs older than this are over (or were killed): their databases may go. */
const STALE_AFTER_SECONDS = 6 * 3600;

/** The URL of database `name` on the server of `serverUrl`. */
export function postgresUrlOf(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs `work` with a connection to the server's own database, then closes it. */
export async function postgresAdmin<T>(
  serverUrl: string,
  work: (admin: pg.Client) => Promise<T>,
): Promise<T> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

async function databasesLike(admin: pg.Client, prefix: string): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(
    "select datname from pg_database where starts_with(datname, $1) order by datname",
    [prefix],
  );
  return rows.map((row) => row.datname);
}

async function dropAll(admin: pg.Client, names: string[]): Promise<void> {
  for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
}

/** Drops every database whose name starts with `prefix` (this run's). */
export async function dropDatabases(serverUrl: string, prefix: string): Promise<void> {
  await postgresAdmin(serverUrl, async (admin) => dropAll(admin, await databasesLike(admin, prefix)));
}

/** Drops the databases of test runs that started more than {@link STALE_AFTER_SECONDS} ago. */
export async function dropStaleDatabases(serverUrl: string): Promise<void> {
  const cutoff = Math.floor(Date.now() / 1000) - STALE_AFTER_SECONDS;
  await postgresAdmin(serverUrl, async (admin) => {
    const stale = (await databasesLike(admin, TEST_DATABASE_PREFIX)).filter((name) => {
      const started = Number(name.slice(TEST_DATABASE_PREFIX.length).split("_")[0]);
      return Number.isInteger(started) && started < cutoff;
    });
    await dropAll(admin, stale);
  });
}
