/**
 * Key import throughput: imports BENCH_IMPORT_KEYS (default 100,000) keys issued elsewhere
 * (`sk_live_...`, by SHA-256) through POST /v1/keys/import in batches of 1,000, one request after
 * another, into a fresh Keygate on the embedded store (PGlite) and on PostgreSQL (a scratch
 * database on TEST_DATABASE_URL, DATABASE_URL or the local server, dropped after). Prints keys/s
 * for the import and for a re-run of every batch (all skipped), and checks that sample keys then
 * verify VALID by their plain secret.
 *
 *   npm run bench:import            (builds first; Keygate runs as `node server/dist/cli/main.js serve`)
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createRootKeys } from "./keygate-setup.js";
import { freePort, type Started, start, stop, waitForHttp } from "./processes.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ADMIN = { email: "bench@example.com", password: "bench-password-123" };
const SERVER_URL =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const KEY_COUNT = Number(process.env.BENCH_IMPORT_KEYS ?? 100_000);
const BATCH = 1000;
const SAMPLES = 100;
const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

type StoreName = "PGlite (embedded)" | "PostgreSQL";

interface ImportAnswer {
  imported: unknown[];
  skipped: unknown[];
  refused: Array<{ index: number; code: string; message: string }>;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** `count` keys as another service issued them, and their import rows. */
function foreignKeys(count: number): { keys: string[]; rows: Array<{ hash: string; name: string }> } {
  const keys: string[] = [];
  const rows: Array<{ hash: string; name: string }> = [];
  for (let i = 0; i < count; i++) {
    const key = `sk_live_${[...randomBytes(24)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("")}`;
    keys.push(key);
    rows.push({ hash: createHash("sha256").update(key).digest("hex"), name: `imported-${i}` });
  }
  return { keys, rows };
}

async function adminQuery(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function request(url: string, method: string, rootKey: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${rootKey}` },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return JSON.parse(text);
}

/** Starts Keygate on this store; returns its address and how to stop and clean up after it. */
async function startOn(
  store: StoreName,
): Promise<{ url: string; keygate: Started; cleanup: () => Promise<void> }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    KEYGATE_ADMIN_EMAIL: ADMIN.email,
    KEYGATE_ADMIN_PASSWORD: ADMIN.password,
    NODE_ENV: "production",
  };
  let cleanup: () => Promise<void>;
  if (store === "PostgreSQL") {
    const name = `keygate_import_bench_${randomBytes(5).toString("hex")}`;
    await adminQuery(`create database ${name}`);
    const url = new URL(SERVER_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanup = () => adminQuery(`drop database if exists ${name} with (force)`);
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), "keygate-import-bench-"));
    env.KEYGATE_DATA_DIR = dir;
    env.DATABASE_URL = "";
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
  const keygate = start(process.execPath, [path.join(ROOT, "server/dist/cli/main.js"), "serve"], env);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/readyz`, keygate);
  } catch (error) {
    await stop(keygate);
    await cleanup();
    throw error;
  }
  return { url, keygate, cleanup };
}

/** Sends every batch, one after another; answers keys per second and the counts. */
async function importAll(url: string, rootKey: string, rows: Array<{ hash: string; name: string }>) {
  let imported = 0;
  let skipped = 0;
  const started = performance.now();
  for (let i = 0; i < rows.length; i += BATCH) {
    const answer = (await request(`${url}/v1/keys/import`, "POST", rootKey, {
      keys: rows.slice(i, i + BATCH),
    })) as ImportAnswer;
    if (answer.refused.length > 0)
      throw new Error(`rows refused: ${JSON.stringify(answer.refused.slice(0, 3))}`);
    imported += answer.imported.length;
    skipped += answer.skipped.length;
  }
  const seconds = (performance.now() - started) / 1000;
  return { imported, skipped, seconds, rate: rows.length / seconds };
}

async function measure(store: StoreName, keys: string[], rows: Array<{ hash: string; name: string }>) {
  process.stdout.write(`\n${store}: starting Keygate ...\n`);
  const { url, keygate, cleanup } = await startOn(store);
  try {
    const [rootKey] = await createRootKeys(url, ADMIN, [{ name: "import bench", permissions: ["*"] }]);
    if (rootKey === undefined) throw new Error("the root key was not created");
    await request(`${url}/v1/workspace`, "PATCH", rootKey, {
      foreignKeyFormats: [{ prefix: "sk_live_", pattern: "^sk_live_[A-Za-z0-9]{24}$" }],
    });
    const first = await importAll(url, rootKey, rows);
    if (first.imported !== rows.length) throw new Error(`imported ${first.imported} of ${rows.length}`);
    process.stdout.write(
      `  import   ${fmt(first.imported)} keys in ${fmt(first.seconds, 1)} s: ${fmt(first.rate)} keys/s\n`,
    );
    const again = await importAll(url, rootKey, rows);
    if (again.skipped !== rows.length)
      throw new Error(`the re-run skipped ${again.skipped} of ${rows.length}`);
    process.stdout.write(
      `  re-run   ${fmt(again.skipped)} keys skipped in ${fmt(again.seconds, 1)} s: ${fmt(again.rate)} keys/s\n`,
    );
    const step = Math.max(1, Math.floor(keys.length / SAMPLES));
    let valid = 0;
    for (let i = 0; i < keys.length; i += step) {
      const answer = (await request(`${url}/v1/keys/verify`, "POST", rootKey, { key: keys[i] })) as {
        code: string;
      };
      if (answer.code !== "VALID") throw new Error(`key ${i} verified ${answer.code}, not VALID`);
      valid += 1;
    }
    process.stdout.write(`  verify   ${valid} sample keys VALID by their plain secret\n`);
    return { store, import: first.rate, rerun: again.rate };
  } finally {
    await stop(keygate);
    await cleanup();
  }
}

async function main(): Promise<void> {
  process.stdout.write(`Generating ${fmt(KEY_COUNT)} foreign keys and their SHA-256 ...\n`);
  const { keys, rows } = foreignKeys(KEY_COUNT);
  const results = [];
  results.push(await measure("PGlite (embedded)", keys, rows));
  results.push(await measure("PostgreSQL", keys, rows));
  process.stdout.write(
    `\nPOST /v1/keys/import, ${fmt(KEY_COUNT)} keys in batches of ${fmt(BATCH)}, one at a time\n`,
  );
  for (const result of results) {
    process.stdout.write(
      `${result.store.padEnd(18)} ${fmt(result.import).padStart(7)} keys/s imported   ${fmt(result.rerun).padStart(7)} keys/s re-run (all skipped)\n`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
