/**
 * `npm run bench:sdk`: what the SDK's verification cache buys, in one run against a Keygate
 * started in this process (sdk/test/live-keygate.ts, the real HTTP service on 127.0.0.1), through
 * the built package (@keygate/sdk's dist):
 *
 * - a cached verification (`keys.verify` answered from memory), over at least 1e6 calls;
 * - an uncached one (`cache: false`: a round trip to Keygate), and a bare fetch of a trivial
 *   node:http server in the same process, for the ratio of the two;
 * - how long a revoke takes to reach the cache (from the management call's answer to the
 *   cache dropping the key, 0 when the event came first: Keygate publishes it before it answers),
 *   and from sending the revoke, p50 and p99 over 200 revokes.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { setImmediate } from "node:timers/promises";
import { Keygate } from "@keygate/sdk";
import { startLiveKeygate } from "../test/live-keygate.js";

const CACHED_CALLS = Number(process.env.BENCH_CACHED_CALLS ?? 2_000_000);
const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 5_000);
const REVOKES = Number(process.env.BENCH_REVOKES ?? 200);

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await setImmediate();
  }
}

/** µs per call of `call`, run `count` times one after another (after a warm-up of a tenth). */
async function perCall(count: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.ceil(count / 10); i++) await call();
  const started = performance.now();
  for (let i = 0; i < count; i++) await call();
  return ((performance.now() - started) * 1000) / count;
}

async function tokenOf(admin: Keygate, name: string): Promise<{ id: string; key: string }> {
  const created = await admin.keys.create({ name });
  if (created.key === undefined) throw new Error("no secret in the creation's answer");
  return { id: created.id, key: created.key };
}

async function bareServer(): Promise<{ url: string; close(): Promise<void> }> {
  const body = JSON.stringify({ valid: true, code: "VALID" });
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(200, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/keys/verify`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const live = await startLiveKeygate();
const admin = new Keygate({ baseUrl: live.url, rootKey: await live.rootKey(["*"]), cache: false });
const verifierKey = await live.rootKey(["keys:verify"]);
const cached = new Keygate({ baseUrl: live.url, rootKey: verifierKey });
const uncached = new Keygate({ baseUrl: live.url, rootKey: verifierKey, cache: false });
const bare = await bareServer();

try {
  const { key } = await tokenOf(admin, "bench");
  await cached.keys.verify({ key });
  await until(() => cached.cacheMetrics().live, 10_000, "the event stream going live");
  await cached.keys.verify({ key });
  const hitsBefore = cached.cacheMetrics().hits;
  const cachedUs = await perCall(CACHED_CALLS, () => cached.keys.verify({ key }));
  const hits = cached.cacheMetrics().hits - hitsBefore;
  if (hits < CACHED_CALLS) throw new Error(`only ${hits} of ${CACHED_CALLS} cached verifications were hits`);

  const uncachedUs = await perCall(ROUND_TRIPS, () => uncached.keys.verify({ key }));
  const verifyBody = JSON.stringify({ key });
  const bareUs = await perCall(ROUND_TRIPS, async () => {
    const response = await fetch(bare.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${verifierKey}` },
      body: verifyBody,
    });
    await response.json();
  });

  /** From the management call's answer to the cache dropping the key (0 when the event came first). */
  const fromAnswer: number[] = [];
  /** From sending the revoke to the cache dropping the key. */
  const fromSend: number[] = [];
  for (let i = 0; i < REVOKES; i++) {
    const before = cached.cacheMetrics().invalidations;
    const token = await tokenOf(admin, `revoke-${i}`);
    await until(() => cached.cacheMetrics().invalidations > before, 5_000, "the creation's event");
    await cached.keys.verify({ key: token.key });
    const entries = cached.cacheMetrics().entries;
    const revokedBefore = cached.cacheMetrics().invalidations;
    let heardAt = Number.NaN;
    const sent = performance.now();
    const hearing = until(
      () => cached.cacheMetrics().invalidations > revokedBefore,
      5_000,
      "the revoke's event",
    ).then(() => {
      heardAt = performance.now();
    });
    await admin.keys.revoke(token.id, { reason: "bench" });
    const answered = performance.now();
    await hearing;
    fromAnswer.push(Math.max(0, heardAt - answered));
    fromSend.push(heardAt - sent);
    if (cached.cacheMetrics().entries >= entries) throw new Error("the revoked key stayed in the cache");
  }
  fromAnswer.sort((a, b) => a - b);
  fromSend.sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(2)} ms`;

  const rows: Array<[string, string, string]> = [
    [
      "cached verify (keys.verify, from memory)",
      `${cachedUs.toFixed(2)} µs/op`,
      `${CACHED_CALLS.toLocaleString("en")} calls`,
    ],
    [
      "uncached verify (cache: false, round trip)",
      `${uncachedUs.toFixed(1)} µs/op`,
      `${ROUND_TRIPS.toLocaleString("en")} calls`,
    ],
    [
      "bare fetch of a trivial node:http server",
      `${bareUs.toFixed(1)} µs/op`,
      `${ROUND_TRIPS.toLocaleString("en")} calls`,
    ],
    ["uncached / bare fetch", `${(uncachedUs / bareUs).toFixed(2)}×`, ""],
    ["uncached / cached", `${(uncachedUs / cachedUs).toFixed(0)}×`, ""],
    ["revoke answered → cache dropped it, p50", ms(percentile(fromAnswer, 50)), `${REVOKES} revokes`],
    [
      "revoke answered → cache dropped it, p99",
      ms(percentile(fromAnswer, 99)),
      `max ${ms(fromAnswer.at(-1) ?? 0)}`,
    ],
    ["revoke sent → cache dropped it, p50", ms(percentile(fromSend, 50)), ""],
    ["revoke sent → cache dropped it, p99", ms(percentile(fromSend, 99)), `max ${ms(fromSend.at(-1) ?? 0)}`],
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  console.log(`\n@keygate/sdk verification cache (Node ${process.version})\n`);
  for (const row of rows) {
    console.log(`  ${row[0].padEnd(widths[0] ?? 0)}  ${row[1].padStart(widths[1] ?? 0)}  ${row[2]}`);
  }
  console.log();
} finally {
  await cached.close();
  await uncached.close();
  await bare.close();
  await live.close();
}
