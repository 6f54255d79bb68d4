/**
 * Lets every client read its answer when the service answers before reading the body (413 for a
 * body over the limit, 401 before a bad credential's body, 415): the rest of the body is read and
 * dropped first, up to a bound, as nginx's lingering close does. Answering and closing while a
 * body still arrives makes the kernel reset the connection, and a client that writes its whole
 * body before reading (Node's fetch, Python's requests, anything without `Expect: 100-continue`)
 * then sees the reset instead of the answer.
 */
import type { IncomingMessage } from "node:http";
import type { FastifyInstance } from "fastify";

/** At most this much more of an unread body is read and dropped... */
export const MAX_DROPPED_BYTES = 16 * 1024 * 1024;
/** ...for at most this long; after either bound the answer goes out and the connection closes. */
export const MAX_DROP_MS = 5000;

/** Reads and drops the rest of the request's body; resolves `true` when it all arrived in bounds. */
export function dropUnreadBody(request: IncomingMessage): Promise<boolean> {
  return new Promise((resolve) => {
    let dropped = 0;
    const finish = (complete: boolean) => {
      clearTimeout(timer);
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onGone);
      request.off("close", onGone);
      resolve(complete);
    };
    const onData = (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > MAX_DROPPED_BYTES) finish(false);
    };
    const onEnd = () => finish(true);
    const onGone = () => finish(false);
    const timer = setTimeout(() => finish(false), MAX_DROP_MS);
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onGone);
    request.on("close", onGone);
    request.resume();
  });
}

export function installUnreadBodyDrain(app: FastifyInstance): void {
  app.addHook("onSend", (request, reply, payload, done) => {
    // Only a real connection's request says `complete: false` (injected requests have no flag).
    const raw = request.raw;
    if (raw.complete !== false || raw.readableEnded || raw.destroyed) return done(null, payload);
    dropUnreadBody(raw).then((complete) => {
      if (!complete) reply.header("connection", "close");
      done(null, payload);
    });
  });
}
