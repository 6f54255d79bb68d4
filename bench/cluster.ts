/**
 * `npm run bench:cluster`: how verification scales over Keygate nodes on one machine, what a
 * Redis-backed rate limit costs, and how fast a change reaches the other nodes.
 *
 * 1. Starts a fresh PostgreSQL database, a Redis of its own and three nodes on both
 *    (cluster-setup.ts), signs in as the admin through node A and creates 1,000 keys without a
 *    limit and 1,000 with a rate limit they never reach (1,000,000 a minute).
 * 2. Throughput: autocannon against 1, 2 and 3 nodes (BENCH_CONNECTIONS split evenly over the
 *    nodes driven: one autocannon per node, all at once, the keys in turn: round robin), in
 *    alternating slices so load from elsewhere hits all alike; a bare node:http server
 *    (bare-server.ts) is driven too, as the machine's ceiling for one process. Every answer is
 *    checked. This machine's cores are shared by the nodes AND the load generator (this process),
 *    so the table states the generator's own CPU: the nodes cannot use what it takes.
 * 3. Rate limit cost: node A alone, the limited keys against the unlimited ones, alternating
 *    slices; the ratio of their rates and their CPU per request. Whether the limits were counted
 *    in Redis is read from Redis itself (its key count).
 * 4. Propagation: 100 times, A disables a key that B has cached, and B is polled until it answers
 *    DISABLED: the delay from A's answer, p50 and p99 (and B's own propagation metric).
 * 5. Stops everything (SIGTERM) and prints the table.
 *
 * BENCH_DURATION (seconds per target, default 10), BENCH_SLICES (default 5), BENCH_CONNECTIONS
 * (default 48), BENCH_SAMPLES (propagation samples, default 100), BENCH_DATABASE_URL (the
 * PostgreSQL server; else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres).
 */
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import {
  type BenchCluster,
  type BenchNode,
  CLUSTER_ADMIN,
  createRateLimitedKeys,
  startBenchCluster,
} from "./cluster-setup.js";
import { type BenchKey, createKeys, createRootKeys } from "./keygate-setup.js";
import { combine, drive, type RunResult, type Target } from "./load.js";
import { cpuSeconds, freePort, type Started, start, stop, waitForOutput } from "./processes.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const SLICES = Math.max(1, Number(process.env.BENCH_SLICES ?? 5));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 48);
const SAMPLES = Math.max(1, Number(process.env.BENCH_SAMPLES ?? 100));
const WARMUP_SECONDS = 3;
const KEY_COUNT = 1000;
const NEVER_REACHED = { limit: 1_000_000, windowMs: 60_000 };
const CORES = availableParallelism();

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A run over several nodes at once, with the load generator's CPU over it. */
interface Measured {
  run: RunResult;
  /** Cores this process (the load generator) kept busy on average. */
  generatorCores: number;
}

/** One slice of several drives at once; their requests summed, latencies of the slowest. */
async function driveTogether(targets: Target[], seconds: number, connections: number): Promise<Measured> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const each = Math.max(1, Math.floor(connections / targets.length));
  const runs = await Promise.all(targets.map((target) => drive(target, seconds, each)));
  const cpu = process.cpuUsage(cpuBefore);
  const wall = (performance.now() - wallBefore) / 1000;
  const total = runs.reduce((sum, run) => sum + run.total, 0);
  const duration = Math.max(...runs.map((run) => run.seconds));
  const cpuUs = runs.every((run) => run.cpuUs !== undefined)
    ? runs.reduce((sum, run) => sum + (run.cpuUs ?? 0) * run.total, 0) / Math.max(total, 1)
    : undefined;
  return {
    run: {
      seconds: duration,
      rps: total / duration,
      p50: Math.max(...runs.map((run) => run.p50)),
      p99: Math.max(...runs.map((run) => run.p99)),
      total,
      cpuUs,
      errors: runs.reduce((sum, run) => sum + run.errors, 0),
      wrong: runs.reduce((sum, run) => sum + run.wrong, 0),
    },
    generatorCores: (cpu.user + cpu.system) / 1e6 / wall,
  };
}

