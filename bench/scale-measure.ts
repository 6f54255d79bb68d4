/**
 * The scale benchmark's measurements, all through the HTTP API of a listening Keygate: query
 * latency (p50 of sequential calls), key creation rate, a cache-miss verification's latency while
 * the usage buffer takes 10,000 distinct keys a second, and the heap each cached key costs.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { RunningServer } from "../server/src/app/server.js";
import { type BenchKey, createKeys } from "./keygate-setup.js";

/** Timed calls per query, after {@link WARMUP} untimed ones (a warm-up pass, so pages read cold
 * by the first calls after a bulk build are not what is measured). */
export const SAMPLES = 100;
export const WARMUP = 20;

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function timedGet(url: string, rootKey: string): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization: `Bearer ${rootKey}` } });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${text}`);
  const body = JSON.parse(text) as { data: unknown[] };
  return { ms, count: body.data.length };
}

/** p50 latency of a GET, and how many items its page held (a sanity check that it found them). */
export async function p50Get(url: string, rootKey: string): Promise<{ p50: number; count: number }> {
  let count = 0;
  for (let i = 0; i < WARMUP; i++) count = (await timedGet(url, rootKey)).count;
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) times.push((await timedGet(url, rootKey)).ms);
  return {
    p50: percentile(
      times.sort((a, b) => a - b),
      50,
    ),
    count,
  };
}

/** Creates `count` keys with POST /v1/keys (8 at a time); keys per second and the keys. */
export async function measureCreation(
  baseUrl: string,
  rootKey: string,
  count: number,
): Promise<{ perSecond: number; keys: BenchKey[] }> {
  const started = performance.now();
  const keys = await createKeys(baseUrl, rootKey, count);
  return { perSecond: count / ((performance.now() - started) / 1000), keys };
}

async function verifyOnce(baseUrl: string, rootKey: string, key: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/v1/keys/verify`, {
    method: "POST",
    headers: { authorization: `Bearer ${rootKey}`, "content-type": "application/json" },
    body: JSON.stringify({ key }),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200 || !text.includes('"valid":true')) {
    throw new Error(`verify answered ${response.status}: ${text}`);
  }
  return ms;
}

/**
 * Verifies each of `keys` once (each a cache miss), paced, while the usage buffer is fed 10,000
 * distinct keys a second (what 10,000 verifications of distinct keys record; fed in process so
 * the load generator does not compete with the server for the CPU). Returns the p50 and p99.
 */
export async function measureMissesUnderUsage(
  server: RunningServer,
  workspaceId: string,
  rootKey: string,
  keys: readonly BenchKey[],
  usageKeyIds: readonly string[],
): Promise<{ p50: number; p99: number; usedPerSecond: number }> {
  let feeding = true;
  let fed = 0;
  const feedStarted = performance.now();
  const feeder = (async () => {
    let next = 0;
    while (feeding) {
      // 100 distinct keys every 10 ms.
      const due = Math.floor(((performance.now() - feedStarted) / 1000) * 10_000);
      const nowMs = Date.now();
      for (; fed < due; fed++) {
        const id = usageKeyIds[next++ % usageKeyIds.length];
        if (id !== undefined) server.ctx.usage.record(id, workspaceId, "VALID", nowMs, "198.51.100.4");
      }
      await sleep(10);
    }
  })();
  try {
    await sleep(2500); // two or three flushes in, before measuring
    const times: number[] = [];
    for (const key of keys) {
      times.push(await verifyOnce(server.url, rootKey, key.key));
      await sleep(3);
    }
    times.sort((a, b) => a - b);
    const usedPerSecond = fed / ((performance.now() - feedStarted) / 1000);
    return { p50: percentile(times, 50), p99: percentile(times, 99), usedPerSecond };
  } finally {
    feeding = false;
    await feeder;
    await server.ctx.usage.flush();
  }
}
