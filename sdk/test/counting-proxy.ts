/**
 * A real HTTP proxy between an SDK under test and a live Keygate: it forwards every request as
 * it is, counts them per path, and can cut the event stream (end open ones, refuse new ones with
 * 503), stall it (keep the connection, forward no more bytes), or hold verify answers back for a
 * while, so tests can watch the SDK through a network that misbehaves.
 */
import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingProxy {
  url: string;
  /** Requests forwarded so far to this path (without query). */
  count(path: string): number;
  /** The headers of the latest request to this path. */
  lastHeaders(path: string): IncomingHttpHeaders | undefined;
  /** Ends every open event stream and answers new ones 503 while `true`. */
  cutEvents(cut: boolean): void;
  /** Keeps open event streams but forwards none of their bytes while `true`. */
  stallEvents(stalled: boolean): void;
  /** Holds each verify answer back this long before forwarding it. */
  delayVerify(ms: number): void;
  close(): Promise<void>;
}

const EVENTS_PATH = "/v1/events/invalidations";
const VERIFY_PATH = "/v1/keys/verify";

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const counts = new Map<string, number>();
  const headersSeen = new Map<string, IncomingHttpHeaders>();
  const streams = new Set<ServerResponse>();
  let cut = false;
  let stalled = false;
  let verifyDelayMs = 0;

  const server = createServer((incoming, outgoing) => {
    const path = (incoming.url ?? "/").split("?")[0] ?? "/";
    counts.set(path, (counts.get(path) ?? 0) + 1);
    headersSeen.set(path, incoming.headers);
    const isEvents = path === EVENTS_PATH;
    if (isEvents && cut) {
      incoming.resume();
      outgoing.writeHead(503, { "content-type": "application/json" });
      outgoing.end(
        JSON.stringify({
          error: { code: "UNAVAILABLE", message: "cut by the test", requestId: "req_proxy" },
        }),
      );
      return;
    }
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        const relay = () => {
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          if (!isEvents) {
            answer.pipe(outgoing);
            return;
          }
          streams.add(outgoing);
          outgoing.on("close", () => {
            streams.delete(outgoing);
            answer.destroy();
          });
          answer.on("data", (chunk: Buffer) => {
            if (!stalled) outgoing.write(chunk);
          });
          answer.on("end", () => outgoing.end());
        };
        if (path === VERIFY_PATH && verifyDelayMs > 0) setTimeout(relay, verifyDelayMs);
        else relay();
      },
    );
    forwarded.on("error", () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    count: (path) => counts.get(path) ?? 0,
    lastHeaders: (path) => headersSeen.get(path),
    cutEvents(value) {
      cut = value;
      if (value) for (const stream of streams) stream.destroy();
    },
    stallEvents(value) {
      stalled = value;
    },
    delayVerify(ms) {
      verifyDelayMs = ms;
    },
    async close() {
      for (const stream of streams) stream.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
