/**
 * The invalidation channel over Redis pub/sub: a subscriber connection per node listens on
 * `<prefix>invalidation`; messages go out through a command connection. ioredis reconnects
 * both by themselves; the channel reports `down` when the subscriber's connection closes and `up`
 * once it is subscribed again.
 */
import type { Redis } from "ioredis";
import type { Channel, ChannelEvents } from "./channel-invalidation.js";
import { redisCommandClient, redisSubscriberClient } from "./redis-connection.js";

export class RedisChannel implements Channel {
  readonly name = "redis";
  private readonly subscriber: Redis;
  private readonly publisher: Redis;
  private readonly channelName: string;
  private events: ChannelEvents | undefined;
  private closed = false;

  constructor(redisUrl: string, prefix: string) {
    this.channelName = `${prefix}invalidation`;
    this.subscriber = redisSubscriberClient(redisUrl, { lazyConnect: true });
    this.publisher = redisCommandClient(redisUrl);
    // Failures show as `close` (subscriber) or as rejected sends (publisher); the events only log.
    this.subscriber.on("error", () => {});
    this.publisher.on("error", () => {});
  }

  async start(events: ChannelEvents): Promise<void> {
    this.events = events;
    this.subscriber.on("messageBuffer", (channel: Buffer, message: Buffer) => {
      if (channel.toString() === this.channelName) this.events?.received(message.toString());
    });
    this.subscriber.on("close", () => this.events?.down("Redis connection closed"));
    let started = false;
    // Every connection after the first subscribes again (ioredis reconnects by itself).
    this.subscriber.on("ready", () => {
      if (started) void this.listen();
    });
    try {
      await this.subscriber.connect();
      started = true;
      await this.listen();
    } catch {
      // Not reachable yet: ioredis keeps trying, and `ready` subscribes.
      started = true;
    }
  }

  async send(payload: string): Promise<void> {
    await this.publisher.publish(this.channelName, payload);
  }

  reconnect(): void {
    this.subscriber.disconnect(true);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscriber.disconnect();
    this.publisher.disconnect();
  }

  private async listen(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channelName);
    } catch {
      return; // the connection went away again; the next `ready` tries again
    }
    if (!this.closed) this.events?.up();
  }
}