function verifyTarget(node: BenchNode, verifyKey: string, keys: BenchKey[]): Target {
  const bodies = keys.map((key) => JSON.stringify({ key: key.key }));
  const starts = keys.map((key) => `{"valid":true,"code":"VALID","keyId":"${key.id}",`);
  return {
    url: `${node.url}/v1/keys/verify`,
    authorization: `Bearer ${verifyKey}`,
    bodies,
    isRight: (i, status, body) => status === 200 && body.startsWith(starts[i] ?? "-"),
    server: node.started,
  };
}

async function startBare(responseBody: string): Promise<{ bare: Started; url: string }> {
  const port = await freePort();
  const bare = start(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/bare-server.ts")], {
    PORT: String(port),
    RESPONSE_BODY: responseBody,
    NODE_ENV: "production",
  });
  await waitForOutput(bare, "listening");
  return { bare, url: `http://127.0.0.1:${port}/v1/keys/verify` };
}

async function post(url: string, authorization: string, body: unknown, method = "POST"): Promise<Response> {
  return fetch(url, {
    method,
    headers: { "content-type": "application/json", authorization },
    body: JSON.stringify(body),
  });
}

/** A disables a key B has cached; B is polled until it refuses: ms from A's answer, per sample. */
async function measurePropagation(
  a: BenchNode,
  b: BenchNode,
  adminKey: string,
  verifyKey: string,
): Promise<number[]> {
  const delays: number[] = [];
  const verifyOnB = async (key: string) => {
    const response = await post(`${b.url}/v1/keys/verify`, `Bearer ${verifyKey}`, { key });
    return ((await response.json()) as { code: string }).code;
  };
  const [key] = await createKeys(a.url, adminKey, 1);
  if (!key) throw new Error("no key for the propagation samples");
  // Ten warm-up samples, not counted.
  for (let i = 0; i < SAMPLES + 10; i++) {
    const enable = await post(`${a.url}/v1/keys/${key.id}`, `Bearer ${adminKey}`, { enabled: true }, "PATCH");
    if (enable.status !== 200) throw new Error(`enabling answered ${enable.status}`);
    await enable.text();
    // Cached on B: wait for it to see the enable, then a second (cached) answer.
    for (let tries = 0; (await verifyOnB(key.key)) !== "VALID"; tries++) {
      if (tries > 1000) throw new Error("B never saw the key enabled");
    }
    await verifyOnB(key.key);
    const disable = await post(
      `${a.url}/v1/keys/${key.id}`,
      `Bearer ${adminKey}`,
      { enabled: false },
      "PATCH",
    );
    await disable.text();
    const answeredAt = performance.now();
    if (disable.status !== 200) throw new Error(`disabling answered ${disable.status}`);
    for (;;) {
      const code = await verifyOnB(key.key);
      const delay = performance.now() - answeredAt;
      if (code === "DISABLED") {
        if (i >= 10) delays.push(delay);
        break;
      }
      if (delay > 5_000) throw new Error(`B still answered ${code} 5 s after the disable`);
    }
  }
  return delays;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

async function metricText(node: BenchNode): Promise<string> {
  return (await fetch(`${node.url}/metrics`)).text();
}

const metricOf = (text: string, name: string) =>
  Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN);

/** What Redis says of itself: rate-limit script calls (EVALSHA) so far and its CPU seconds. */
async function redisStats(url: string): Promise<{ scriptCalls: number; cpuSeconds: number }> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const commands = await client.info("commandstats");
    const cpu = await client.info("cpu");
    const field = (text: string, pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? 0);
    return {
      scriptCalls:
        field(commands, /^cmdstat_evalsha:calls=(\d+)/m) + field(commands, /^cmdstat_eval:calls=(\d+)/m),
      cpuSeconds: field(cpu, /^used_cpu_user:([\d.]+)/m) + field(cpu, /^used_cpu_sys:([\d.]+)/m),
    };
  } finally {
    client.disconnect();
  }
}

function line(name: string, measured: Measured, base?: Measured): string {
  const { run } = measured;
  const ratio = base ? `${fmt(run.rps / base.run.rps, 2).padStart(5)} x` : "       ";
  const cpu = run.cpuUs === undefined ? "      ?" : fmt(run.cpuUs, 1).padStart(7);
  return `${name.padEnd(30)} ${fmt(run.rps).padStart(7)} req/s  ${ratio}   p50 ${fmt(run.p50, 1).padStart(5)} ms   p99 ${fmt(run.p99, 1).padStart(5)} ms   ${cpu} µs node CPU/req   generator ${fmt(measured.generatorCores, 2)} of ${CORES} cores (${fmt((measured.generatorCores / CORES) * 100)} %)   ${run.errors} errors, ${run.wrong} wrong`;
}

