/**
 * `npm run bench:scale`: does the cost of the key domain stay flat as one workspace grows? For each
 * store it starts a real listening Keygate (PGlite in a temporary folder; PostgreSQL in a fresh
 * database on DATABASE_URL or the local server, dropped after), bulk-builds keys through the store
 * layer, and measures through the HTTP API at 1k keys and at the largest size (1,000,000 on
 * PostgreSQL, 100,000 on PGlite): searches, filters, audit filters, creation rate, a cache-miss
 * verification under usage load, and bytes per cached key. Prints one table per store. Each filter
 * finds a full page at 1k as at the largest size (bench/scale-build.ts); its `limit=1` figure
 * compares pages of one.
 *
 * Environment: SCALE_STORES (`pglite,postgres`), SCALE_PG_KEYS, SCALE_PGLITE_KEYS.
 */
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type RunningServer, startServer } from "../server/src/app/server.js";
import { loadConfig } from "../server/src/config/config.js";
import { CREATE_CONCURRENCY, createRootKeys } from "./keygate-setup.js";
import { freePort, measureCacheBytes } from "./processes.js";
import { bulkKeyFacts, bulkKeyId, insertApps, insertBulkKeys, RARE_ACTOR } from "./scale-build.js";
import { explainLookups } from "./scale-explain.js";
import { measureCreation, measureMissesUnderUsage, p50Get, SAMPLES, WARMUP } from "./scale-measure.js";

const ADMIN = { email: "bench@example.com", password: "bench-password-1234" };
const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const FIRST_SIZE = 1000;
const TRACKED_KEY = 500;

interface Figure {
  name: string;
  unit: string;
  /** How a figure at size compares with the one at 1k, and what passes. */
  target: string;
  values: Array<number | undefined>;
  pass?: (first: number, last: number) => boolean;
}

type Store = "pglite" | "postgres";

