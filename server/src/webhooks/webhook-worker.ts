/**
 * Delivers the outbox. Every node runs a worker; they share the queue without double sends: a
 * worker takes due deliveries with `for update skip locked` and writes a lease (`locked_until`)
 * in the same statement, so no other worker takes them until the lease runs out, and sends them
 * outside any transaction. Each attempt is logged (status, code, duration, an excerpt of the
 * answer); a failure is retried on the schedule of retry-schedule.ts, and after the last one the
 * delivery has failed and its endpoint is marked failing until a delivery succeeds. A node that
 * dies mid-send leaves its lease to run out: the delivery is sent again (same `webhook-id`, so
 * receivers can tell).
 *
 * Bodies are `{ id, type, timestamp, data }` (domain/webhooks/webhook-event-body.ts: the event's
 * id and time; `data` as the outbox holds it, never a
 * secret or a hash), signed as Standard Webhooks says with the `standardwebhooks` package:
 * `webhook-id` is the event's id, `webhook-timestamp` the attempt's time.
 */
import { type Kysely, sql } from "kysely";
import type { Logger } from "pino";
import { Webhook } from "standardwebhooks";
import type { Clock } from "../clock.js";
import { newId } from "../domain/ids.js";
import type { SecretBox } from "../domain/secrets/secret-box.js";
import { webhookPayload } from "../domain/webhooks/webhook-event-body.js";
import type { Metrics } from "../observability/metrics.js";
import type { Database } from "../store/schema.js";
import type { AddressPolicy } from "./address-policy.js";
import { retryDelayMs } from "./retry-schedule.js";
import { SEND_TIMEOUT_MS, type SendResult, sendWebhook } from "./webhook-sender.js";

export interface WebhookWorkerDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
  secrets: SecretBox;
  metrics: Metrics;
  addressPolicy: AddressPolicy;
}

export interface WebhookWorkerOptions {
  /** Deliveries taken at once. */
  batchSize?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** How often the queue is looked at when nothing woke the worker. */
  pollMs?: number;
  /** How long a taken delivery stays this worker's (longer than a send can take). */
  leaseMs?: number;
  /** Picks the jitter of retries (tests fix it). */
  random?: () => number;
  /** How long a receiver may take to answer (default 10 s). */
  sendTimeoutMs?: number;
}

/** An attempt made, to be logged and its delivery moved on. */
interface Finished {
  delivery: TakenDelivery;
  at: Date;
  result: SendResult;
  outcome: "delivered" | "retrying" | "failed";
  finishedAt: Date;
  nextAttemptAt: Date | null;
}

interface TakenDelivery {
  id: string;
  attempts: number;
  endpoint_id: string;
  url: string;
  enabled: boolean;
  secret_ciphertext: string;
  event_id: string;
  type: string;
  data: unknown;
  occurred_at: Date;
}

/** The Standard Webhooks headers for a body, signed with the endpoint's secret at `at`. */
export function signedHeaders(
  secret: string,
  eventId: string,
  at: Date,
  body: string,
): Record<string, string> {
  return {
    "webhook-id": eventId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(eventId, at, body),
  };
}

export class WebhookWorker {
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly random: () => number;
  private readonly sendTimeoutMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private wakeAgain = false;

  constructor(
    private readonly deps: WebhookWorkerDeps,
    options: WebhookWorkerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.concurrency = options.concurrency ?? 16;
    this.pollMs = options.pollMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 60_000;
    this.random = options.random ?? Math.random;
    this.sendTimeoutMs = options.sendTimeoutMs ?? SEND_TIMEOUT_MS;
  }

