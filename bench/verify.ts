/**
 * `npm run bench`: verification throughput and latency, in one run on one machine.
 *
 * 1. Starts Keygate (`node server/dist/cli/main.js serve`, embedded store in a temporary folder),
 *    signs in as the admin, creates root keys and 1,000 keys through the API in the operator's
 *    workspace (the one the first start makes); then, as a platform does, 200 tenants with 5 keys
 *    each (POST /v1/workspaces, a root key minted per tenant, POST /v1/keys).
 * 2. Starts a bare node:http server (bench/bare-server.ts, its own process) that parses the same
 *    JSON body and answers a JSON body of the single-workspace answer's size.
 * 3. Drives POST /v1/keys/verify and the bare server with autocannon (50 connections, keep-alive,
 *    the keys in turn), in alternating slices so load from elsewhere on the machine hits all
 *    alike: the single-workspace variant (a `keys:verify` root key, the workspace's own keys), the
 *    cross-tenant variant (the operator's `keys:verify:any` root key, the 1,000 keys of the 200
 *    tenants, each answer naming its workspace) and the bare server. Every answer is checked
 *    (Keygate's must be the right key's VALID, naming the right tenant in the cross-tenant one).
 * 4. Drives the cold path: well-formed keys nobody issued, so every request is a cache miss and
 *    one store read.
 * 5. Measures the in-process cost of one verification (cache hit) and the bytes one cached key
 *    holds (bench/cache-bytes.ts, its own process), stops Keygate with SIGTERM (usage is flushed)
 *    and prints everything, with the ratio of Keygate's rate to the bare server's for both
 *    variants and their difference. Target: 0.75 or more, the cross-tenant ratio within 5 % of the
 *    single-workspace one, no errors, every answer right.
 *
 * BENCH_DURATION (seconds per target, default 10), BENCH_SLICES (default 5), BENCH_CONNECTIONS
 * (default 50), BENCH_KEYGATE_NODE_ARGS (node flags for Keygate, such as `--cpu-prof`).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateKey } from "../server/src/domain/key-format.js";
import { measureInProcess } from "./in-process.js";
import { createKeys, createRootKeys, createTenants } from "./keygate-setup.js";
import { combine, drive, medianRatio, type RunResult, type Target } from "./load.js";
import {
  freePort,
  measureCacheBytes,
  type Started,
  start,
  stop,
  waitForHttp,
  waitForOutput,
} from "./processes.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const SLICES = Math.max(1, Number(process.env.BENCH_SLICES ?? 5));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const WARMUP_SECONDS = 3;
const KEY_COUNT = 1000;
const TENANT_COUNT = 200;
const KEYS_PER_TENANT = KEY_COUNT / TENANT_COUNT;
/** Most the cross-tenant ratio may fall below the single-workspace one. */
const CROSS_TENANT_TOLERANCE = 0.05;
const ADMIN = { email: "bench@example.com", password: "bench-password-123" };
const NOT_FOUND = '{"valid":false,"code":"NOT_FOUND"}';

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function line(name: string, run: RunResult): string {
  const cpu = run.cpuUs === undefined ? "" : `   ${fmt(run.cpuUs, 1).padStart(7)} µs CPU/req`;
  return `${name.padEnd(24)} ${fmt(run.rps).padStart(7)} req/s   p50 ${fmt(run.p50, 1).padStart(5)} ms   p99 ${fmt(run.p99, 1).padStart(5)} ms${cpu}   ${fmt(run.total)} requests, ${run.errors} errors, ${run.wrong} wrong`;
}

