/**
 * A Keygate cluster for the multi-node tests: N real node processes started the README's way
 * (`node server/dist/cli/main.js serve`, from the repository root), each on its own free port,
 * all on one PostgreSQL database and one Redis, with the first owner created from
 * KEYGATE_ADMIN_EMAIL / KEYGATE_ADMIN_PASSWORD. The nodes are started together, so they race for
 * the migrations and the first-start bootstrap as a cluster's nodes do. Each node can be stopped
 * with SIGTERM, killed with SIGKILL and started again on the same port and node id.
 *
 * @example
 * const cluster = await startCluster({ size: 3, databaseUrl, redisUrl, redisPrefix: "kgtest:ab12:" });
 * const [a, b] = cluster.nodes;
 * cluster.next();              // the nodes in turn, as a round-robin load balancer sends traffic
 * await b.kill();              // SIGKILL
 * await b.start();             // again, same port and node id
 * await cluster.dispose();     // SIGTERM to every node, data folders removed
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";
import { REPO_ROOT } from "./keygate-process.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

const CLI = "server/dist/cli/main.js";
/** A busy 2-vCPU machine may take a while to start three nodes at once. */
const READY_TIMEOUT_MS = 60_000;
/** A SIGTERM'd node flushes its usage and leaves the cluster; past this it is killed. */
const STOP_TIMEOUT_MS = 15_000;

/** The first owner of every cluster's first workspace. */
export const CLUSTER_ADMIN = { email: "cluster-admin@example.com", password: "cluster admin password 1" };

export interface ClusterOptions {
  size: number;
  /** `postgres://...` for every node (the test may put a proxy in between). */
  databaseUrl: string;
  redisUrl: string;
  /** KEYGATE_REDIS_PREFIX: unique per test run, so runs never share counters or channels. */
  redisPrefix: string;
  /** More environment for every node. */
  env?: Record<string, string>;
}

export interface ClusterNode {
  /** `A`, `B`, `C`, ... */
  readonly name: string;
  /** Its KEYGATE_NODE_ID. */
  readonly nodeId: string;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Whether its process is running. */
  readonly running: boolean;
  /** Everything it printed since the first start. */
  output(): string;
  /** Starts it (again) on its port, and waits for /readyz. */
  start(): Promise<void>;
  /** Sends SIGTERM and resolves with the exit code once it exited. */
  stop(): Promise<number | null>;
  /** Sends SIGKILL and resolves once it is gone. */
  kill(): Promise<void>;
}

export interface Cluster {
  readonly nodes: readonly ClusterNode[];
  /** The next running node in turn (round robin). */
  next(): ClusterNode;
  /** Stops every running node with SIGTERM (in parallel); their exit codes. */
  stopAll(): Promise<(number | null)[]>;
  /** Starts every stopped node (in parallel). */
  startAll(): Promise<void>;
  /** Stops every node and removes their data folders. */
  dispose(): Promise<void>;
}

/**
 * A fresh database from test-database.ts on `serverUrl`, also when TEST_DATABASE_URL is unset (the
 * cluster tests default to the local PostgreSQL). createTestDatabase reads the variable before its
 * first await, so it is set only for that moment and other test files never see it.
 */
export function createClusterDatabase(serverUrl: string): Promise<TestDatabase> {
  const saved = process.env.TEST_DATABASE_URL;
  process.env.TEST_DATABASE_URL = serverUrl;
  try {
    return createTestDatabase();
  } finally {
    if (saved === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = saved;
  }
}

async function waitUntilReady(node: ClusterNode, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`node ${node.name} exited (${child.exitCode ?? child.signalCode}):\n${node.output()}`);
    try {
      if ((await fetch(`${node.url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`node ${node.name} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${node.output()}`);
}

async function createNode(
  name: string,
  options: ClusterOptions,
  encryptionKey: string,
): Promise<ClusterNode & { dataDir: string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = await mkdtemp(join(tmpdir(), `keygate-cluster-${name.toLowerCase()}-`));
  const nodeId = `e2e-node-${name.toLowerCase()}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    KEYGATE_PUBLIC_URL: url,
    KEYGATE_DATA_DIR: dataDir,
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    KEYGATE_REDIS_PREFIX: options.redisPrefix,
    KEYGATE_NODE_ID: nodeId,
    KEYGATE_DB_POOL_SIZE: "5",
    KEYGATE_ENCRYPTION_KEY: encryptionKey,
    KEYGATE_ADMIN_EMAIL: CLUSTER_ADMIN.email,
    KEYGATE_ADMIN_PASSWORD: CLUSTER_ADMIN.password,
    LOG_LEVEL: "warn",
    ...options.env,
  };
  let output = "";
  let child: ChildProcess | undefined;
  const alive = () => child !== undefined && child.exitCode === null && child.signalCode === null;

  const node: ClusterNode & { dataDir: string } = {
    name,
    nodeId,
    url,
    dataDir,
    get running() {
      return alive();
    },
    output: () => output,
    async start() {
      if (alive()) throw new Error(`node ${name} is already running`);
      output += `--- node ${name} starting at ${new Date().toISOString()}\n`;
      const started = spawn(process.execPath, [CLI, "serve"], {
        cwd: REPO_ROOT,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      });
      child = started;
      const keep = (chunk: Buffer) => {
        output += chunk.toString();
      };
      started.stdout?.on("data", keep);
      started.stderr?.on("data", keep);
      started.once("exit", (code, signal) => {
        output += `--- node ${name} exited at ${new Date().toISOString()} (${signal ?? `code ${code}`})\n`;
      });
      await waitUntilReady(node, started);
    },
    async stop() {
      const current = child;
      if (!current || !alive()) return current?.exitCode ?? null;
      const exited = once(current, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
      const timer = setTimeout(() => current.kill("SIGKILL"), STOP_TIMEOUT_MS);
      current.kill("SIGTERM");
      const [code] = await exited;
      clearTimeout(timer);
      return code;
    },
    async kill() {
      const current = child;
      if (!current || !alive()) return;
      const exited = once(current, "exit");
      current.kill("SIGKILL");
      await exited;
    },
  };
  return node;
}

/** Starts `size` nodes at once and resolves when every one answers /readyz. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  // One encryption key for every node, as a cluster must have (recoverable keys).
  const encryptionKey = randomBytes(32).toString("hex");
  const nodes = await Promise.all(
    Array.from({ length: options.size }, (_, index) =>
      createNode(String.fromCharCode(65 + index), options, encryptionKey),
    ),
  );
  let turn = 0;
  const cluster: Cluster = {
    nodes,
    next() {
      for (let tries = 0; tries < nodes.length; tries++) {
        const node = nodes[turn++ % nodes.length];
        if (node?.running) return node;
      }
      throw new Error("no node of the cluster is running");
    },
    stopAll: () => Promise.all(nodes.map((node) => node.stop())),
    startAll: () =>
      Promise.all(nodes.filter((node) => !node.running).map((node) => node.start())).then(() => undefined),
    async dispose() {
      await cluster.stopAll();
      await Promise.all(nodes.map((node) => rm(node.dataDir, { recursive: true, force: true })));
    },
  };
  try {
    await cluster.startAll();
  } catch (error) {
    await cluster.dispose();
    throw error;
  }
  return cluster;
}
