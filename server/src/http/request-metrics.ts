/**
 * Counts every answered request by method, route and status, and logs it at debug (5xx at warn).
 * The labelled counters are looked up once per method/route/status and kept, so counting costs a
 * map lookup rather than prom-client's label hashing on every request.
 */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app/context.js";

export function installRequestMetrics(app: FastifyInstance, ctx: AppContext): void {
  const counters = new Map<string, { inc(): void }>();
  const logsDebug = ctx.logger.isLevelEnabled("debug");
  app.addHook("onResponse", (request, reply, done) => {
    const route = request.routeOptions.url ?? "unmatched";
    const status = reply.statusCode;
    const id = `${request.method} ${route} ${status}`;
    let counter = counters.get(id);
    if (counter === undefined) {
      counter = ctx.metrics.httpRequests.labels(request.method, route, String(status));
      counters.set(id, counter);
    }
    counter.inc();
    if (status >= 500) request.log.warn({ requestId: request.id, route, status }, "request failed");
    else if (logsDebug)
      request.log.debug({ requestId: request.id, route, status, ms: reply.elapsedTime }, "request");
    done();
  });
}