async function adminQuery(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/** Starts Keygate on this store; returns it and how to clean up after it. */
async function startOn(store: Store): Promise<{ server: RunningServer; cleanup: () => Promise<void> }> {
  const port = String(await freePort());
  const env = {
    PORT: port,
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    KEYGATE_ADMIN_EMAIL: ADMIN.email,
    KEYGATE_ADMIN_PASSWORD: ADMIN.password,
  };
  if (store === "postgres") {
    const name = `keygate_bench_${randomBytes(5).toString("hex")}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    const server = await startServer(loadConfig({ ...env, DATABASE_URL: url.toString() }), {
      print: () => {},
    });
    return { server, cleanup: () => adminQuery(`drop database if exists ${name} with (force)`) };
  }
  const dir = await mkdtemp(path.join(tmpdir(), "keygate-scale-"));
  const server = await startServer(loadConfig({ ...env, KEYGATE_DATA_DIR: dir }), { print: () => {} });
  return { server, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

function printTable(store: Store, sizes: number[], figures: Figure[]): void {
  const header = ["figure", ...sizes.map((s) => `${s.toLocaleString("en-US")} keys`), "ratio", "target", ""];
  const rows = figures.map((f) => {
    const first = f.values[0];
    const last = f.values.at(-1);
    const ratio = first !== undefined && last !== undefined && first > 0 ? (last / first).toFixed(2) : "";
    const verdict =
      f.pass && first !== undefined && last !== undefined ? (f.pass(first, last) ? "ok" : "MISSED") : "";
    const shown = f.values.map((v) =>
      v === undefined
        ? "n/a"
        : f.unit === "ms"
          ? ms(v)
          : `${Math.round(v).toLocaleString("en-US")} ${f.unit}`,
    );
    return [f.name, ...shown, ratio, f.target, verdict];
  });
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  console.log(`\n${store === "pglite" ? "PGlite (embedded)" : "PostgreSQL"}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

async function runStore(store: Store, largest: number): Promise<void> {
  const started = performance.now();
  const { server, cleanup } = await startOn(store);
  try {
    const db = server.ctx.store.db;
    const workspace = await db
      .updateTable("workspaces")
      .set({ plan: "enterprise" })
      .returning(["id", "key_prefix"])
      .executeTakeFirstOrThrow();
    const [rootKey = "", verifyKey = ""] = await createRootKeys(server.url, ADMIN, [
      { name: "scale", permissions: ["*"] },
      { name: "scale-verify", permissions: ["keys:verify"] },
    ]);
    const apps = await insertApps(server.ctx.store, workspace.id);
    const pastedKey = (await measureCreation(server.url, rootKey, 1)).keys[0];
    const pasted = pastedKey?.key ?? "";

    const sizes = [FIRST_SIZE, largest];
    const figures = new Map<string, Figure>();
    const put = (
      name: string,
      unit: string,
      target: string,
      value: number | undefined,
      pass?: Figure["pass"],
    ) => {
      const figure = figures.get(name) ?? { name, unit, target, values: [], ...(pass ? { pass } : {}) };
      figure.values.push(value);
      figures.set(name, figure);
    };
    const within2x = (first: number, last: number) => last <= 2 * first;
    let built = 0;
    for (const size of sizes) {
      const buildStarted = performance.now();
      await insertBulkKeys(
        server.ctx.store,
        { id: workspace.id, prefix: workspace.key_prefix },
        built + 1,
        size,
      );
      built = size;
      console.log(
        `${store}: built ${size.toLocaleString("en-US")} keys in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s`,
      );
      const tracked = await bulkKeyFacts(server.ctx.store, TRACKED_KEY);
      const fragment = tracked.name.slice(-6);
      const keys = `${server.url}/v1/keys`;
      const queries: Array<[string, string]> = [
        ["search: name fragment", `${keys}?search=${encodeURIComponent(fragment)}`],
        ["search: start", `${keys}?search=${encodeURIComponent(tracked.start)}`],
        ["search: key id", `${keys}?search=${tracked.id}`],
        ["search: whole key", `${keys}?search=${encodeURIComponent(pasted)}`],
        ["filter: status=revoked", `${keys}?status=revoked`],
        ["filter: status=revoked, limit=1", `${keys}?status=revoked&limit=1`],
        ["filter: status=disabled", `${keys}?status=disabled`],
        ["filter: status=disabled, limit=1", `${keys}?status=disabled&limit=1`],
        ["filter: appId", `${keys}?appId=${apps[3]}`],
        ["list: newest first", keys],
        ["audit: action=key.revoked", `${server.url}/v1/audit-events?action=key.revoked`],
        ["audit: actorId (rare)", `${server.url}/v1/audit-events?actorId=${RARE_ACTOR}`],
        ["audit: actorId (rare), limit=1", `${server.url}/v1/audit-events?actorId=${RARE_ACTOR}&limit=1`],
      ];
      const rows: string[] = [];
      for (const [name, url] of queries) {
        const { p50, count } = await p50Get(url, rootKey);
        put(`${name} p50`, "ms", "<= 2x", p50, within2x);
        rows.push(`${name}: ${count}`);
      }
      console.log(`${store} at ${size.toLocaleString("en-US")}: keys or events per page: ${rows.join(", ")}`);
      if (pastedKey) {
        console.log(`${store} at ${size.toLocaleString("en-US")}: plans (EXPLAIN ANALYZE, BUFFERS)`);
        await explainLookups(server.ctx.store, workspace.id, pastedKey, RARE_ACTOR);
      }
      const created = await measureCreation(server.url, rootKey, 2000);
      put("key creation", "keys/s", ">= 500/s", created.perSecond, (_first, last) => last >= 500);
      const usageIds = Array.from({ length: Math.min(size, 10_000) }, (_, i) => bulkKeyId(i + 1));
      const misses = await measureMissesUnderUsage(
        server,
        workspace.id,
        verifyKey,
        created.keys.slice(0, 1000),
        usageIds,
      );
      put("verify miss p50 (usage load)", "ms", "", misses.p50);
      put(
        "verify miss p99 (usage load)",
        "ms",
        store === "pglite" ? "< 50 ms" : "",
        misses.p99,
        store === "pglite" ? (_first, last) => last < 50 : undefined,
      );
      put("distinct keys used per second", "keys/s", "", misses.usedPerSecond);
    }
    const total = await db
      .selectFrom("workspaces")
      .select("live_keys")
      .where("id", "=", workspace.id)
      .executeTakeFirstOrThrow();
    printTable(store, sizes, [...figures.values()]);
    console.log(
      `(queries: p50 of ${SAMPLES} sequential calls after a warm-up of ${WARMUP}; creation: ${CREATE_CONCURRENCY} clients over node:http keep-alive in this process)`,
    );
    console.log(
      `(${total.live_keys.toLocaleString("en-US")} live keys at the end; ${store} run took ${((performance.now() - started) / 1000).toFixed(0)} s)`,
    );
  } finally {
    await server.close();
    await cleanup();
  }
}

const stores = (process.env.SCALE_STORES ?? "pglite,postgres").split(",") as Store[];
for (const store of stores) {
  const largest = Number(
    store === "postgres"
      ? (process.env.SCALE_PG_KEYS ?? 1_000_000)
      : (process.env.SCALE_PGLITE_KEYS ?? 100_000),
  );
  await runStore(store, largest);
}
// The cache's size per key does not depend on the store or the number of keys: one figure, measured
// in a process of its own, where a heap holding a whole server's garbage cannot blur it.
console.log(`bytes per cached key: ${await measureCacheBytes()}`);
