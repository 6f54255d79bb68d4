/**
 * The running service on a real port, the way `npm start` runs it: start-up, the public
 * endpoints, restarts that keep data, and the refusals at start.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Writable } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirInUseError, LOCK_FILE, lockDataDir } from "../src/app/data-dir-lock.js";
import { type RunningServer, startServer } from "../src/app/server.js";
import { type Config, loadConfig } from "../src/config/config.js";
import { createLogger } from "../src/observability/logger.js";
import { SchemaTooNewError } from "../src/store/migrate.js";
import { MIGRATIONS } from "../src/store/migrations/index.js";
import { backends, postgresUrl } from "./backends.js";
import { type TempDataDir, tempDataDir } from "./data-dir.js";

const ADMIN = {
  KEYGATE_ADMIN_EMAIL: "ops@example.com",
  KEYGATE_ADMIN_PASSWORD: "correct horse battery staple",
};

/** Starts Keygate with a logger whose lines the test can read, and the printed lines. */
async function start(env: NodeJS.ProcessEnv) {
  const config: Config = loadConfig({ PORT: "0", LOG_LEVEL: "info", ...env });
  const logs: Array<Record<string, unknown>> = [];
  const printed: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n")) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const server = await startServer(config, {
    logger: createLogger(config, stream),
    print: (line) => printed.push(line),
  });
  return { server, logs, printed };
}

