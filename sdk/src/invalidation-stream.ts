/**
 * The cache's subscription to `GET /v1/events/invalidations`: server-sent events read from a
 * fetch body stream, resumed with `Last-Event-ID` after a drop, reconnected with backoff and full
 * jitter, and watched: no byte for 2.5 heartbeats means the stream is down. It reports what it
 * hears (`ready`, `key`, `workspace`) and when it goes live or down; the cache decides the rest.
 */
import { type ServerSentEvent, SseParser } from "./sse-parser.js";

export const INVALIDATIONS_PATH = "/v1/events/invalidations";
/** Until `ready` says otherwise. */
const DEFAULT_HEARTBEAT_MS = 15_000;
const WATCHDOG_HEARTBEATS = 2.5;
const DEFAULT_RETRY_MS = 1_000;
const MAX_RECONNECT_MS = 30_000;

export interface InvalidationHandlers {
  /** The stream is live; `resumed: false` means events may have been missed. */
  onReady(resumed: boolean): void;
  onKeys(workspaceId: string, keyIds: readonly string[]): void;
  onWorkspace(workspaceId: string): void;
  /** The stream is down (it will reconnect by itself). */
  onDown(reason: string): void;
}

export interface InvalidationStreamOptions {
  url: string;
  headers: Record<string, string>;
  fetch: typeof fetch;
  handlers: InvalidationHandlers;
  random?: () => number;
}

function unref(timer: ReturnType<typeof setTimeout>): void {
  // Node: an open stream's timers alone do not keep the process running.
  (timer as { unref?: () => void }).unref?.();
}

export class InvalidationStream {
  private lastEventId: string | undefined;
  private retryMs = DEFAULT_RETRY_MS;
  private heartbeatMs = DEFAULT_HEARTBEAT_MS;
  private failures = 0;
  private closed = false;
  private live = false;
  private connection: AbortController | undefined;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: InvalidationStreamOptions) {}

  start(): void {
    if (this.running || this.closed) return;
    this.running = this.connect();
  }

  /** The id of the last event heard (sent as Last-Event-ID on reconnection). */
  get resumeFrom(): string | undefined {
    return this.lastEventId;
  }

  /** Ends the stream for good. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.watchdog);
    this.connection?.abort();
    await this.running;
  }

  /** Drops the current connection as a network failure would (tests, and a missed heartbeat). */
  drop(reason: string): void {
    this.connection?.abort(new Error(reason));
  }

  private async connect(): Promise<void> {
    const connection = new AbortController();
    this.connection = connection;
    const headers: Record<string, string> = { ...this.options.headers, accept: "text/event-stream" };
    if (this.lastEventId !== undefined) headers["last-event-id"] = this.lastEventId;
    let reason = "the event stream ended";
    try {
      this.armWatchdog();
      const response = await this.options.fetch(this.options.url, { headers, signal: connection.signal });
      if (!response.ok || !response.body) {
        reason = `the event stream was refused: ${response.status}${await errorCodeOf(response)}`;
        return;
      }
      await this.read(response.body, connection);
    } catch (error) {
      const cause = connection.signal.reason;
      reason = cause instanceof Error ? cause.message : `the event stream failed: ${describe(error)}`;
    } finally {
      clearTimeout(this.watchdog);
      this.connection = undefined;
      if (!this.closed) this.down(reason);
    }
  }

  private async read(body: ReadableStream<Uint8Array>, connection: AbortController): Promise<void> {
    const parser = new SseParser({
      onEvent: (event) => this.onEvent(event),
      onRetry: (ms) => {
        this.retryMs = ms;
      },
    });
    const decoder = new TextDecoder();
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || connection.signal.aborted) return;
        this.armWatchdog();
        parser.push(decoder.decode(value, { stream: true }));
      }
    } finally {
      reader.releaseLock();
    }
  }

  private onEvent(event: ServerSentEvent): void {
    this.lastEventId = event.lastEventId || this.lastEventId;
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (typeof data !== "object" || data === null) return;
    const fields = data as Record<string, unknown>;
    if (event.event === "ready") {
      if (typeof fields.heartbeatMs === "number" && fields.heartbeatMs > 0)
        this.heartbeatMs = fields.heartbeatMs;
      this.armWatchdog();
      this.failures = 0;
      this.live = true;
      this.options.handlers.onReady(fields.resumed === true);
    } else if (
      event.event === "key" &&
      typeof fields.workspaceId === "string" &&
      Array.isArray(fields.keyIds)
    ) {
      const keyIds = fields.keyIds.filter((id): id is string => typeof id === "string");
      this.options.handlers.onKeys(fields.workspaceId, keyIds);
    } else if (event.event === "workspace" && typeof fields.workspaceId === "string") {
      this.options.handlers.onWorkspace(fields.workspaceId);
    }
  }

  /** (Re)starts the watchdog: no byte for 2.5 heartbeats drops the connection. */
  private armWatchdog(): void {
    clearTimeout(this.watchdog);
    const limit = this.heartbeatMs * WATCHDOG_HEARTBEATS;
    this.watchdog = setTimeout(() => this.drop(`no heartbeat for ${limit} ms`), limit);
    unref(this.watchdog);
  }

  private down(reason: string): void {
    if (this.live || this.failures === 0) this.options.handlers.onDown(reason);
    this.live = false;
    const random = this.options.random ?? Math.random;
    const delay = Math.floor(random() * Math.min(MAX_RECONNECT_MS, this.retryMs * 2 ** this.failures));
    this.failures += 1;
    this.reconnectTimer = setTimeout(() => {
      this.running = this.connect();
    }, delay);
    unref(this.reconnectTimer);
  }
}

async function errorCodeOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === "string" ? ` ${body.error.code}` : "";
  } catch {
    return "";
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}
