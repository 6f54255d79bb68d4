/**
 * {@link Invalidation} between nodes over a channel every node listens on (PostgreSQL
 * LISTEN/NOTIFY or Redis pub/sub: postgres-channel.ts, redis-channel.ts).
 *
 * - `publish` calls this node's handlers first, synchronously, so the node that made a change
 *   drops its entries before the change's call answers; then it sends the message to the others.
 * - Each message carries its node and send time: receivers skip their own and record the delay
 *   (`keygate_invalidation_propagation_seconds`).
 * - Heartbeat: every second the node sends a ping to itself over the channel and records the
 *   round trip (`keygate_invalidation_roundtrip_seconds`, one clock, so exact). A connection that
 *   closes, or a channel that stops carrying the node's own pings for {@link SILENCE_MS}, counts
 *   as lost: handlers hear `{ kind: "channel", live: false }` (every cache drops everything and stops
 *   caching) and the channel reconnects; once listening again they hear `live: true` (the caches
 *   drop what they loaded meanwhile and cache again). A node thus never serves an entry older than
 *   its disconnection.
 */
import type { Logger } from "pino";
import type { Metrics } from "../observability/metrics.js";
import type {
  ClusterInvalidationMessage,
  Invalidation,
  InvalidationHandler,
  InvalidationMessage,
} from "../verifier/invalidation.js";

/** What a channel tells its invalidation. */
export interface ChannelEvents {
  /** A payload some node sent (this one included). */
  received(payload: string): void;
  /** Listening: from now on every payload sent reaches this node. */
  up(): void;
  /** Not listening any more (the channel reconnects by itself). */
  down(reason: string): void;
}

/** A transport every node listens on. */
export interface Channel {
  /** `postgres` or `redis`, for logs and metrics. */
  readonly name: string;
  /** Connects and listens, reporting to `events` from then on; resolves once first tried. */
  start(events: ChannelEvents): Promise<void>;
  /** Sends a payload to every listening node; rejects when it could not be sent. */
  send(payload: string): Promise<void>;
  /** Drops the connection and connects again (the heartbeat found the channel silent). */
  reconnect(): void;
  close(): Promise<void>;
}

/** How often a node pings itself over the channel. */
export const HEARTBEAT_MS = 1_000;
/** A channel that carried none of the node's own pings for this long is taken as lost. */
export const SILENCE_MS = 5_000;
/** Tries to send one message before giving up on it (logged and counted). */
const SEND_ATTEMPTS = 3;

interface Envelope {
  /** Sending node. */
  n: string;
  /** Send time, milliseconds since the epoch. */
  t: number;
  /** The message; absent in a heartbeat ping. */
  m?: ClusterInvalidationMessage;
}

export interface ChannelInvalidationOptions {
  channel: Channel;
  nodeId: string;
  metrics: Metrics;
  logger: Logger;
  /** Milliseconds since the epoch (a test's clock); `Date.now` by default. */
  now?: () => number;
}

export class ChannelInvalidation implements Invalidation {
  private readonly handlers: InvalidationHandler[] = [];
  private readonly channel: Channel;
  private readonly nodeId: string;
  private readonly metrics: Metrics;
  private readonly logger: Logger;
  private readonly now: () => number;
  private live = false;
  private everLive = false;
  private lastOwnPingAt = 0;
  private heartbeat: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: ChannelInvalidationOptions) {
    this.channel = options.channel;
    this.nodeId = options.nodeId;
    this.metrics = options.metrics;
    this.logger = options.logger.child({ component: "invalidation", channel: options.channel.name });
    this.now = options.now ?? Date.now;
    this.metrics.invalidationChannelLive.set(0);
  }

  /** `postgres` or `redis`. */
  get channelName(): string {
    return this.channel.name;
  }

  /** Whether changes made on other nodes reach this one now. */
  get isLive(): boolean {
    return this.live;
  }

  /**
   * Connects the channel and starts the heartbeat. Call once the caches have subscribed: if the
   * channel is not up yet, they hear `live: false` and read the store until it is.
   */
  async start(): Promise<void> {
    await this.channel.start({
      received: (payload) => this.received(payload),
      up: () => this.up(),
      down: (reason) => this.down(reason),
    });
    if (!this.live) {
      this.logger.warn("invalidation channel not reachable yet: nothing is cached until it is");
      this.emit({ kind: "channel", live: false });
    }
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async publish(message: ClusterInvalidationMessage): Promise<void> {
    this.emit(message);
    await this.send({ n: this.nodeId, t: this.now(), m: message });
  }

  subscribe(handler: InvalidationHandler): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    this.handlers.length = 0;
    await this.channel.close();
  }

  private emit(message: InvalidationMessage): void {
    for (const handler of this.handlers) handler(message);
  }

  private async send(envelope: Envelope): Promise<void> {
    const payload = JSON.stringify(envelope);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.channel.send(payload);
        return;
      } catch (error) {
        if (attempt >= SEND_ATTEMPTS || this.closed) {
          // The change is committed; the other nodes see it when their entries expire, or at once
          // if their channel is down too (they do not cache then).
          this.metrics.invalidationSendFailures.inc();
          this.logger.error(
            { err: error, kind: envelope.m?.kind ?? "ping" },
            "an invalidation could not be sent to the other nodes",
          );
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  }

  private received(payload: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch {
      this.logger.warn("an invalidation that is not JSON was ignored");
      return;
    }
    const delaySeconds = Math.max(0, this.now() - envelope.t) / 1000;
    if (envelope.n === this.nodeId) {
      if (envelope.m === undefined) {
        this.lastOwnPingAt = this.now();
        this.metrics.invalidationRoundTripSeconds.observe(delaySeconds);
      }
      return;
    }
    if (envelope.m === undefined) return;
    this.metrics.invalidationPropagationSeconds.observe(delaySeconds);
    this.emit(envelope.m);
  }

  private up(): void {
    if (this.live || this.closed) return;
    this.live = true;
    this.lastOwnPingAt = this.now();
    this.metrics.invalidationChannelLive.set(1);
    if (this.everLive) this.logger.info("invalidation channel is back: caches start afresh");
    this.everLive = true;
    this.emit({ kind: "channel", live: true });
  }

  private down(reason: string): void {
    if (!this.live || this.closed) return;
    this.live = false;
    this.metrics.invalidationChannelLive.set(0);
    this.metrics.invalidationChannelLosses.inc();
    this.logger.warn({ reason }, "invalidation channel lost: caches dropped until it is back");
    this.emit({ kind: "channel", live: false });
  }

  private beat(): void {
    if (this.closed) return;
    if (this.live && this.now() - this.lastOwnPingAt > SILENCE_MS) {
      this.down(`no heartbeat for ${SILENCE_MS} ms`);
      this.channel.reconnect();
      return;
    }
    // A ping that cannot be sent is not retried: the silence check above will tell.
    if (this.live) this.channel.send(JSON.stringify({ n: this.nodeId, t: this.now() })).catch(() => {});
  }
}
