import { connect, createServer, type Server } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../e2e/harness/free-port.js";
import { backends, pgliteBackend } from "../../test/backends.js";
import { workspaceRow } from "../../test/store-fixtures.js";
import { leasePostgres } from "../../test/store-pool.js";
import type { Store } from "../store/database.js";
import { openStore } from "../store/database.js";
import { ForeignFormats } from "./foreign-formats.js";

const KEY = `sk_live_${"a".repeat(24)}`;

describe("ForeignFormats", () => {
  let store: Store;
  beforeAll(async () => {
    store = await pgliteBackend.open();
  });
  afterAll(async () => store.close());

  it("admits nothing while no workspace has a format", () => {
    const formats = new ForeignFormats();
    expect(formats.admits(KEY, "ws_a", "own")).toBe(false);
    expect(formats.admits(KEY, "ws_a", "any")).toBe(false);
  });

  it("admits by prefix and pattern, for the workspace's own callers and for reach any", () => {
    const formats = new ForeignFormats();
    formats.apply("ws_a", [{ prefix: "sk_live_", pattern: "^sk_live_[a-z]{24}$" }]);
    expect(formats.admits(KEY, "ws_a", "own")).toBe(true);
    expect(formats.admits(`${KEY}A`, "ws_a", "own")).toBe(false);
    expect(formats.admits(KEY, "ws_b", "own")).toBe(false);
    expect(formats.admits(KEY, "ws_b", "any")).toBe(true);
    formats.apply("ws_a", []);
    expect(formats.admits(KEY, "ws_a", "own")).toBe(false);
    expect(formats.admits(KEY, "ws_b", "any")).toBe(false);
  });

  it("runs no pattern on a key past 512 characters, even with a prefix-only format", () => {
    const formats = new ForeignFormats();
    formats.apply("ws_a", [{ prefix: "legacy-", pattern: null }]);
    expect(formats.admits(`legacy-${"x".repeat(505)}`, "ws_a", "own")).toBe(true);
    expect(formats.admits(`legacy-${"x".repeat(506)}`, "ws_a", "own")).toBe(false);
  });

  it("loads the stored formats, and a message that arrives during the load wins over the row", async () => {
    const withFormats = workspaceRow({
      foreign_key_formats: JSON.stringify([{ prefix: "sk_live_", pattern: null }]),
    });
    const changed = workspaceRow({
      foreign_key_formats: JSON.stringify([{ prefix: "sk_live_", pattern: null }]),
    });
    await store.db.insertInto("workspaces").values([withFormats, changed]).execute();
    const formats = new ForeignFormats();
    const loading = formats.load(store.db);
    formats.apply(changed.id, []);
    await loading;
    expect(formats.admits(KEY, withFormats.id, "own")).toBe(true);
    expect(formats.admits(KEY, changed.id, "own")).toBe(false);
  });
});

/** A TCP proxy to `target` on `port`, started only when asked: until then the port refuses. */
function proxyTo(port: number, target: { host: string; port: number }): Promise<Server> {
  const server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", end);
    upstream.on("error", end);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

describe.each(backends.filter((backend) => backend.name === "postgres"))(
  "ForeignFormats when the store is down at start ($name)",
  () => {
    it("does not fail the start, logs it, and loads the formats once the store answers", async () => {
      const leased = await leasePostgres();
      const row = workspaceRow({
        foreign_key_formats: JSON.stringify([{ prefix: "sk_live_", pattern: null }]),
      });
      await leased.store.db.insertInto("workspaces").values(row).execute();
      const target = new URL(leased.url);
      const port = await freePort();
      const behindProxy = new URL(leased.url);
      behindProxy.hostname = "127.0.0.1";
      behindProxy.port = String(port);
      const store = await openStore({ databaseUrl: behindProxy.toString(), poolSize: 1 });
      const warnings: string[] = [];
      const logger = pino({ level: "warn" }, { write: (line: string) => warnings.push(line) });
      const formats = new ForeignFormats();
      let proxy: Server | undefined;
      try {
        await formats.loadInBackground(store.db, logger);
        expect(formats.admits(KEY, row.id, "own")).toBe(false);
        expect(warnings).toHaveLength(1);
        expect(JSON.parse(warnings[0] ?? "{}")).toMatchObject({
          level: 40,
          retryInMs: 1000,
          msg: "foreign key formats not loaded: the store did not answer; trying again",
        });

        proxy = await proxyTo(port, { host: target.hostname, port: Number(target.port || 5432) });
        const deadline = Date.now() + 10_000;
        while (!formats.admits(KEY, row.id, "own") && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(formats.admits(KEY, row.id, "own")).toBe(true);
      } finally {
        formats.stop();
        await store.close();
        await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
        await leased.store.close();
      }
    });
  },
);