/** Slices combined, with the generator's share averaged over them. */
function combined(slices: Measured[]): Measured {
  return {
    run: combine(slices.map((slice) => slice.run)),
    generatorCores: slices.reduce((sum, slice) => sum + slice.generatorCores, 0) / slices.length,
  };
}

async function main(): Promise<void> {
  process.stdout.write("Starting PostgreSQL database, Redis and three Keygate nodes ...\n");
  const startedAt = performance.now();
  let cluster: BenchCluster | undefined;
  let bare: Started | undefined;
  try {
    cluster = await startBenchCluster(3);
    const [a, b] = cluster.nodes as [BenchNode, BenchNode, BenchNode];
    process.stdout.write(`Three nodes ready in ${fmt((performance.now() - startedAt) / 1000, 1)} s.\n`);
    const [adminKey, verifyKey] = await createRootKeys(a.url, CLUSTER_ADMIN, [
      { name: "bench admin", permissions: ["*"] },
      { name: "bench verifier", permissions: ["keys:verify"] },
    ]);
    if (!adminKey || !verifyKey) throw new Error("the root keys were not created");
    const keys = await createKeys(a.url, adminKey, KEY_COUNT);
    const limitedKeys = await createRateLimitedKeys(a.url, adminKey, KEY_COUNT, NEVER_REACHED);
    process.stdout.write(`Created ${KEY_COUNT} keys and ${KEY_COUNT} rate-limited keys through node A.\n`);

    const plain = cluster.nodes.map((node) => verifyTarget(node, verifyKey, keys));
    const limited = verifyTarget(a, verifyKey, limitedKeys);
    const sampleBody = await (
      await post(plain[0]?.url ?? "", `Bearer ${verifyKey}`, { key: keys[0]?.key })
    ).text();
    const started = await startBare(sampleBody);
    bare = started.bare;
    const bareTarget: Target = {
      url: started.url,
      bodies: plain[0]?.bodies ?? [],
      isRight: (_i, status, body) => status === 200 && body.length === sampleBody.length,
      server: started.bare,
    };

    process.stdout.write(`Warming up every node (${WARMUP_SECONDS}s each) ...\n`);
    for (const target of [...plain, limited, bareTarget]) await drive(target, WARMUP_SECONDS, CONNECTIONS);
    const slice = Math.max(1, Math.round(DURATION / SLICES));
    const runs = [
      { name: "1 node (A)", targets: plain.slice(0, 1), slices: [] as Measured[] },
      { name: "2 nodes (A, B)", targets: plain.slice(0, 2), slices: [] as Measured[] },
      { name: "3 nodes (A, B, C)", targets: plain, slices: [] as Measured[] },
      { name: "bare node:http, 1 process", targets: [bareTarget], slices: [] as Measured[] },
      { name: "node A, rate-limited keys", targets: [limited], slices: [] as Measured[] },
    ];
    process.stdout.write(
      `Driving 1, 2, 3 nodes, the bare server and the rate-limited keys in ${SLICES} alternating slices of ${slice}s ...\n`,
    );
    const loadBefore = loadavg()[0] ?? 0;
    let redisCalls = 0;
    let redisCpu = 0;
    for (let i = 0; i < SLICES; i++) {
      const order = i % 2 === 0 ? runs : [...runs].reverse();
      for (const run of order) {
        const before = run.targets[0] === limited ? await redisStats(cluster.redis.url) : undefined;
        run.slices.push(await driveTogether(run.targets, slice, CONNECTIONS));
        if (before) {
          const after = await redisStats(cluster.redis.url);
          redisCalls += after.scriptCalls - before.scriptCalls;
          redisCpu += after.cpuSeconds - before.cpuSeconds;
        }
      }
    }
    const loadAfter = loadavg()[0] ?? 0;
    const [one, two, three, bareRun, limitedRun] = runs.map((run) => combined(run.slices)) as [
      Measured,
      Measured,
      Measured,
      Measured,
      Measured,
    ];

    process.stdout.write(`Measuring propagation (${SAMPLES} disables on A, refused on B) ...\n`);
    const before = await metricText(b);
    const delays = await measurePropagation(a, b, adminKey, verifyKey);
    const after = await metricText(b);
    const propagated =
      metricOf(after, "keygate_invalidation_propagation_seconds_count") -
      metricOf(before, "keygate_invalidation_propagation_seconds_count");
    const propagatedSeconds =
      metricOf(after, "keygate_invalidation_propagation_seconds_sum") -
      metricOf(before, "keygate_invalidation_propagation_seconds_sum");
    const fallback = metricOf(await metricText(a), "keygate_rate_limit_fallback");
    const nodeCpu = cluster.nodes.map((node) => `${node.name} ${fmt(cpuSeconds(node.started) ?? 0, 1)} s`);

    await stop(started.bare);
    bare = undefined;
    const exitCodes: (number | null)[] = [];
    for (const node of cluster.nodes) exitCodes.push(await stop(node.started));
    const limitCost = limitedRun.run.rps / one.run.rps;
    process.stdout.write(
      [
        "",
        `Keygate cluster benchmark: ${CONNECTIONS} connections split over the nodes driven, keep-alive, ${SLICES} x ${slice}s per target, ${KEY_COUNT} keys, node ${process.version}, ${CORES} cores`,
        `The ${CORES} cores are shared by every node AND the load generator (autocannon in this process, one instance per node driven): the generator's share is what the nodes could not use.`,
        "p50/p99 are medians over the slices of the slowest node's latency; node CPU/req is the driven nodes' CPU time per request.",
        `Load average (1 min) ${fmt(loadBefore, 2)} before the throughput slices, ${fmt(loadAfter, 2)} after: above ${CORES} means other work shared the machine too.`,
        "",
        `${"".padEnd(30)} ${"rate".padStart(13)}  vs 1 node`,
        line("1 node (A)", one, one),
        line("2 nodes (A, B)", two, one),
        line("3 nodes (A, B, C)", three, one),
        line("bare node:http, 1 process", bareRun, one),
        "",
        line("node A, unlimited keys", one),
        line("node A, rate-limited keys", limitedRun, one),
        `rate-limited / unlimited:       ${fmt(limitCost, 2)} of the rate, ${limitedRun.run.cpuUs !== undefined && one.run.cpuUs !== undefined ? `${fmt(limitedRun.run.cpuUs - one.run.cpuUs, 1)} µs more node CPU per request` : "CPU unknown"}, plus ${fmt(limitedRun.run.total > 0 ? (redisCpu / limitedRun.run.total) * 1e6 : 0, 1)} µs of Redis CPU per request`,
        `                                Redis ran the rate-limit script ${fmt(redisCalls)} times for ${fmt(limitedRun.run.total)} rate-limited verifications (${redisCalls >= limitedRun.run.total ? "every one counted in Redis" : "NOT every one counted in Redis"}); keygate_rate_limit_fallback ${fallback}`,
        "",
        `propagation of a disable, A's answer to B's refusal, ${delays.length} samples: p50 ${fmt(percentile(delays, 50), 1)} ms, p99 ${fmt(percentile(delays, 99), 1)} ms, max ${fmt(Math.max(...delays), 1)} ms (target p99 < 50 ms: ${percentile(delays, 99) < 50 ? "met" : "NOT met"})`,
        `B's keygate_invalidation_propagation_seconds meanwhile: ${propagated} arrivals, mean ${fmt(propagated > 0 ? (propagatedSeconds / propagated) * 1000 : Number.NaN, 2)} ms (sender's clock to receiver's)`,
        `node CPU over the whole run: ${nodeCpu.join(", ")}; nodes stopped with exit codes ${exitCodes.join(", ")}`,
        "",
      ].join("\n"),
    );
    const failed = [one, two, three, bareRun, limitedRun].some((run) => run.run.errors + run.run.wrong > 0);
    if (failed) {
      process.stdout.write("Some answers were errors or wrong.\n");
      process.exitCode = 1;
    }
  } finally {
    if (bare) await stop(bare);
    await cluster?.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
