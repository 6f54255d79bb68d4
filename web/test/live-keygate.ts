/**
 * A real Keygate for component tests that talk to the server: the built service
 * (server/dist, from `npm run build`) in its own process, on a free port, with a fresh data
 * folder (a copy of a migrated store, as the browser tests start from) and a signed-in owner. `connect()` points the dashboard's `api` client at it (the
 * client's own middleware chain: the request goes to the live server, and its session cookie is
 * kept), so a dialog under test sends real requests and shows the server's real answers.
 *
 * @example
 * const keygate = await startLiveKeygate();   // in beforeAll
 * keygate.connect();                          // requests from components now reach it
 * await keygate.signIn();                     // the session's CSRF token is set too
 * await keygate.stop();                       // in afterAll
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Middleware } from "openapi-fetch";
import { copyMigratedDataDir } from "../../e2e/harness/migrated-data-dir";
import { api, setCsrfToken } from "../src/api/client";

export const OWNER_EMAIL = "owner@example.com";
export const OWNER_PASSWORD = "correct horse battery staple";

/** Vitest runs from the repository root (in jsdom, import.meta.url is not a file URL). */
const REPO = process.cwd();

export interface LiveKeygate {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Routes the dashboard's api client to this Keygate, with a cookie jar. */
  connect(): void;
  /** Signs the owner in through the client (sets the session cookie and CSRF token). */
  signIn(): Promise<void>;
  /** Drops the session cookie the client holds, as a new browser would be. */
  forgetSession(): void;
  /** A request with the owner's session, for setting up state (creating apps, keys). */
  request(path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Keygate exited with ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Keygate did not become ready in 60 s:\n${output()}`);
}

/** `env`: more settings for the server (say, `KEYGATE_EMBED_ORIGINS` for the key portal's tests). */
export async function startLiveKeygate({
  env = {},
}: {
  env?: Record<string, string>;
} = {}): Promise<LiveKeygate> {
  const dataDir = await mkdtemp(join(tmpdir(), "keygate-web-test-"));
  // A copy of a store migrated once for this build: a first start without initdb and migrations
  // (~4 s instead of ~11 s per test file on a 2-core machine).
  await copyMigratedDataDir(REPO, dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, ["server/dist/cli/main.js", "serve"], {
    cwd: REPO,
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: "127.0.0.1",
      KEYGATE_PUBLIC_URL: url,
      KEYGATE_DATA_DIR: dataDir,
      KEYGATE_ADMIN_EMAIL: OWNER_EMAIL,
      KEYGATE_ADMIN_PASSWORD: OWNER_PASSWORD,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitUntilReady(url, child, () => output);

  let cookie = "";
  let csrf: string | undefined;
  const keepCookie = (response: Response) => {
    const session = response.headers.getSetCookie().find((line) => line.startsWith("keygate_session="));
    if (session) cookie = session.split(";")[0] ?? "";
  };
  const toLive: Middleware = {
    onRequest({ request }) {
      const target = new URL(request.url);
      const headers = new Headers(request.headers);
      if (cookie) headers.set("cookie", cookie);
      return new Request(`${url}${target.pathname}${target.search}`, {
        method: request.method,
        headers,
        body: request.body,
        // Node's fetch needs this to send a streamed body.
        duplex: "half",
      } as RequestInit);
    },
    onResponse({ response }) {
      keepCookie(response);
      return response;
    },
  };

  return {
    url,
    connect() {
      api.use(toLive);
    },
    async signIn() {
      const response = await fetch(`${url}/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: OWNER_EMAIL, password: OWNER_PASSWORD }),
      });
      if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
      keepCookie(response);
      csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
      setCsrfToken(csrf);
    },
    forgetSession() {
      cookie = "";
      csrf = undefined;
      setCsrfToken(undefined);
    },
    request(path, init = {}) {
      const method = init.method ?? "GET";
      return fetch(`${url}${path}`, {
        method,
        headers: {
          cookie,
          ...(csrf && method !== "GET" ? { "x-csrf-token": csrf } : {}),
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    },
    async stop() {
      api.eject(toLive);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
