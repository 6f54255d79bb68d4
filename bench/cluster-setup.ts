/**
 * What `npm run bench:cluster` runs on: a fresh PostgreSQL database (on BENCH_DATABASE_URL's
 * server, else TEST_DATABASE_URL's, else the local one), a Redis of its own on a free port, and
 * N Keygate nodes (`node server/dist/cli/main.js serve`, as in production) started together on
 * both, each on a free port, with the first owner from KEYGATE_ADMIN_*; and keys with a rate limit
 * made through the API.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { postgresAdmin, postgresUrlOf } from "../server/test/postgres-databases.js";
import { type OwnRedis, startRedisServer } from "../server/test/redis-server.js";
import type { BenchKey } from "./keygate-setup.js";
import { freePort, type Started, start, stop, waitForHttp } from "./processes.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const CLUSTER_ADMIN = { email: "bench@example.com", password: "bench-password-123" };

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database, `kgbench_<second>_<random>`, dropped by `drop()`. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `kgbench_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString("hex")}`;
  await postgresAdmin(serverUrl, (admin) => admin.query(`create database ${name}`));
  return {
    url: postgresUrlOf(serverUrl, name),
    drop: () =>
      postgresAdmin(serverUrl, (admin) => admin.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  };
}

export interface BenchNode {
  name: string;
  url: string;
  started: Started;
}

export interface BenchCluster {
  nodes: BenchNode[];
  redis: OwnRedis;
  database: BenchDatabase;
  /** Stops the nodes (SIGTERM), Redis, and drops the database. */
  dispose(): Promise<void>;
}

/** Starts Redis and `size` nodes on a fresh database, and waits for every /readyz. */
export async function startBenchCluster(size: number): Promise<BenchCluster> {
  const database = await createBenchDatabase();
  const redis = await startRedisServer();
  const dataDir = await mkdtemp(path.join(tmpdir(), "keygate-bench-cluster-"));
  const prefix = `kgbench:${randomBytes(4).toString("hex")}:`;
  const encryptionKey = randomBytes(32).toString("hex");
  const nodes: BenchNode[] = [];
  const dispose = async () => {
    for (const node of nodes) await stop(node.started);
    await redis.stop();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    for (let index = 0; index < size; index++) {
      const name = String.fromCharCode(65 + index);
      const port = await freePort();
      const started = start(process.execPath, [path.join(ROOT, "server/dist/cli/main.js"), "serve"], {
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        KEYGATE_REDIS_PREFIX: prefix,
        KEYGATE_NODE_ID: `bench-${name.toLowerCase()}`,
        KEYGATE_DATA_DIR: path.join(dataDir, name),
        KEYGATE_ENCRYPTION_KEY: encryptionKey,
        KEYGATE_ADMIN_EMAIL: CLUSTER_ADMIN.email,
        KEYGATE_ADMIN_PASSWORD: CLUSTER_ADMIN.password,
      });
      nodes.push({ name, url: `http://127.0.0.1:${port}`, started });
    }
    await Promise.all(nodes.map((node) => waitForHttp(`${node.url}/readyz`, node.started)));
  } catch (error) {
    await dispose();
    throw error;
  }
  return { nodes, redis, database, dispose };
}

/**
 * Creates `count` token keys with this rate limit (and nothing else), eight at a time over
 * kept-alive connections, as keygate-setup.ts's createKeys does for keys without one.
 */
export async function createRateLimitedKeys(
  baseUrl: string,
  rootKey: string,
  count: number,
  rateLimit: { limit: number; windowMs: number },
): Promise<BenchKey[]> {
  const keys: BenchKey[] = new Array(count);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const url = new URL(`${baseUrl}/v1/keys`);
  let next = 0;
  const create = (index: number) =>
    new Promise<BenchKey>((resolve, reject) => {
      const body = JSON.stringify({ name: `limited-${index}`, rateLimit });
      const request = http.request(
        url,
        {
          method: "POST",
          agent,
          headers: {
            authorization: `Bearer ${rootKey}`,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            text += chunk;
          });
          response.on("end", () => {
            if (response.statusCode !== 201) {
              reject(new Error(`POST ${url} answered ${response.statusCode}: ${text}`));
              return;
            }
            const created = JSON.parse(text) as { id: string; key: string };
            resolve({ id: created.id, key: created.key });
          });
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  try {
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < count) {
          const index = next++;
          keys[index] = await create(index);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return keys;
}