async function signIn(url: string) {
  const response = await fetch(`${url}/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN.KEYGATE_ADMIN_EMAIL, password: ADMIN.KEYGATE_ADMIN_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string; role: string; workspace: { id: string } };
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0] ?? "";
  return { ...body, headers: { cookie, "x-csrf-token": body.csrfToken } };
}

async function countOf(server: RunningServer, table: "workspaces" | "memberships"): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
    server.ctx.store.db,
  );
  return result.rows[0]?.n ?? -1;
}

describe("a server on a fresh data folder", () => {
  let data: TempDataDir;
  beforeAll(async () => {
    data = await tempDataDir("none");
  });
  afterAll(async () => data.remove());

  it("initialises the store, creates the owner, and keeps everything across a restart", async () => {
    const env = { KEYGATE_DATA_DIR: data.dir, ...ADMIN };
    const first = await start(env);
    const { url } = first.server;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.server.setupUrl).toBeUndefined();
    expect(first.printed).toEqual([]);
    expect(first.logs.find((l) => l.msg === "applied migrations")).toMatchObject({
      applied: Object.keys(MIGRATIONS),
    });
    expect(first.logs.find((l) => l.msg === `Keygate is listening on ${url}`)).toMatchObject({
      url,
      startupMs: first.server.startupMs,
      store: `PGlite in ${data.dir}`,
    });
    expect(existsSync(path.join(data.dir, LOCK_FILE))).toBe(true);

    const owner = await signIn(url);
    expect(owner.role).toBe("owner");
    const created = await fetch(`${url}/v1/root-keys`, {
      method: "POST",
      headers: { ...owner.headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "deploy", permissions: ["*"] }),
    });
    expect(created.status).toBe(201);
    const rootKey = (await created.json()) as { id: string; key: string };

    await first.server.close();
    await first.server.close();
    expect(existsSync(path.join(data.dir, LOCK_FILE))).toBe(false);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();

    const second = await start(env);
    try {
      expect(second.logs.some((l) => l.msg === "applied migrations")).toBe(false);
      const listed = await fetch(`${second.server.url}/v1/root-keys`, {
        headers: { authorization: `Bearer ${rootKey.key}` },
      });
      expect(listed.status).toBe(200);
      const body = (await listed.json()) as { data: Array<{ id: string; name: string }> };
      expect(body.data.map((k) => [k.id, k.name])).toEqual([[rootKey.id, "deploy"]]);
      expect((await signIn(second.server.url)).workspace.id).toBe(owner.workspace.id);
      expect(await countOf(second.server, "workspaces")).toBe(1);
      expect(await countOf(second.server, "memberships")).toBe(1);
    } finally {
      await second.server.close();
    }
  });
});

describe("a running server", () => {
  let data: TempDataDir;
  let running: Awaited<ReturnType<typeof start>>;
  let url: string;
  beforeAll(async () => {
    data = await tempDataDir("migrated");
    running = await start({ KEYGATE_DATA_DIR: data.dir, ...ADMIN });
    url = running.server.url;
  });
  afterAll(async () => {
    await running.server.close();
    await data.remove();
  });

  it("answers health and readiness", async () => {
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get("x-request-id")).toMatch(/^req_/);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("publishes the OpenAPI document and the interactive reference", async () => {
    const openapi = await fetch(`${url}/openapi.json`);
    expect(openapi.status).toBe(200);
    const document = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/healthz", "/v1/auth/login"]));
    const docs = await fetch(`${url}/docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await docs.text()).toContain("swagger-ui");
  });

  it("exposes Prometheus metrics, with requests and process metrics", async () => {
    await fetch(`${url}/healthz`);
    const metrics = await fetch(`${url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/keygate_http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(text).toMatch(/^keygate_process_resident_memory_bytes \d+$/m);
  });

  it("refuses a second server on the same data folder and keeps serving", async () => {
    const attempt = start({ KEYGATE_DATA_DIR: data.dir, ...ADMIN });
    await expect(attempt).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(attempt).rejects.toThrow(
      `the data folder ${data.dir} is in use by another Keygate process (pid ${process.pid}); stop it first, or use DATABASE_URL (PostgreSQL) to run several processes`,
    );
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
  });

  it("fails cleanly when the port is taken: the store is closed and the folder released", async () => {
    const other = await tempDataDir("migrated");
    try {
      const port = new URL(url).port;
      await expect(start({ KEYGATE_DATA_DIR: other.dir, PORT: port, ...ADMIN })).rejects.toThrow(
        /EADDRINUSE/,
      );
      const lock = await lockDataDir(other.dir);
      await lock.release();
    } finally {
      await other.remove();
    }
  });
});

describe("start-up refusals and the setup link", () => {
  it("prints a one-time setup link when no admin is configured, and a new one at the next start", async () => {
    const data = await tempDataDir("migrated");
    try {
      const env = { KEYGATE_DATA_DIR: data.dir, KEYGATE_PUBLIC_URL: "https://keys.example.com" };
      const first = await start(env);
      await first.server.close();
      const link = first.server.setupUrl ?? "";
      expect(link).toMatch(/^https:\/\/keys\.example\.com\/setup\?token=[\w-]{43}$/);
      expect(first.printed).toEqual([
        "",
        "  Keygate has no owner yet. Open this link once to create the owner account:",
        "",
        `    ${link}`,
        "",
        "  (It works once, for 24 hours. Restart Keygate for a new one.)",
        "",
      ]);
      expect(JSON.stringify(first.logs)).not.toContain(new URL(link).searchParams.get("token"));

      const second = await start(env);
      await second.server.close();
      expect(second.server.setupUrl).toMatch(/^https:\/\/keys\.example\.com\/setup\?token=/);
      expect(second.server.setupUrl).not.toBe(link);
    } finally {
      await data.remove();
    }
  });

  it("refuses a database migrated by a newer Keygate, and leaves nothing open", async () => {
    const data = await tempDataDir("migrated");
    try {
      const store = await data.open();
      await sql`insert into keygate_migrations (name, timestamp) values ('0099_future', '2030-01-01')`.execute(
        store.db,
      );
      await store.close();
      await expect(start({ KEYGATE_DATA_DIR: data.dir })).rejects.toBeInstanceOf(SchemaTooNewError);
      const lock = await lockDataDir(data.dir);
      await lock.release();
    } finally {
      await data.remove();
    }
  });
});

const postgres = backends.find((b) => b.name === "postgres");
if (postgres && postgresUrl) {
  describe("servers on PostgreSQL", () => {
    it("start side by side on one database, migrate it once and bootstrap the first workspace once", async () => {
      const { store, url } = await postgres.openEmpty();
      const env = { DATABASE_URL: url, KEYGATE_DATA_DIR: "/nonexistent", ...ADMIN };
      const nodes = await Promise.all([start(env), start(env), start(env)]);
      try {
        const migrated = nodes.filter((n) => n.logs.some((l) => l.msg === "applied migrations"));
        expect(migrated).toHaveLength(1);
        for (const node of nodes) {
          expect((await fetch(`${node.server.url}/readyz`)).status).toBe(200);
        }
        const [a, b] = nodes.map((n) => n.server.url);
        expect(a).not.toBe(b);
        expect((await signIn(b ?? "")).workspace.id).toBe((await signIn(a ?? "")).workspace.id);
        expect(await countOf(nodes[0].server, "workspaces")).toBe(1);
        expect(await countOf(nodes[0].server, "memberships")).toBe(1);
        expect(nodes[0].logs.find((l) => typeof l.store === "string")?.store).toBe(
          `PostgreSQL at ${new URL(url ?? "").host}${new URL(url ?? "").pathname}`,
        );
      } finally {
        await Promise.all(nodes.map((n) => n.server.close()));
        await store.close();
      }
    });
  });
}