  /** Looks at the queue every `pollMs`, and at once after {@link wake}. */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Looks at the queue soon (a change was just committed that may have written deliveries). */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeAgain = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops looking and waits for the requests in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.loop().finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        const again = this.wakeAgain;
        this.wakeAgain = false;
        this.schedule(again ? 0 : this.pollMs);
      });
    }, ms);
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    try {
      // A full batch means more may be due: go on until the queue has nothing due.
      while (!this.stopped && (await this.runOnce()) === this.batchSize) {}
    } catch (error) {
      this.deps.logger.warn({ err: error }, "webhooks: the store did not answer; trying again");
    }
  }

  /**
   * Takes the due deliveries (up to a batch), sends them, then logs and finishes them all in one
   * transaction; resolves with how many it took.
   */
  async runOnce(): Promise<number> {
    const taken = await this.take();
    const finished: Finished[] = [];
    let next = 0;
    const lane = async () => {
      while (next < taken.length) {
        const delivery = taken[next++];
        if (delivery) finished.push(await this.attempt(delivery));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, taken.length) }, lane));
    if (finished.length > 0) await this.finish(finished);
    return taken.length;
  }

  private async take(): Promise<TakenDelivery[]> {
    const now = this.deps.clock.now();
    const leaseEnds = new Date(now.getTime() + this.leaseMs);
    const { db } = this.deps;
    return db
      .with("due", (q) =>
        q
          .selectFrom("webhook_deliveries")
          .select("id")
          .where("status", "=", "pending")
          .where("next_attempt_at", "<=", now)
          .where((w) => w.or([w("locked_until", "is", null), w("locked_until", "<=", now)]))
          .orderBy("next_attempt_at")
          .limit(this.batchSize)
          .forUpdate()
          .skipLocked(),
      )
      .with("taken", (q) =>
        q
          .updateTable("webhook_deliveries")
          .set((eb) => ({ locked_until: leaseEnds, attempts: eb("attempts", "+", 1) }))
          .where("id", "in", (s) => s.selectFrom("due").select("id"))
          .returning(["id", "attempts", "endpoint_id", "event_id"]),
      )
      .selectFrom("taken")
      .innerJoin("webhook_endpoints as e", "e.id", "taken.endpoint_id")
      .innerJoin("webhook_events as ev", "ev.id", "taken.event_id")
      .select([
        "taken.id",
        "taken.attempts",
        "taken.endpoint_id",
        "e.url",
        "e.enabled",
        "e.secret_ciphertext",
        "taken.event_id",
        "ev.type",
        "ev.data",
        "ev.occurred_at",
      ])
      .execute();
  }

  /** Sends one delivery (unless its endpoint is disabled) and decides what becomes of it. */
  private async attempt(delivery: TakenDelivery): Promise<Finished> {
    const { metrics, logger } = this.deps;
    const at = this.deps.clock.now();
    let result: SendResult;
    if (!delivery.enabled) {
      result = {
        ok: false,
        statusCode: null,
        durationMs: 0,
        excerpt: "",
        error: "not sent: the endpoint is disabled",
      };
    } else {
      const secret = await this.deps.secrets.open(delivery.secret_ciphertext, delivery.endpoint_id);
      const body = webhookPayload({
        id: delivery.event_id,
        type: delivery.type,
        occurred_at: delivery.occurred_at,
        data: delivery.data as Record<string, unknown>,
      });
      const headers = signedHeaders(secret, delivery.event_id, at, body);
      result = await sendWebhook(
        { url: delivery.url, headers, body },
        this.deps.addressPolicy,
        this.sendTimeoutMs,
      );
      metrics.webhookAttemptSeconds.observe(result.durationMs / 1000);
    }
    // A disabled endpoint's deliveries end at once (redeliver sends them later).
    const delay = result.ok || !delivery.enabled ? null : retryDelayMs(delivery.attempts, this.random);
    const outcome: Finished["outcome"] = result.ok ? "delivered" : delay === null ? "failed" : "retrying";
    metrics.webhookAttempts.inc({ result: outcome });
    if (outcome === "failed")
      logger.warn(
        {
          delivery: delivery.id,
          endpoint: delivery.endpoint_id,
          attempts: delivery.attempts,
          error: result.error,
        },
        "webhook delivery failed for good",
      );
    const finishedAt = this.deps.clock.now();
    return {
      delivery,
      at,
      result,
      outcome,
      finishedAt,
      nextAttemptAt: delay === null ? null : new Date(finishedAt.getTime() + delay),
    };
  }

  /** Logs each attempt and moves each delivery on, in one transaction of four statements. */
  private async finish(finished: readonly Finished[]): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("webhook_attempts")
        .values(
          finished.map(({ delivery, at, result }) => ({
            id: newId("attempt"),
            delivery_id: delivery.id,
            attempted_at: at,
            status_code: result.statusCode,
            duration_ms: result.durationMs,
            response_excerpt: result.excerpt,
            error: result.error,
          })),
        )
        .execute();
      const sorted = [...finished].sort((a, b) => (a.delivery.id < b.delivery.id ? -1 : 1));
      await sql`
        update webhook_deliveries as d set
          status = u.status, next_attempt_at = u.next_attempt_at, locked_until = null,
          last_status_code = u.status_code, finished_at = u.finished_at
        from unnest(
          ${sorted.map((f) => f.delivery.id)}::text[],
          ${sorted.map((f) => (f.outcome === "retrying" ? "pending" : f.outcome))}::text[],
          ${sorted.map((f) => f.nextAttemptAt?.toISOString() ?? null)}::timestamptz[],
          ${sorted.map((f) => f.result.statusCode)}::int[],
          ${sorted.map((f) => (f.outcome === "retrying" ? null : f.finishedAt.toISOString()))}::timestamptz[]
        ) as u(id, status, next_attempt_at, status_code, finished_at)
        where d.id = u.id`.execute(trx);
      const succeeded = [
        ...new Set(finished.filter((f) => f.outcome === "delivered").map((f) => f.delivery.endpoint_id)),
      ];
      if (succeeded.length > 0)
        await trx
          .updateTable("webhook_endpoints")
          .set({ failing_since: null })
          .where("id", "in", succeeded)
          .where("failing_since", "is not", null)
          .execute();
      // Marked failing when a delivery used up its retries, unless one to it succeeded in this batch.
      const gaveUp = [
        ...new Set(
          finished
            .filter(
              (f) =>
                f.outcome === "failed" && f.delivery.enabled && !succeeded.includes(f.delivery.endpoint_id),
            )
            .map((f) => f.delivery.endpoint_id),
        ),
      ];
      if (gaveUp.length > 0)
        await trx
          .updateTable("webhook_endpoints")
          .set({ failing_since: this.deps.clock.now() })
          .where("id", "in", gaveUp)
          .where("failing_since", "is", null)
          .execute();
    });
  }
}
