/**
 * One open event stream written to a raw HTTP response: the server-sent events headers, the
 * opening frames, a heartbeat comment every period, and writes that never buffer without bound: a
 * consumer that stops reading is dropped (its connection destroyed) once more than
 * {@link MAX_BUFFERED_BYTES} wait for it, or once its backlog has not drained for two heartbeat
 * periods, rather than kept at the cost of the server's memory (it reconnects and resumes if it
 * was only slow). It leaves the hub when the client goes away, when the hub ends it, or when it is
 * dropped.
 */
import type { ServerResponse } from "node:http";
import type { EventSink, InvalidationEvents, StreamCaller, StreamEvent } from "./invalidation-events.js";

/** What may wait in a stream's buffer before its consumer counts as gone (some 30,000 events). */
export const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

export const EVENT_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-store",
  "x-accel-buffering": "no",
  connection: "keep-alive",
} as const;

const HEARTBEAT = ": heartbeat\n\n";

export class EventStreamConnection implements EventSink {
  private heartbeat: NodeJS.Timeout | undefined;
  /** Set while writes wait for the consumer: it fires if they still wait two heartbeats later. */
  private stall: NodeJS.Timeout | undefined;
  private ended = false;

  constructor(
    readonly caller: StreamCaller,
    private readonly response: ServerResponse,
    private readonly hub: InvalidationEvents,
    private readonly heartbeatMs: number,
  ) {}

  /** Sends the headers and the opening frames, then keeps the stream alive until it ends. */
  start(requestId: string, opening: string): void {
    const { response } = this;
    response.on("close", () => this.finish());
    response.on("error", () => this.finish());
    response.on("drain", () => this.drained());
    // The client may have gone while the request was authenticated: then there is nothing to keep.
    if (response.socket === null || response.socket.destroyed) {
      this.finish();
      return;
    }
    response.writeHead(200, { ...EVENT_STREAM_HEADERS, "x-request-id": requestId });
    response.flushHeaders();
    this.write(opening);
    this.heartbeat = setInterval(() => this.write(HEARTBEAT), this.heartbeatMs);
    this.heartbeat.unref();
  }

  send(event: StreamEvent): void {
    this.write(event.frame);
  }

  end(): void {
    if (this.ended) return;
    this.response.end();
    this.finish();
  }

  private write(text: string): void {
    if (this.ended) return;
    const { response } = this;
    const flushed = response.write(text);
    // Node corks the socket on a write until the next tick; the change's own HTTP answer would then
    // reach its caller before this event reached the SDK's cache. Send it now.
    response.uncork();
    if (flushed) return;
    // A consumer this far behind has stopped reading: drop it rather than buffer on.
    if (response.writableLength > MAX_BUFFERED_BYTES) {
      this.drop();
    } else if (this.stall === undefined) {
      this.stall = setTimeout(() => this.drop(), 2 * this.heartbeatMs);
      this.stall.unref();
    }
  }

  private drained(): void {
    if (this.stall !== undefined) clearTimeout(this.stall);
    this.stall = undefined;
  }

  private drop(): void {
    this.response.destroy();
    this.finish();
  }

  private finish(): void {
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    this.drained();
    this.ended = true;
    this.hub.leave(this);
  }
}
