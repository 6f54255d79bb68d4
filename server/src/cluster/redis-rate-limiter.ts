/**
 * The cluster's rate limiter: every limit of a verification judged in Redis by one script
 * (rate-limit-script.ts, EVALSHA through ioredis' `defineCommand`): one round trip, atomic, so all
 * nodes count against one window. Counters live at `<prefix>rl:<limiterKey>:<windowStart>` and
 * expire two windows on. The time is the node's (`nowMs` as the verifier passes it): the nodes'
 * clocks must be NTP-synced; skew moves a window's edges, never its count.
 *
 * While Redis is unreachable (its client not ready, or a command failing or timing out after
 * redis-connection.ts's 250 ms) the limits are answered from this node's memory instead, each
 * divided by the live nodes (`Math.max(1, Math.floor(limit / liveNodes()))`), so the cluster lets
 * about the limit through in all; `keygate_rate_limit_fallback` is 1 meanwhile and
 * `keygate_rate_limit_fallback_total` counts those verifications. One warning is logged when it
 * falls back, one info line when Redis is back. It goes back by itself on the client's `ready`
 * (ioredis reconnects by itself); while the client is not ready no command is sent. A command
 * that fails while the client still says ready (a stalled Redis) is retried once per
 * `retryAfterMs`, the verifications in between answered from memory. It never rejects. (A command
 * that timed out may still have run: that verification then counts in Redis and in memory.)
 *
 * One Redis (a primary, with replicas if wanted), not Redis Cluster: a verification's counters have
 * keys of different slots, and the script reads and writes them all.
 *
 * @example
 *   const limiter = new RedisRateLimiter({ client: redisCommandClient(url), prefix: "keygate:", ... });
 *   await limiter.limitAll([{ limiterKey: "key:key_01…:default", limit: 10, windowMs: 60_000 }], 1, Date.now());
 */
import { once } from "node:events";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Metrics } from "../observability/metrics.js";
import { MemoryRateLimiter } from "../verifier/memory-rate-limiter.js";
import {
  decisionOf,
  estimateOf,
  NO_LIMITS,
  type RateLimitCheck,
  type RateLimitDecision,
  type RateLimiter,
  type RateLimitOutcome,
  tightestOf,
  windowStartOf,
} from "../verifier/rate-limiter.js";
import { RATE_LIMIT_SCRIPT } from "./rate-limit-script.js";

export interface RedisRateLimiterOptions {
  /** A command client (redisCommandClient: fails fast while disconnected); closed by {@link RedisRateLimiter.close}. */
  client: Redis;
  /** Put before every key: counters are `<prefix>rl:<limiterKey>:<windowStart>`. */
  prefix: string;
  /** The cluster's live nodes now; the fallback divides each limit by it. */
  liveNodes: () => number;
  metrics: Metrics;
  logger: Logger;
  /** The clock the fallback's sweep judges idleness by (the verifier's). */
  now?: () => number;
  /** After a command failed while the client stayed ready, how long to answer from memory before trying Redis again (default 1000 ms). */
  retryAfterMs?: number;
}

/** The script's command, as `defineCommand` adds it to the client. */
type ScriptedClient = Redis & {
  keygateRateLimit(...keysAndArgs: (string | number)[]): Promise<unknown>;
};

const COMMAND = "keygateRateLimit";

export class RedisRateLimiter implements RateLimiter {
  private readonly client: ScriptedClient;
  private readonly fallback: MemoryRateLimiter;
  private readonly retryAfterMs: number;
  /** When this node fell back to memory (Date.now()); undefined while Redis answers. */
  private fallingBackSince: number | undefined;
  /** Verifications answered from memory since it fell back. */
  private fallbackAnswers = 0;
  /** While falling back with a ready client: no command before this (performance.now()). */
  private retryAt = 0;
  private closed = false;

  constructor(private readonly options: RedisRateLimiterOptions) {
    options.client.defineCommand(COMMAND, { lua: RATE_LIMIT_SCRIPT });
    this.client = options.client as ScriptedClient;
    this.fallback = new MemoryRateLimiter({ now: options.now });
    this.retryAfterMs = options.retryAfterMs ?? 1_000;
    options.metrics.rateLimitFallback.set(0);
    this.client.on("ready", () => this.backToRedis());
    // Connection errors show as the fallback's warning; unheard, ioredis would print each one.
    this.client.on("error", () => {});
  }

  /** Whether the limits are answered from this node's memory now. */
  get fallingBack(): boolean {
    return this.fallingBackSince !== undefined;
  }

  /**
   * Resolves true once the client is ready (at once if it is), false after `timeoutMs` or once it
   * is closed: a node may wait for Redis before it serves, so its first verifications count there.
   */
  async ready(timeoutMs: number): Promise<boolean> {
    const { client } = this;
    if (this.closed || client.status === "end") return false;
    if (client.status === "ready") return true;
    return new Promise((resolve) => {
      const done = (ready: boolean) => {
        clearTimeout(timer);
        client.off("ready", onReady);
        client.off("end", onEnd);
        resolve(ready);
      };
      const onReady = () => done(true);
      const onEnd = () => done(false);
      const timer = setTimeout(() => done(false), timeoutMs);
      client.on("ready", onReady);
      client.on("end", onEnd);
    });
  }

