/**
 * Prometheus metrics, one registry per service instance (tests run several side by side).
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { VERIFY_CODES, type VerifyCode } from "../verifier/outcomes.js";

/** The answered requests of one method, route and status. */
export interface HttpRequestCount {
  labels: { method: string; route: string; status: string };
  count: number;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: "keygate_" });
  const verificationCounts = Object.fromEntries(VERIFY_CODES.map((code) => [code, 0])) as Record<
    VerifyCode,
    number
  >;
  const httpRequestCounts = new Map<string, HttpRequestCount>();
  const cacheCounts = { hits: 0, misses: 0 };
  return {
    registry,
    httpRequests: new Counter({
      name: "keygate_http_requests_total",
      help: "HTTP requests answered, by method, route and status code",
      labelNames: ["method", "route", "status"] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const { labels, count } of httpRequestCounts.values()) this.inc(labels, count);
      },
    }),
    /** What `httpRequests` reports when read, counted as plain numbers (see `verificationCounts`). */
    httpRequestCounts,
    verifications: new Counter({
      name: "keygate_verifications_total",
      help: "Key verifications, by outcome code",
      labelNames: ["code"] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const code of VERIFY_CODES) {
          if (verificationCounts[code] > 0) this.inc({ code }, verificationCounts[code]);
        }
      },
    }),
    /**
     * What `verifications` reports when read: the verifier counts each outcome here, as a plain
     * number, because a labelled prom-client `inc` hashes its labels on every call (measured: about
     * a tenth of a cached verification).
     */
    verificationCounts,
    cacheHits: new Counter({
      name: "keygate_verify_cache_hits_total",
      help: "Verifications answered from the in-memory cache (negative entries included)",
      registers: [registry],
      collect() {
        this.reset();
        if (cacheCounts.hits > 0) this.inc(cacheCounts.hits);
      },
    }),
    cacheMisses: new Counter({
      name: "keygate_verify_cache_misses_total",
      help: "Verifications that had to read the store",
      registers: [registry],
      collect() {
        this.reset();
        if (cacheCounts.misses > 0) this.inc(cacheCounts.misses);
      },
    }),
    /** What `cacheHits` and `cacheMisses` report when read: the verifier adds to these numbers. */
    cacheCounts,
    usageFlushSeconds: new Histogram({
      name: "keygate_usage_flush_duration_seconds",
      help: "Time to write one batch of buffered usage to the store",
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
      registers: [registry],
    }),
    usageFlushLagSeconds: new Gauge({
      name: "keygate_usage_flush_lag_seconds",
      help: "Age of the oldest usage record still waiting in the buffer",
      registers: [registry],
    }),
    unhandledRejections: new Counter({
      name: "keygate_unhandled_rejections_total",
      help: "Promise rejections nothing handled: logged and counted instead of ending the process",
      registers: [registry],
    }),
    clusterNodes: new Gauge({
      name: "keygate_cluster_nodes",
      help: "Live nodes of the cluster as this node last counted them (heartbeats in the store)",
      registers: [registry],
    }),
    rateLimitFallback: new Gauge({
      name: "keygate_rate_limit_fallback",
      help: "1 while this node answers rate limits from its own memory (Redis unreachable; each limit divided by the live nodes), else 0",
      registers: [registry],
    }),
    rateLimitFallbackVerifications: new Counter({
      name: "keygate_rate_limit_fallback_total",
      help: "Verifications whose rate limits this node answered from its own memory because Redis was unreachable",
      registers: [registry],
    }),
    invalidationPropagationSeconds: new Histogram({
      name: "keygate_invalidation_propagation_seconds",
      help: "From a change's invalidation leaving another node to its arrival here (the nodes' clocks)",
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1, 5],
      registers: [registry],
    }),
    invalidationRoundTripSeconds: new Histogram({
      name: "keygate_invalidation_roundtrip_seconds",
      help: "A heartbeat's trip from this node over the invalidation channel back to it (one clock)",
      buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1, 5],
      registers: [registry],
    }),
    invalidationChannelLive: new Gauge({
      name: "keygate_invalidation_channel_live",
      help: "1 while changes made on other nodes reach this one; 0 while its channel is down (nothing is cached then)",
      registers: [registry],
    }),
    invalidationChannelLosses: new Counter({
      name: "keygate_invalidation_channel_losses_total",
      help: "Times the invalidation channel was lost (every cache was dropped each time)",
      registers: [registry],
    }),
    invalidationSendFailures: new Counter({
      name: "keygate_invalidation_send_failures_total",
      help: "Invalidations that could not be sent to the other nodes (they see the change when their entries expire)",
      registers: [registry],
    }),
    usageFlushFailures: new Counter({
      name: "keygate_usage_flush_failures_total",
      help: "Usage flushes that failed and were kept for the next attempt",
      registers: [registry],
    }),
    webhookAttempts: new Counter({
      name: "keygate_webhook_attempts_total",
      help: "Webhook delivery attempts, by result: delivered, retrying (failed, to be retried) or failed (retries used up)",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    webhookAttemptSeconds: new Histogram({
      name: "keygate_webhook_attempt_seconds",
      help: "Time from sending a webhook delivery to its answer (or the failure)",
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
