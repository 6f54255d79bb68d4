/**
 * The invalidation channel over PostgreSQL LISTEN/NOTIFY: one connection of its own per node
 * (outside the pool) listens; a message is sent with `pg_notify` through the pool. Payloads stay
 * under NOTIFY's 8000 bytes (key messages are split into chunks: domain/keys/invalidate-key.ts).
 *
 * When the listening connection fails or ends, the channel reports `down` and connects again
 * with a backoff (100 ms doubling to 2 s) until it listens again.
 */
import { sql } from "kysely";
import pg from "pg";
import type { Store } from "../store/database.js";
import type { Channel, ChannelEvents } from "./channel-invalidation.js";

export const POSTGRES_CHANNEL = "keygate_invalidation";
const FIRST_RETRY_MS = 100;
const LONGEST_RETRY_MS = 2_000;
const CONNECT_TIMEOUT_MS = 5_000;

export class PostgresChannel implements Channel {
  readonly name = "postgres";
  private client: pg.Client | undefined;
  private events: ChannelEvents | undefined;
  private retryMs = FIRST_RETRY_MS;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly store: Store,
  ) {}

  async start(events: ChannelEvents): Promise<void> {
    this.events = events;
    await this.connect();
  }

  async send(payload: string): Promise<void> {
    await sql`select pg_notify(${POSTGRES_CHANNEL}, ${payload})`.execute(this.store.db);
  }

  reconnect(): void {
    const client = this.client;
    this.client = undefined;
    if (client) void client.end().catch(() => {});
    this.scheduleConnect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retry !== undefined) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      application_name: "keygate-invalidation",
    });
    const lost = (reason: string) => {
      if (this.client !== client) return;
      this.client = undefined;
      void client.end().catch(() => {});
      this.events?.down(reason);
      this.scheduleConnect();
    };
    client.on("error", (error) => lost(`listening connection failed: ${error.message}`));
    client.on("end", () => lost("listening connection ended"));
    client.on("notification", (notification) => {
      if (this.client === client && notification.payload !== undefined) {
        this.events?.received(notification.payload);
      }
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`listen ${POSTGRES_CHANNEL}`);
    } catch (error) {
      lost(`could not listen: ${(error as Error).message}`);
      return;
    }
    if (this.client !== client || this.closed) return;
    this.retryMs = FIRST_RETRY_MS;
    this.events?.up();
  }

  private scheduleConnect(): void {
    if (this.closed || this.retry !== undefined) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, LONGEST_RETRY_MS);
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, wait);
    this.retry.unref();
  }
}
