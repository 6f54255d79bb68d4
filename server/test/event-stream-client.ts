/**
 * A small server-sent events client over node:http for the event stream's tests: it opens
 * GET /v1/events/invalidations on a listening Keygate, parses frames as they arrive (with the time
 * each arrived) and lets a test wait for the next one of a type. A refused stream answers its
 * status and body instead.
 */
import { type IncomingMessage, request } from "node:http";

/** One parsed frame: an event (`event` + `data`), a bare `retry`, or a comment. */
export interface StreamFrame {
  id?: string;
  event?: string;
  data?: string;
  retry?: string;
  comment?: string;
  /** `performance.now()` when its last byte arrived. */
  at: number;
}

export interface OpenedStream {
  status: number;
  headers: IncomingMessage["headers"];
  /** Every frame so far, in order. */
  frames: StreamFrame[];
  /** The body of a refused stream (status other than 200). */
  body: string;
  /** Resolves with the next frame (counting from `from`, default: after those already read) that matches. */
  next(match: (frame: StreamFrame) => boolean, timeoutMs?: number): Promise<StreamFrame>;
  /** Resolves when the server ends the stream (or the connection closes). */
  ended: Promise<void>;
  /** Stops reading (the server's writes back up, as with a consumer that hangs). */
  pause(): void;
  /** Closes the connection from the client's side. */
  close(): void;
}

function parseFrame(text: string, at: number): StreamFrame {
  const frame: StreamFrame = { at };
  for (const line of text.split("\n")) {
    if (line.startsWith(":")) {
      frame.comment = line.slice(1).trim();
      continue;
    }
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "id" || field === "event" || field === "data" || field === "retry") frame[field] = value;
  }
  return frame;
}

/** Opens the stream with these headers (and path, for a query string). */
export function openStream(
  base: string,
  headers: Record<string, string>,
  path = "/v1/events/invalidations",
): Promise<OpenedStream> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method: "GET", headers }, (res) => {
      const frames: StreamFrame[] = [];
      const waiters: Array<() => void> = [];
      let buffer = "";
      let body = "";
      let read = 0;
      const ended = new Promise<void>((done) => {
        res.on("close", () => done());
        res.on("end", () => done());
      });
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        if (res.statusCode !== 200) {
          body += chunk;
          return;
        }
        buffer += chunk;
        let end = buffer.indexOf("\n\n");
        while (end >= 0) {
          frames.push(parseFrame(buffer.slice(0, end), performance.now()));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf("\n\n");
        }
        for (const wake of waiters.splice(0)) wake();
      });
      res.on("error", () => {});
      const stream: OpenedStream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        frames,
        get body() {
          return body;
        },
        ended,
        pause: () => res.pause(),
        close: () => req.destroy(),
        next(match, timeoutMs = 5000) {
          return new Promise((found, fail) => {
            const timer = setTimeout(
              () => fail(new Error(`no matching frame in ${timeoutMs} ms`)),
              timeoutMs,
            );
            const look = () => {
              while (read < frames.length) {
                const frame = frames[read] as StreamFrame;
                read += 1;
                if (match(frame)) {
                  clearTimeout(timer);
                  return found(frame);
                }
              }
              waiters.push(look);
            };
            look();
          });
        },
      };
      if (res.statusCode === 200) resolve(stream);
      else res.on("end", () => resolve(stream));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Matches an event of this type. */
export const eventOf =
  (type: string) =>
  (frame: StreamFrame): boolean =>
    frame.event === type;

/** The parsed data of an event frame. */
export function dataOf<T = Record<string, unknown>>(frame: StreamFrame): T {
  return JSON.parse(frame.data ?? "null") as T;
}
