/**
 * Load for the benchmark: autocannon runs over a list of request bodies sent in turn, every
 * answer checked, the server process's CPU time counted, and slices of runs combined.
 */
import autocannon from "autocannon";
import { cpuSeconds, type Started } from "./processes.js";

export interface Target {
  url: string;
  authorization?: string;
  /** Request bodies, sent in turn. */
  bodies: string[];
  /** Whether the answer to `bodies[i]` is right. */
  isRight: (index: number, status: number, body: string) => boolean;
  /** The server process, for its CPU time. */
  server: Started;
}

export interface RunResult {
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  total: number;
  /** Server CPU time (user + system) per request, in microseconds, when the platform tells. */
  cpuUs: number | undefined;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  /** 2xx answers that were not the right answer. */
  wrong: number;
}

/**
 * One run of `seconds` with `connections` keep-alive connections, the bodies sent in turn across
 * all connections (so every key is in use every second, as with many clients).
 */
export async function drive(target: Target, seconds: number, connections: number): Promise<RunResult> {
  let next = 0;
  let wrong = 0;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (target.authorization) headers.authorization = target.authorization;
  const cpuBefore = cpuSeconds(target.server);
  const result = await autocannon({
    url: target.url,
    method: "POST",
    connections,
    pipelining: 1,
    duration: seconds,
    headers,
    requests: [
      {
        method: "POST",
        setupRequest: (request, context) => {
          const index = next++ % target.bodies.length;
          (context as { index: number }).index = index;
          return { ...request, body: target.bodies[index] };
        },
        onResponse: (status, body, context) => {
          if (!target.isRight((context as { index: number }).index, status, body)) wrong += 1;
        },
      },
    ],
  });
  const cpuAfter = cpuSeconds(target.server);
  const total = result.requests.total;
  return {
    seconds: result.duration,
    rps: total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total,
    cpuUs:
      cpuBefore === undefined || cpuAfter === undefined || total === 0
        ? undefined
        : ((cpuAfter - cpuBefore) / total) * 1e6,
    errors: result.errors + result.timeouts + result.non2xx,
    wrong,
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** Slices of one target as one result: rates and CPU over all requests, latencies as slice medians. */
export function combine(slices: RunResult[]): RunResult {
  const seconds = slices.reduce((sum, slice) => sum + slice.seconds, 0);
  const total = slices.reduce((sum, slice) => sum + slice.total, 0);
  const cpu = slices.every((slice) => slice.cpuUs !== undefined)
    ? slices.reduce((sum, slice) => sum + (slice.cpuUs ?? 0) * slice.total, 0) / Math.max(total, 1)
    : undefined;
  return {
    seconds,
    rps: total / seconds,
    p50: median(slices.map((slice) => slice.p50)),
    p99: median(slices.map((slice) => slice.p99)),
    total,
    cpuUs: cpu,
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
    wrong: slices.reduce((sum, slice) => sum + slice.wrong, 0),
  };
}

/** The median of the per-slice ratios a[i] / b[i]: robust to load that comes and goes. */
export function medianRatio(a: RunResult[], b: RunResult[]): number {
  return median(a.map((slice, i) => slice.rps / (b[i]?.rps ?? Number.NaN)));
}
