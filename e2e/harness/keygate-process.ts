/**
 * A real Keygate for the browser tests, started the README's way from the build
 * (`node server/dist/cli/main.js serve`, from the repository root) on a free port with a fresh
 * store and no admin environment, so its first start prints the one-time setup link. Its output
 * is captured; `stop()`/`start()` restart it on the same port and store, and `cli()` runs the
 * `keygate` command line against the same store (with the embedded store only while stopped: one
 * process at a time may use the data folder; with `store: "postgres"` at any time).
 *
 * @example
 * const keygate = await startKeygate();        // in beforeAll
 * keygate.setupUrl;                            // "http://127.0.0.1:40123/setup?token=..."
 * await keygate.stop();
 * await keygate.cli(["workspace", "plan", "Default", "free"]);
 * await keygate.start();
 * await keygate.dispose();                     // in afterAll: stops it, removes its data
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port.js";
import { copyMigratedDataDir } from "./migrated-data-dir.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

/** The repository root: Keygate is started from there, as the README does. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = "server/dist/cli/main.js";
/** A loaded 2-vCPU machine has taken ~50 s for a first start on an empty data folder. */
const READY_TIMEOUT_MS = 110_000;
const SETUP_LINK = /(https?:\/\/\S+\/setup\?token=\S+)/;

/**
 * The timeout for a `beforeAll` that starts a Keygate and seeds it: a first start, a few argon2
 * sign-ups and sign-ins, on a 2-vCPU machine that may be running the rest of the suite too.
 */
export const SEED_TIMEOUT_MS = 240_000;

/** What `keygate <args>` printed and how it exited. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface KeygateOptions {
  /**
   * `embedded` (default): PGlite in a fresh temporary KEYGATE_DATA_DIR.
   * `postgres`: a fresh database on TEST_DATABASE_URL's server, so the CLI works while it runs.
   */
  store?: "embedded" | "postgres";
  /**
   * `migrated` (default): the embedded store starts as a copy of a migrated, empty one
   * (migrated-data-dir.ts), so the first start skips initdb and the migrations but still creates
   * the workspace and prints the setup link. `empty`: an empty folder, exactly as a first
   * `npm start` on a fresh machine (slower).
   */
  dataDir?: "migrated" | "empty";
  /** More environment for the server, for example `{ KEYGATE_ENCRYPTION_KEY: "..." }`. */
  env?: Record<string, string>;
}

export interface KeygateProcess {
  /** `http://127.0.0.1:<port>`, also its KEYGATE_PUBLIC_URL. */
  readonly url: string;
  /** The data folder (the embedded store's, and where Keygate keeps generated files). */
  readonly dataDir: string;
  /** The one-time setup link the first start printed (undefined once an owner exists). */
  readonly setupUrl: string | undefined;
  /** Whether the server process is running. */
  readonly running: boolean;
  /** Everything the server printed on stdout and stderr since the first start. */
  output(): string;
  /** Starts it again on the same port and store (after `stop()`), and waits for /readyz. */
  start(): Promise<void>;
  /** Sends SIGTERM and waits for the process to exit. */
  stop(): Promise<void>;
  /** Runs `node server/dist/cli/main.js <args>` with this server's configuration. */
  cli(args: string[]): Promise<CliResult>;
  /** Stops it and removes its data folder (and its database, for `postgres`). */
  dispose(): Promise<void>;
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Keygate exited with ${child.exitCode} before ready:\n${output()}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
  throw new Error(`Keygate was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** Waits until `read()` matches `pattern`, for output still in the pipe after /readyz answered. */
async function waitForOutput(
  pattern: RegExp,
  read: () => string,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(read());
    if (match) return match;
    if (Date.now() > deadline)
      throw new Error(`Keygate did not print ${pattern} within ${timeoutMs} ms:\n${read()}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
}

/** Starts a fresh Keygate and resolves once /readyz answers and the setup link is printed. */
export async function startKeygate(options: KeygateOptions = {}): Promise<KeygateProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), "keygate-e2e-"));
  if (options.store !== "postgres" && options.dataDir !== "empty")
    await copyMigratedDataDir(REPO_ROOT, dataDir);
  const database: TestDatabase | undefined =
    options.store === "postgres" ? await createTestDatabase() : undefined;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    HOST: "127.0.0.1",
    KEYGATE_PUBLIC_URL: url,
    KEYGATE_DATA_DIR: dataDir,
    LOG_LEVEL: "warn",
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...options.env,
  };

  let output = "";
  let child: ChildProcess | undefined;
  let setupUrl: string | undefined;
  let firstStart = true;

  const start = async () => {
    if (child && child.exitCode === null) throw new Error("Keygate is already running");
    const startedAt = output.length;
    const process_ = spawn(process.execPath, [CLI, "serve"], {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = process_;
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
    };
    process_.stdout?.on("data", keep);
    process_.stderr?.on("data", keep);
    await waitUntilReady(url, process_, () => output);
    if (firstStart) {
      // A fresh store and no KEYGATE_ADMIN_*: the first start always prints the link.
      const match = await waitForOutput(SETUP_LINK, () => output.slice(startedAt), 10_000);
      setupUrl = match[1];
      firstStart = false;
    } else {
      setupUrl = SETUP_LINK.exec(output.slice(startedAt))?.[1];
    }
  };

  const stop = async () => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    const exited = once(current, "exit");
    current.kill("SIGTERM");
    await exited;
  };

  const cli = async (args: string[]): Promise<CliResult> => {
    if (!database && child && child.exitCode === null) {
      throw new Error(
        `keygate ${args.join(" ")}: stop the server first (the embedded store's folder is in use)`,
      );
    }
    const run = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    run.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    run.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = (await once(run, "exit")) as [number | null];
    return { code: code ?? 1, stdout, stderr };
  };

  await start();
  return {
    url,
    dataDir,
    get setupUrl() {
      return setupUrl;
    },
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    output: () => output,
    start,
    stop,
    cli,
    async dispose() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}
