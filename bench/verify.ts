/**
 * `npm run bench`: verification throughput and latency, in one run on one machine.
 *
 * 1. Starts Keygate (`node server/dist/cli/main.js serve`, embedded store in a temporary folder),
 *    signs in as the admin, creates root keys and 1,000 keys through the API.
 * 2. Drives POST /v1/keys/verify with autocannon (50 connections, keep-alive, the keys in turn),
 *    checking every answer is the right key's VALID.
 * 3. Drives the cold path: well-formed keys nobody issued, so every request is a cache miss and
 *    one store read.
 * 4. Drives a bare node:http server (bench/bare-server.ts, its own process) that parses the same
 *    JSON body and answers a JSON body of the same size.
 * 5. Measures the in-process cost of one verification (cache hit) and prints everything, with the
 *    ratio of Keygate's rate to the bare server's. Target: 0.75 or more, no errors, all correct.
 *
 * BENCH_DURATION (seconds, default 10) sets each measured run; BENCH_CONNECTIONS (default 50);
 * BENCH_KEYGATE_NODE_ARGS adds node flags to the Keygate process (such as `--cpu-prof` to profile).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { generateKey } from "../server/src/domain/key-format.js";
import { measureInProcess } from "./in-process.js";
import { createKeys, createRootKeys } from "./keygate-setup.js";
import { cpuSeconds, freePort, type Started, start, stop, waitForHttp } from "./processes.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP_SECONDS = 3;
const KEY_COUNT = 1000;
const ADMIN = { email: "bench@example.com", password: "bench-password-123" };

interface Target {
  url: string;
  authorization?: string;
  /** Request bodies, sent in turn. */
  bodies: string[];
  /** Whether the answer to `bodies[i]` is right. */
  isRight: (index: number, status: number, body: string) => boolean;
}

interface RunResult {
  rps: number;
  /** Server CPU time (user + system) per request, in microseconds, when the platform tells. */
  cpuUs: number | undefined;
  p50: number;
  p99: number;
  total: number;
  errors: number;
  wrong: number;
}

/**
 * One autocannon run over the target's bodies in turn; counts answers that are not right and
 * the server process's CPU time.
 */
