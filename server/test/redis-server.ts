/**
 * Redis for tests. `testRedisUrl` is the machine's Redis (TEST_REDIS_URL, default
 * redis://127.0.0.1:6379); {@link startRedisServer} runs a Redis of the test's own on a free port,
 * which the test may stop and start again (the machine's one is shared with every other test file).
 * Both need the `redis-server` binary or a running Redis; {@link redisSkipReason} says why not.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:net";
import { Redis } from "ioredis";

export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A key prefix no other test file uses. */
export const uniqueRedisPrefix = (): string => `kgtest:${randomBytes(4).toString("hex")}:`;

async function reachable(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    retryStrategy: () => null,
  });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/** Why the Redis tests cannot run here, or undefined when they can (under CI they must). */
export async function redisSkipReason(): Promise<string | undefined> {
  const hasBinary = spawnSync("redis-server", ["--version"]).status === 0;
  const problem = !hasBinary
    ? "redis-server is not installed"
    : !(await reachable(testRedisUrl))
      ? `no Redis answers at ${testRedisUrl}`
      : undefined;
  if (problem !== undefined && process.env.CI) throw new Error(`Redis tests cannot run under CI: ${problem}`);
  return problem;
}

/** Deletes every key under the prefix. */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = "0";
    do {
      const [next, keys] = await client.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await client.del(...keys);
    } while (cursor !== "0");
  } finally {
    client.disconnect();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface OwnRedis {
  url: string;
  /** Kills it (SIGKILL: connections drop at once, as when Redis crashes). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
}

/** A Redis of the test's own, on a free port, in memory only. */
export async function startRedisServer(): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: "ignore",
      },
    );
    const deadline = Date.now() + 10_000;
    while (!(await reachable(url))) {
      if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const stop = async () => {
    const current = child;
    child = undefined;
    if (!current || current.exitCode !== null) return;
    const exited = once(current, "exit");
    current.kill("SIGKILL");
    await exited;
  };
  await start();
  return { url, stop, start };
}