async function startKeygate(dataDir: string): Promise<{ keygate: Started; url: string }> {
  const port = await freePort();
  const nodeArgs = (process.env.BENCH_KEYGATE_NODE_ARGS ?? "").split(" ").filter((arg) => arg !== "");
  const keygate = start(
    process.execPath,
    [...nodeArgs, path.join(ROOT, "server/dist/cli/main.js"), "serve"],
    {
      KEYGATE_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      KEYGATE_ADMIN_EMAIL: ADMIN.email,
      KEYGATE_ADMIN_PASSWORD: ADMIN.password,
      NODE_ENV: "production",
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, keygate);
  return { keygate, url };
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

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "keygate-bench-"));
  const processes: Started[] = [];
  try {
    process.stdout.write(`Starting Keygate (embedded store in ${dataDir}) ...\n`);
    const { keygate, url: keygateUrl } = await startKeygate(dataDir);
    processes.push(keygate);
    const [adminKey, verifyKey, anyVerifyKey] = await createRootKeys(keygateUrl, ADMIN, [
      { name: "bench admin", permissions: ["*"] },
      { name: "bench verifier", permissions: ["keys:verify"] },
      { name: "bench platform verifier", permissions: ["keys:verify:any"] },
    ]);
    if (!adminKey || !verifyKey || !anyVerifyKey) throw new Error("the root keys were not created");
    const createStarted = performance.now();
    const keys = await createKeys(keygateUrl, adminKey, KEY_COUNT);
    process.stdout.write(
      `Created ${KEY_COUNT} keys in ${fmt((performance.now() - createStarted) / 1000, 1)}s.\n`,
    );
    const tenantsStarted = performance.now();
    const tenants = await createTenants(keygateUrl, adminKey, TENANT_COUNT, KEYS_PER_TENANT);
    process.stdout.write(
      `Created ${TENANT_COUNT} tenants with ${KEYS_PER_TENANT} keys each in ${fmt((performance.now() - tenantsStarted) / 1000, 1)}s.\n`,
    );

    const verifyUrl = `${keygateUrl}/v1/keys/verify`;
    const authorization = `Bearer ${verifyKey}`;
    const sampleBody = await (
      await fetch(verifyUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: JSON.stringify({ key: keys[0]?.key }),
      })
    ).text();
    const { bare, url: bareUrl } = await startBare(sampleBody);
    processes.push(bare);

    const bodies = keys.map((key) => JSON.stringify({ key: key.key }));
    const expectedStarts = keys.map((key) => `{"valid":true,"code":"VALID","keyId":"${key.id}",`);
    const hotTarget: Target = {
      url: verifyUrl,
      authorization,
      bodies,
      isRight: (i, status, body) => status === 200 && body.startsWith(expectedStarts[i] ?? "-"),
      server: keygate,
    };
    // The tenants' keys interleaved (one key of each tenant in turn), so every connection's
    // requests go across tenants.
    const tenantKeys = Array.from({ length: KEYS_PER_TENANT }, (_, k) =>
      tenants.map((tenant) => ({ tenant, key: tenant.keys[k] })),
    ).flat();
    const crossBodies = tenantKeys.map(({ key }) => JSON.stringify({ key: key?.key }));
    const crossStarts = tenantKeys.map(({ key }) => `{"valid":true,"code":"VALID","keyId":"${key?.id}",`);
    const crossEnds = tenantKeys.map(
      ({ tenant }) => `,"workspace":{"id":"${tenant.id}","externalId":"${tenant.externalId}","plan":"pro"}}`,
    );
    const crossTarget: Target = {
      url: verifyUrl,
      authorization: `Bearer ${anyVerifyKey}`,
      bodies: crossBodies,
      isRight: (i, status, body) =>
        status === 200 && body.startsWith(crossStarts[i] ?? "-") && body.endsWith(crossEnds[i] ?? "-"),
      server: keygate,
    };
    const bareTarget: Target = {
      url: bareUrl,
      bodies,
      isRight: (_i, status, body) => status === 200 && body.length === sampleBody.length,
      server: bare,
    };

    process.stdout.write(`Warming up all three (${WARMUP_SECONDS}s each) ...\n`);
    await drive(hotTarget, WARMUP_SECONDS, CONNECTIONS);
    await drive(crossTarget, WARMUP_SECONDS, CONNECTIONS);
    await drive(bareTarget, WARMUP_SECONDS, CONNECTIONS);
    const slice = Math.max(1, Math.round(DURATION / SLICES));
    process.stdout.write(
      `Driving Keygate (single workspace, then across tenants) and the bare server in ${SLICES} alternating slices of ${slice}s ...\n`,
    );
    const hotSlices: RunResult[] = [];
    const crossSlices: RunResult[] = [];
    const bareSlices: RunResult[] = [];
    const hotRun = { target: hotTarget, slices: hotSlices };
    const crossRun = { target: crossTarget, slices: crossSlices };
    const bareRun = { target: bareTarget, slices: bareSlices };
    for (let i = 0; i < SLICES; i++) {
      // The order turns each slice, so neither variant always runs right after the bare server.
      for (const run of i % 2 === 0 ? [hotRun, crossRun, bareRun] : [crossRun, hotRun, bareRun]) {
        run.slices.push(await drive(run.target, slice, CONNECTIONS));
      }
    }
    const hot = combine(hotSlices);
    const cross = combine(crossSlices);
    const baseline = combine(bareSlices);
    await stop(bare);
    processes.pop();

    process.stdout.write(`Driving the cold path (${DURATION}s) ...\n`);
    const unknown = Array.from({ length: 100_000 }, () => JSON.stringify({ key: generateKey("acme") }));
    const cold = await drive(
      {
        url: verifyUrl,
        authorization,
        bodies: unknown,
        isRight: (_i, status, body) => status === 200 && body === NOT_FOUND,
        server: keygate,
      },
      DURATION,
      CONNECTIONS,
    );
    const metrics = await (await fetch(`${keygateUrl}/metrics`)).text();
    const exitCode = await stop(keygate);
    processes.pop();

    process.stdout.write("Measuring one verification in process ...\n");
    const inProcess = await measureInProcess();
    const cacheBytes = await measureCacheBytes();
    const crossCacheBytes = await measureCacheBytes(true);

    const ratio = hot.rps / baseline.rps;
    const crossRatio = cross.rps / baseline.rps;
    const difference = (crossRatio - ratio) / ratio;
    const crossMet = difference >= -CROSS_TENANT_TOLERANCE;
    const metric = (name: string) => new RegExp(`^${name} (\\S+)$`, "m").exec(metrics)?.[1] ?? "?";
    process.stdout.write(
      [
        "",
        `Keygate verify benchmark: ${CONNECTIONS} connections, keep-alive, ${SLICES} x ${slice}s per target, ${KEY_COUNT} keys (and ${KEY_COUNT} more across ${TENANT_COUNT} tenants), node ${process.version}`,
        `answer: ${Buffer.byteLength(sampleBody)} bytes (across tenants, with its workspace: ${(crossEnds[0]?.length ?? 0) - 1} more); p50/p99 are medians over the slices`,
        "",
        line("Keygate verify (hot)", hot),
        line("Keygate verify (tenants)", cross),
        line("bare node:http", baseline),
        line("Keygate verify (cold)", cold),
        "",
        `ratio Keygate / bare:      ${fmt(ratio, 2)} overall, ${fmt(medianRatio(hotSlices, bareSlices), 2)} median of slices  (target 0.75: ${ratio >= 0.75 ? "met" : "NOT met"})`,
        `ratio across tenants:      ${fmt(crossRatio, 2)} overall, ${fmt(medianRatio(crossSlices, bareSlices), 2)} median of slices  (keys:verify:any over ${TENANT_COUNT} tenants)`,
        `difference:                ${difference >= 0 ? "+" : ""}${fmt(difference * 100, 1)} % of the single-workspace ratio  (target within ${CROSS_TENANT_TOLERANCE * 100} %: ${crossMet ? "met" : "NOT met"})`,
        `in-process verification:   ${fmt(inProcess.microseconds, 2)} µs, across tenants ${fmt(inProcess.crossTenantMicroseconds, 2)} µs (cache hit, ${fmt(inProcess.iterations)} iterations)`,
        `bytes per cached key:      ${cacheBytes}; across tenants ${crossCacheBytes}`,
        `Keygate metrics:           cache hits ${metric("keygate_verify_cache_hits_total")}, misses ${metric("keygate_verify_cache_misses_total")}, usage flushes ${metric("keygate_usage_flush_duration_seconds_count")} taking ${fmt(Number(metric("keygate_usage_flush_duration_seconds_sum")), 2)} s in all`,
        `Keygate stopped with exit code ${exitCode} (usage flushed on SIGTERM)`,
        "",
      ].join("\n"),
    );
    const failed = [hot, cross, baseline, cold].some((run) => run.errors + run.wrong > 0);
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
