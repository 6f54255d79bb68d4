/**
 * A server-sent events parser (the WHATWG event stream format) over text chunks as they arrive:
 * `event`, `data` (joined by newlines), `id` and `retry` fields, comment lines, and any of the
 * three line endings, split across chunks anywhere.
 */

export interface ServerSentEvent {
  event: string;
  data: string;
  /** The last event id seen so far (what a reconnection sends as Last-Event-ID). */
  lastEventId: string;
}

export interface SseHandlers {
  onEvent(event: ServerSentEvent): void;
  /** The server's reconnection time (`retry:`), in milliseconds. */
  onRetry?(ms: number): void;
}

export class SseParser {
  private buffer = "";
  private eventType = "";
  private data: string[] = [];
  private lastEventId = "";
  /** A chunk ended in `\r`: a `\n` starting the next one belongs to the same line ending. */
  private pendingCarriageReturn = false;

  constructor(private readonly handlers: SseHandlers) {}

  /** Feeds a decoded chunk. */
  push(chunk: string): void {
    let text = chunk;
    if (this.pendingCarriageReturn && text.startsWith("\n")) text = text.slice(1);
    this.pendingCarriageReturn = false;
    this.buffer += text;
    let start = 0;
    for (;;) {
      const cr = this.buffer.indexOf("\r", start);
      const lf = this.buffer.indexOf("\n", start);
      if (cr === -1 && lf === -1) break;
      const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
      this.line(this.buffer.slice(start, end));
      if (this.buffer[end] === "\r") {
        if (end + 1 === this.buffer.length) this.pendingCarriageReturn = true;
        else if (this.buffer[end + 1] === "\n") {
          start = end + 2;
          continue;
        }
      }
      start = end + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (line === "") {
      this.dispatch();
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") this.eventType = value;
    else if (field === "data") this.data.push(value);
    else if (field === "id" && !value.includes("\u0000")) this.lastEventId = value;
    else if (field === "retry" && /^\d+$/.test(value)) this.handlers.onRetry?.(Number(value));
  }

  private dispatch(): void {
    const type = this.eventType;
    const data = this.data;
    this.eventType = "";
    this.data = [];
    if (data.length === 0) return;
    this.handlers.onEvent({ event: type || "message", data: data.join("\n"), lastEventId: this.lastEventId });
  }
}
