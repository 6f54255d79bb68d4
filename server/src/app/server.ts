/**
 * The running service: opens the store (embedded PGlite in the data folder, or PostgreSQL),
 * applies migrations, bootstraps the first workspace, loads the encryption key of recoverable
 * keys (app/encryption-key.ts), builds the app and listens. While it runs,
 * an unhandled promise rejection is logged and counted instead of ending the process. `close()`
 * stops accepting requests, lets the app's close hooks run (the usage buffer flushes there), then
 * closes the store.
 */
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { Logger } from "pino";
import { type Clock, systemClock } from "../clock.js";
import { ChannelInvalidation } from "../cluster/channel-invalidation.js";
import { ClusterJobs, KEYGATE_JOBS } from "../cluster/cluster-jobs.js";
import { createInvalidation } from "../cluster/create-invalidation.js";
import { NodeRegistry } from "../cluster/node-registry.js";
import { createRateLimiter } from "../cluster/rate-limiters.js";
import { RedisRateLimiter } from "../cluster/redis-rate-limiter.js";
import type { Config } from "../config/config.js";
import { bootstrap } from "../domain/workspaces/bootstrap.js";
import { createApp } from "../http/app.js";
import { createLogger } from "../observability/logger.js";
import { createMetrics } from "../observability/metrics.js";
import { guardUnhandledRejections } from "../observability/unhandled-rejections.js";
import { openStore, type Store } from "../store/database.js";
import { scheduleEmbeddedVacuum } from "../store/embedded-vacuum.js";
import { migrateToLatest } from "../store/migrate.js";
import { WebhookWorker } from "../webhooks/webhook-worker.js";
import { type AppContext, createContext } from "./context.js";
import { type DataDirLock, lockDataDir } from "./data-dir-lock.js";
import { ENCRYPTION_KEY_FILE, loadsEncryptionKeyAtStart } from "./encryption-key.js";

export interface StartOptions {
  clock?: Clock;
  logger?: Logger;
  /** Where the human-facing lines (the setup link) go; stdout by default. */
  print?: (line: string) => void;
}

export interface RunningServer {
  app: FastifyInstance;
  ctx: AppContext;
  /** The address the server listens on, such as `http://127.0.0.1:8080`. */
  url: string;
  /** The one-time link that creates the owner, when the first start had no admin configured. */
  setupUrl: string | undefined;
  /** Milliseconds from the call to listening. */
  startupMs: number;
  /** Stops the server and closes the store; safe to call twice. */
  close(): Promise<void>;
}

function listeningUrl(app: FastifyInstance, config: Config): string {
  const address = app.server.address() as AddressInfo | null;
  const port = address?.port ?? config.port;
  const host = address?.address ?? config.host;
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

/** Where the data lives, for the start-up log line (never the database password). */
export function describeStore(config: Config): string {
  if (!config.databaseUrl) return `PGlite in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
}

/** An arbitrary, fixed advisory-lock key: "keyg" in ASCII. */
const START_LOCK = 0x6b657967;

/**
 * Runs the start's store work (migrations, first-start bootstrap) one node at a time. Nodes
 * sharing one PostgreSQL that start together would otherwise race to create the migration tables
 * and each create a first workspace; the embedded store already has a single process.
 */
export async function oneNodeAtATime<T>(store: Store, work: () => Promise<T>): Promise<T> {
  if (store.kind !== "postgres") return work();
  return store.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${START_LOCK})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${START_LOCK})`.execute(connection);
    }
  });
}