  limitAll(
    checks: readonly RateLimitCheck[],
    cost: number,
    nowMs: number,
  ): RateLimitOutcome | Promise<RateLimitOutcome> {
    if (checks.length === 0) return NO_LIMITS;
    const { status } = this.client;
    if (status !== "ready") return this.fromMemory(checks, cost, nowMs, { redisStatus: status });
    if (this.fallingBackSince !== undefined) {
      const at = performance.now();
      if (at < this.retryAt) return this.fromMemory(checks, cost, nowMs, undefined);
      this.retryAt = at + this.retryAfterMs;
    }
    const { prefix } = this.options;
    const starts: number[] = new Array(checks.length);
    const keysAndArgs: (string | number)[] = [checks.length * 2];
    for (let i = 0; i < checks.length; i++) {
      const { limiterKey, windowMs } = checks[i] as RateLimitCheck;
      const start = windowStartOf(nowMs, windowMs);
      starts[i] = start;
      keysAndArgs.push(`${prefix}rl:${limiterKey}:${start}`, `${prefix}rl:${limiterKey}:${start - windowMs}`);
    }
    keysAndArgs.push(nowMs, cost);
    for (let i = 0; i < checks.length; i++) {
      const { limit, windowMs } = checks[i] as RateLimitCheck;
      keysAndArgs.push(limit, windowMs, starts[i] as number);
    }
    let answered: Promise<unknown>;
    try {
      answered = this.client[COMMAND](...keysAndArgs);
    } catch (error) {
      return this.failed(checks, cost, nowMs, error);
    }
    return answered.then(
      (reply) => {
        const outcome = outcomeOf(checks, cost, nowMs, starts, reply);
        if (outcome === undefined) {
          return this.failed(
            checks,
            cost,
            nowMs,
            new Error(`unexpected script reply ${JSON.stringify(reply)}`),
          );
        }
        this.backToRedis();
        return outcome;
      },
      (error: unknown) => this.failed(checks, cost, nowMs, error),
    );
  }

  private failed(
    checks: readonly RateLimitCheck[],
    cost: number,
    nowMs: number,
    error: unknown,
  ): RateLimitOutcome {
    this.retryAt = performance.now() + this.retryAfterMs;
    return this.fromMemory(checks, cost, nowMs, { err: error, redisStatus: this.client.status });
  }

  /** Answers from this node's memory, each limit divided by the live nodes. */
  private fromMemory(
    checks: readonly RateLimitCheck[],
    cost: number,
    nowMs: number,
    cause: Record<string, unknown> | undefined,
  ): RateLimitOutcome {
    if (this.fallingBackSince === undefined) {
      this.fallingBackSince = Date.now();
      this.options.metrics.rateLimitFallback.set(1);
      this.options.logger.warn(
        { ...cause, liveNodes: this.liveNodes() },
        "rate limits: Redis is unreachable; answering them from this node's memory, each limit divided by the live nodes, until it is back",
      );
    }
    this.fallbackAnswers += 1;
    this.options.metrics.rateLimitFallbackVerifications.inc();
    const nodes = this.liveNodes();
    const shares = checks.map(({ limiterKey, limit, windowMs }) => ({
      limiterKey,
      windowMs,
      limit: Math.max(1, Math.floor(limit / nodes)),
    }));
    return this.fallback.limitAll(shares, cost, nowMs);
  }

  private backToRedis(): void {
    if (this.fallingBackSince === undefined) return;
    this.options.logger.info(
      { fallbackVerifications: this.fallbackAnswers, fallbackMs: Date.now() - this.fallingBackSince },
      "rate limits: Redis is back; every node counts against the same limits again",
    );
    this.fallingBackSince = undefined;
    this.fallbackAnswers = 0;
    this.retryAt = 0;
    this.options.metrics.rateLimitFallback.set(0);
  }

  /** The live nodes, at least 1 (whatever the count says). */
  private liveNodes(): number {
    try {
      const nodes = Math.floor(this.options.liveNodes());
      return Number.isFinite(nodes) && nodes >= 1 ? nodes : 1;
    } catch {
      return 1;
    }
  }

  /**
   * Quits the client and waits for its end (at most a second), or, while Redis is away, stops it
   * reconnecting.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.fallback.close();
    const { client } = this;
    if (client.status === "end") return;
    if (client.status !== "ready") {
      client.disconnect();
      return;
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 1_000);
    });
    const ended = once(client, "end");
    await client.quit().catch(() => client.disconnect());
    await Promise.race([ended, late]);
    clearTimeout(timer);
    // Ended already, or the quit went unanswered: either way, no reconnecting.
    client.disconnect();
  }
}

/** The outcome of the script's reply: passed, then current, previous and fits of each limit. */
function outcomeOf(
  checks: readonly RateLimitCheck[],
  cost: number,
  nowMs: number,
  starts: readonly number[],
  reply: unknown,
): RateLimitOutcome | undefined {
  if (!Array.isArray(reply) || reply.length !== 1 + 3 * checks.length) return undefined;
  const passed = reply[0] === 1;
  const decisions: RateLimitDecision[] = new Array(checks.length);
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i] as RateLimitCheck;
    const counts = {
      start: starts[i] as number,
      current: Number(reply[1 + 3 * i]),
      previous: Number(reply[2 + 3 * i]),
    };
    if (!Number.isFinite(counts.current) || !Number.isFinite(counts.previous)) return undefined;
    const estimate = estimateOf(counts, check.windowMs, nowMs);
    decisions[i] = decisionOf(check, counts, estimate, cost, passed || reply[3 + 3 * i] === 1, passed);
  }
  return { allowed: passed, decisions, tightest: tightestOf(decisions, passed) };
}
