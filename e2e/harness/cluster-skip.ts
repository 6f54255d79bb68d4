/**
 * The multi-node tests' suite wrapper, as skip.ts is the browser tests': they need a PostgreSQL
 * server (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres) and the
 * `redis-server` binary (each test file runs a Redis of its own, which it may stop). Without them
 * the suite is skipped with a printed reason, except under CI (`CI` set), where it fails with that
 * reason instead, so CI can never pass without running them.
 *
 * @example
 * const postgres = await clusterPostgresUrl();
 * describeCluster("three nodes", await missingClusterReason(postgres), () => { ... });
 */
import { spawnSync } from "node:child_process";
import pg from "pg";
import { describe, it } from "vitest";

const DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The PostgreSQL server the cluster tests create their database on. */
export const clusterPostgresUrl = (): string => process.env.TEST_DATABASE_URL ?? DEFAULT_POSTGRES_URL;

async function postgresProblem(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return `PostgreSQL does not answer at ${url} (${error instanceof Error ? error.message : String(error)}; set TEST_DATABASE_URL)`;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why the cluster tests cannot run here, or undefined when they can. */
export async function missingClusterReason(postgresUrl: string): Promise<string | undefined> {
  if (spawnSync("redis-server", ["--version"]).status !== 0)
    return "redis-server is not installed (apt-get install -y redis-server)";
  return postgresProblem(postgresUrl);
}

/** `describe` for a cluster suite: skipped with a printed reason, failed under CI. */
export function describeCluster(name: string, reason: string | undefined, body: () => void): void {
  if (reason && process.env.CI) {
    describe(name, () => {
      it("has PostgreSQL and Redis to run on (CI always runs the cluster tests)", () => {
        throw new Error(`CI is set but ${reason}`);
      });
    });
    return;
  }
  if (reason) console.log(`[e2e] skipping "${name}": ${reason}`);
  describe.skipIf(reason !== undefined)(name, body);
}