/**
 * Starts Keygate as configured.
 * @example const server = await startServer(loadConfig()); ... await server.close();
 * @throws SchemaTooNewError when the database was migrated by a newer Keygate
 * @throws DataDirInUseError when another process uses the embedded data folder
 */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const started = performance.now();
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));

  let lock: DataDirLock | undefined;
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  let vacuum: { stop(): Promise<void> } | undefined;
  let jobs: ClusterJobs | undefined;
  let webhooks: WebhookWorker | undefined;
  let nodes: NodeRegistry | undefined;
  let invalidation: Awaited<ReturnType<typeof createInvalidation>> | undefined;
  let unguard: (() => void) | undefined;
  const closeParts = async () => {
    try {
      await vacuum?.stop();
      await jobs?.stop();
      await webhooks?.stop();
      // The app's close hooks flush the buffered usage; the node leaves the cluster after.
      await app?.close();
      await nodes?.stop();
      await invalidation?.close();
    } finally {
      try {
        await store?.close();
      } finally {
        await lock?.release();
      }
    }
  };
  // The guard goes last: a rejection while closing is still logged, not fatal.
  const closeAll = () => closeParts().finally(() => unguard?.());

  try {
    if (!config.databaseUrl) lock = await lockDataDir(config.dataDir);
    store = await openStore({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.dbPoolSize,
    });
    // Nodes that start together take turns: the first applies the migrations, the rest find them done.
    const opened = store;
    const { migrations, boot } = await oneNodeAtATime(opened, async () => {
      const applied = await migrateToLatest(opened.db);
      return { migrations: applied, boot: await bootstrap({ store: opened, clock, config, logger }) };
    });
    if (migrations.applied.length > 0) logger.info({ applied: migrations.applied }, "applied migrations");
    const metrics = createMetrics({ defaultMetrics: true });
    invalidation = createInvalidation(config, store, metrics, logger);
    if (store.kind === "postgres") nodes = new NodeRegistry(store.db, config.nodeId, metrics, logger);
    const registry = nodes;
    const rateLimiter = createRateLimiter({
      redisUrl: config.redisUrl,
      redisPrefix: config.redisPrefix,
      liveNodes: () => registry?.liveNodes() ?? 1,
      metrics,
      logger,
      now: () => clock.nowMs(),
    });
    // A node that starts before Redis answers serves from the fallback until it does.
    if (rateLimiter instanceof RedisRateLimiter) await rateLimiter.ready(2_000);
    const ctx = createContext({ config, store, clock, logger, metrics, invalidation, rateLimiter });
    // The caches subscribed above; from here on they hear every change made on another node.
    if (invalidation instanceof ChannelInvalidation) await invalidation.start();
    await nodes?.start();
    jobs = new ClusterJobs(store.db, KEYGATE_JOBS, clock, logger, ctx);
    jobs.start();
    webhooks = new WebhookWorker({
      db: store.db,
      clock,
      logger,
      secrets: ctx.secrets,
      metrics,
      addressPolicy: { allowHosts: config.webhookAllowHosts },
    });
    webhooks.start();
    // A key change (on any node) may have written deliveries: look at once rather than at the next poll.
    const worker = webhooks;
    invalidation.subscribe((message) => {
      if (message.kind === "key") worker.wake();
    });
    unguard = guardUnhandledRejections(process, logger, ctx.metrics.unhandledRejections);
    if (loadsEncryptionKeyAtStart(config)) await ctx.secrets.ready();
    else
      logger.info(
        `recoverable keys: no KEYGATE_ENCRYPTION_KEY; a key will be generated in ${path.join(config.dataDir, ENCRYPTION_KEY_FILE)} when a workspace first turns them on`,
      );
    app = await createApp(ctx);
    vacuum = scheduleEmbeddedVacuum(store, logger);
    await app.listen({ host: config.host, port: config.port });

    const url = listeningUrl(app, config);
    const invalidationName = invalidation instanceof ChannelInvalidation ? invalidation.channelName : "local";
    const startupMs = Math.round(performance.now() - started);
    logger.info(
      { url, startupMs, store: describeStore(config), node: config.nodeId, invalidation: invalidationName },
      `Keygate is listening on ${url}`,
    );
    if (boot.setupUrl) {
      logger.info("no owner yet: the one-time setup link is printed on stdout");
      print("");
      print("  Keygate has no owner yet. Open this link once to create the owner account:");
      print("");
      print(`    ${boot.setupUrl}`);
      print("");
      print("  (It works once, for 24 hours. Restart Keygate for a new one.)");
      print("");
    }

    let closing: Promise<void> | undefined;
    const running: RunningServer = {
      app,
      ctx,
      url,
      setupUrl: boot.setupUrl,
      startupMs,
      close() {
        closing ??= closeAll();
        return closing;
      },
    };
    return running;
  } catch (error) {
    await closeAll().catch((closeError: unknown) =>
      logger.warn({ err: closeError }, "cleanup after a failed start failed"),
    );
    throw error;
  }
}
