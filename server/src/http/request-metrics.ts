/**
 * Counts every answered request by method, route and status, and logs it at debug (5xx at warn).
 * Counting is a map lookup and an addition; `/metrics` turns the counts into the labelled counter
 * when it is read, so no request pays for prom-client's label hashing. The verify lane counts its
 * requests through the same {@link RequestLog}.
 */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../app/context.js";

export class RequestLog {
  private readonly logsDebug: boolean;

  constructor(private readonly ctx: AppContext) {
    this.logsDebug = ctx.logger.isLevelEnabled("debug");
  }

  /** Counts one answered request; `route` is the route's pattern (`/v1/keys/:id`), not the URL. */
  answered(method: string, route: string, status: number, requestId: string, elapsedMs: number): void {
    const counts = this.ctx.metrics.httpRequestCounts;
    const id = `${method} ${route} ${status}`;
    const entry = counts.get(id);
    if (entry === undefined) counts.set(id, { labels: { method, route, status: String(status) }, count: 1 });
    else entry.count += 1;
    if (status >= 500) this.ctx.logger.warn({ requestId, route, status }, "request failed");
    else if (this.logsDebug) this.ctx.logger.debug({ requestId, route, status, ms: elapsedMs }, "request");
  }
}

export function installRequestMetrics(app: FastifyInstance, log: RequestLog): void {
  app.addHook("onResponse", (request, reply, done) => {
    const route = request.routeOptions.url ?? "unmatched";
    log.answered(request.method, route, reply.statusCode, request.id, reply.elapsedTime);
    done();
  });
}
