/**
 * Background work that must run once per interval for the whole cluster, not once per node: each
 * node looks every {@link CHECK_EVERY_MS} for due jobs, and takes a job in a transaction that locks
 * its `cluster_jobs` row (`for update skip locked`): while one node runs it, the others skip it,
 * and the row's `last_run_at` tells every node when it is next due. A job that fails rolls back and
 * is tried again at the next check.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import { runKeySweeps } from "../domain/hygiene/key-sweeps.js";
import type { Database } from "../store/schema.js";
import type { Invalidation } from "../verifier/invalidation.js";

/** What the node gives its jobs: how a change reaches every verifier cache. */
export interface JobDeps {
  invalidation: Invalidation;
}

/** A job's run, besides its transaction and the time. */
export interface JobRun extends JobDeps {
  /** Runs `task` once the job's transaction has committed (never when it rolls back). */
  afterCommit(task: () => Promise<void>): void;
}

export interface ClusterJob {
  /** Unique, stable: the row in `cluster_jobs`. */
  name: string;
  /** How often it runs across the cluster. */
  intervalMs: number;
  /** Does the work in the job's transaction; answers how many rows it handled (for the log). */
  run(trx: Transaction<Database>, now: Date, run: JobRun): Promise<number>;
}

/** How often a node looks for due jobs. */
export const CHECK_EVERY_MS = 30_000;

export class ClusterJobs {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly jobs: readonly ClusterJob[],
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly deps: JobDeps,
  ) {}

  /** Checks at once, then every {@link CHECK_EVERY_MS} (with jitter, so nodes do not check together). */
  start(): void {
    const check = () => {
      this.running ??= this.runDue()
        .then(() => undefined)
        .catch((error: unknown) =>
          this.logger.warn({ err: error }, "background jobs: the store did not answer"),
        )
        .finally(() => {
          this.running = undefined;
        });
    };
    check();
    this.timer = setInterval(check, CHECK_EVERY_MS + Math.floor(Math.random() * 5_000));
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.running;
  }

  /** Runs every job due now that no other node is running; answers the names of those it ran. */
  async runDue(): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      if (await this.runIfDue(job)) ran.push(job.name);
    }
    return ran;
  }

  private async runIfDue(job: ClusterJob): Promise<boolean> {
    const now = new Date(this.clock.nowMs());
    await this.db
      .insertInto("cluster_jobs")
      .values({ name: job.name, last_run_at: new Date(0) })
      .onConflict((conflict) => conflict.column("name").doNothing())
      .execute();
    const committed: (() => Promise<void>)[] = [];
    const run: JobRun = { ...this.deps, afterCommit: (task) => committed.push(task) };
    const ran = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom("cluster_jobs")
        .select("last_run_at")
        .where("name", "=", job.name)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      // Locked: another node is running it right now.
      if (row === undefined) return false;
      if (row.last_run_at.getTime() + job.intervalMs > now.getTime()) return false;
      const started = performance.now();
      const handled = await job.run(trx, now, run);
      await trx.updateTable("cluster_jobs").set({ last_run_at: now }).where("name", "=", job.name).execute();
      this.logger.debug(
        { job: job.name, handled, ms: Math.round(performance.now() - started) },
        "background job ran",
      );
      return true;
    });
    for (const task of committed) {
      await task().catch((error: unknown) =>
        this.logger.warn({ err: error, job: job.name }, "background job: its work after the commit failed"),
      );
    }
    return ran;
  }
}

/** Deletes at most this many rows per table and run, so a run never holds locks for long. */
const BATCH = 5_000;

const deleteExpired = (
  trx: Transaction<Database>,
  table: string,
  key: string,
  column: string,
  before: Date,
) =>
  sql<{ n: number }>`
    with gone as (
      delete from ${sql.table(table)} where ${sql.ref(key)} in (
        select ${sql.ref(key)} from ${sql.table(table)} where ${sql.ref(column)} < ${before} limit ${BATCH}
      ) returning 1
    )
    select count(*)::int as n from gone`
    .execute(trx)
    .then((result) => result.rows[0]?.n ?? 0);

const HOUR_MS = 3_600_000;

/** How long the delivery log keeps an event. */
export const WEBHOOK_HISTORY_MS = 30 * 24 * HOUR_MS;

/** Keygate's background jobs. */
export const KEYGATE_JOBS: readonly ClusterJob[] = [
  {
    // Dashboard and portal sign-ins, setup links and portal links past their expiry (a day's grace,
    // so a "link expired" answer can still tell expired from unknown).
    name: "expired-sign-ins",
    intervalMs: HOUR_MS,
    async run(trx, now) {
      const before = new Date(now.getTime() - 24 * HOUR_MS);
      let handled = 0;
      handled += await deleteExpired(trx, "sessions", "token_hash", "expires_at", before);
      handled += await deleteExpired(trx, "portal_sessions", "token_hash", "expires_at", before);
      handled += await deleteExpired(trx, "portal_tokens", "token_hash", "expires_at", before);
      handled += await deleteExpired(trx, "setup_tokens", "token_hash", "expires_at", before);
      return handled;
    },
  },
  {
    // The ids of applied usage batches, kept far longer than a retry takes (domain/usage/write-usage.ts).
    name: "applied-usage-batches",
    intervalMs: 10 * 60_000,
    run: (trx, now) =>
      deleteExpired(trx, "usage_batches", "id", "applied_at", new Date(now.getTime() - HOUR_MS)),
  },
  {
    // Heartbeats of nodes gone for a day (cluster/node-registry.ts).
    name: "gone-nodes",
    intervalMs: HOUR_MS,
    run: (trx, now) =>
      deleteExpired(trx, "cluster_nodes", "id", "seen_at", new Date(now.getTime() - 24 * HOUR_MS)),
  },
  {
    // Webhook events (with their deliveries and attempt logs) after 30 days, once none is pending.
    name: "webhook-history",
    intervalMs: HOUR_MS,
    run: (trx, now) =>
      sql<{ n: number }>`
        with gone as (
          delete from webhook_events where id in (
            select ev.id from webhook_events ev
            where ev.occurred_at < ${new Date(now.getTime() - WEBHOOK_HISTORY_MS)}
              and not exists (
                select 1 from webhook_deliveries d where d.event_id = ev.id and d.status = 'pending')
            limit ${BATCH}
          ) returning 1
        )
        select count(*)::int as n from gone`
        .execute(trx)
        .then((result) => result.rows[0]?.n ?? 0),
  },
  {
    // Key hygiene: expiring, expired and unused notices, each once, and auto-disable of unused
    // keys (domain/hygiene/key-sweeps.ts).
    name: "key-sweeps",
    intervalMs: 60_000,
    run: runKeySweeps,
  },
];