async function drive(target: Target, server: Started, seconds: number): Promise<RunResult> {
  let next = 0;
  const cpuBefore = cpuSeconds(server);
  let wrong = 0;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (target.authorization) headers.authorization = target.authorization;
  const result = await autocannon({
    url: target.url,
    method: "POST",
    connections: CONNECTIONS,
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
  const cpuAfter = cpuSeconds(server);
  return {
    rps: result.requests.total / result.duration,
    cpuUs:
      cpuBefore === undefined || cpuAfter === undefined || result.requests.total === 0
        ? undefined
        : ((cpuAfter - cpuBefore) / result.requests.total) * 1e6,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    wrong,
  };
}

async function measure(name: string, target: Target, server: Started): Promise<RunResult> {
  process.stdout.write(`  ${name}: warming up ${WARMUP_SECONDS}s, measuring ${DURATION}s ...\n`);
  await drive(target, server, WARMUP_SECONDS);
  return drive(target, server, DURATION);
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function line(name: string, run: RunResult): string {
  const cpu = run.cpuUs === undefined ? "" : `   ${fmt(run.cpuUs, 1)} µs CPU/req`;
  return `${name.padEnd(24)} ${fmt(run.rps).padStart(7)} req/s   p50 ${fmt(run.p50, 2).padStart(6)} ms   p99 ${fmt(run.p99, 2).padStart(6)} ms${cpu}   ${fmt(run.total)} requests, ${run.errors} errors, ${run.wrong} wrong`;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "keygate-bench-"));
  const processes: Started[] = [];
  try {
    const keygatePort = await freePort();
    const keygateUrl = `http://127.0.0.1:${keygatePort}`;
    process.stdout.write(`Starting Keygate (embedded store in ${dataDir}) ...\n`);
    const nodeArgs = (process.env.BENCH_KEYGATE_NODE_ARGS ?? "").split(" ").filter((arg) => arg !== "");
    const keygate = start(
      process.execPath,
      [...nodeArgs, path.join(ROOT, "server/dist/cli/main.js"), "serve"],
      {
        KEYGATE_DATA_DIR: dataDir,
        PORT: String(keygatePort),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        KEYGATE_ADMIN_EMAIL: ADMIN.email,
        KEYGATE_ADMIN_PASSWORD: ADMIN.password,
        NODE_ENV: "production",
      },
    );
    processes.push(keygate);
    await waitForHttp(`${keygateUrl}/readyz`, keygate);

    const [adminKey, verifyKey] = await createRootKeys(keygateUrl, ADMIN, [
      { name: "bench admin", permissions: ["*"] },
      { name: "bench verifier", permissions: ["keys:verify"] },
    ]);
    if (!adminKey || !verifyKey) throw new Error("the root keys were not created");
    const createStarted = performance.now();
    const keys = await createKeys(keygateUrl, adminKey, KEY_COUNT);
    process.stdout.write(
      `Created ${KEY_COUNT} keys in ${fmt((performance.now() - createStarted) / 1000, 1)}s.\n`,
    );

    const verifyUrl = `${keygateUrl}/v1/keys/verify`;
    const sample = await fetch(verifyUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${verifyKey}` },
      body: JSON.stringify({ key: keys[0]?.key }),
    });
    const sampleBody = await sample.text();
    const expectedStarts = keys.map((key) => `{"valid":true,"code":"VALID","keyId":"${key.id}",`);

    process.stdout.write("Driving Keygate ...\n");
    const hot = await measure(
      "verify (cache hits)",
      {
        url: verifyUrl,
        authorization: `Bearer ${verifyKey}`,
        bodies: keys.map((key) => JSON.stringify({ key: key.key })),
        isRight: (i, status, body) => status === 200 && body.startsWith(expectedStarts[i] ?? "-"),
      },
      keygate,
    );
    const unknown = Array.from({ length: 100_000 }, () => JSON.stringify({ key: generateKey("acme") }));
    process.stdout.write(`  verify (cache misses): measuring ${DURATION}s ...\n`);
    const cold = await drive(
      {
        url: verifyUrl,
        authorization: `Bearer ${verifyKey}`,
        bodies: unknown,
        isRight: (_i, status, body) => status === 200 && body === '{"valid":false,"code":"NOT_FOUND"}',
      },
      keygate,
      DURATION,
    );
    const metrics = await (await fetch(`${keygateUrl}/metrics`)).text();
    const exitCode = await stop(keygate);
    processes.pop();

    const barePort = await freePort();
    const bare = start(process.execPath, ["--import", "tsx", path.join(ROOT, "bench/bare-server.ts")], {
      PORT: String(barePort),
      RESPONSE_BODY: sampleBody,
      NODE_ENV: "production",
    });
    processes.push(bare);
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(
        () => reject(new Error(`the bare server did not start:\n${bare.output()}`)),
        30_000,
      );
      bare.child.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("listening")) {
          clearTimeout(deadline);
          resolve();
        }
      });
    });
    process.stdout.write("Driving the bare node:http server ...\n");
    const baseline = await measure(
      "bare node:http",
      {
        url: `http://127.0.0.1:${barePort}/v1/keys/verify`,
        bodies: keys.map((key) => JSON.stringify({ key: key.key })),
        isRight: (_i, status, body) => status === 200 && body.length === sampleBody.length,
      },
      bare,
    );
    await stop(bare);
    processes.pop();

    process.stdout.write("Measuring one verification in process ...\n");
    const inProcess = await measureInProcess();

    const ratio = hot.rps / baseline.rps;
    const metric = (name: string) => new RegExp(`^${name} (\\S+)$`, "m").exec(metrics)?.[1] ?? "?";
    process.stdout.write(
      [
        "",
        `Keygate verify benchmark: ${CONNECTIONS} connections, keep-alive, ${DURATION}s per run, ${KEY_COUNT} keys, node ${process.version}`,
        `answer: ${Buffer.byteLength(sampleBody)} bytes`,
        "",
        line("Keygate verify (hot)", hot),
        line("bare node:http", baseline),
        line("Keygate verify (cold)", cold),
        "",
        `ratio Keygate / bare:      ${fmt(ratio, 2)}  (target 0.75)  ${ratio >= 0.75 ? "MET" : "NOT MET"}`,
        `in-process verification:   ${fmt(inProcess.microseconds, 2)} µs (cache hit, ${fmt(inProcess.iterations)} iterations)`,
        `Keygate metrics:           cache hits ${metric("keygate_verify_cache_hits_total")}, misses ${metric("keygate_verify_cache_misses_total")}, usage flushes ${metric("keygate_usage_flush_duration_seconds_count")} (total ${fmt(Number(metric("keygate_usage_flush_duration_seconds_sum")), 3)} s)`,
        `Keygate stopped with exit code ${exitCode} (usage flushed on SIGTERM)`,
        "",
      ].join("\n"),
    );
    const failed = hot.errors + hot.wrong + cold.errors + cold.wrong + baseline.errors + baseline.wrong > 0;
    if (failed) {
      process.stdout.write("Some answers were errors or wrong.\n");
      process.exitCode = 1;
    }
  } finally {
    for (const started of processes) await stop(started);
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
