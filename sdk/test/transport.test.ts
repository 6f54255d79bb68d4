/**
 * Retries, timeouts, aborts and answers without an error body, against real node:http servers
 * that fail on purpose; and the constructor's option errors.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { generateKey } from "../../server/src/domain/key-format.js";
import { Keygate, KeygateError, KeygateOptionError } from "../src/index.js";

type Handler = (request: IncomingMessage, response: ServerResponse, count: number) => void;

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server that answers with `handler`; `requests()` counts what reached it. */
async function serve(handler: Handler): Promise<{ url: string; requests(): number }> {
  let count = 0;
  const server = createServer((request, response) => {
    count += 1;
    request.resume();
    handler(request, response, count);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests: () => count };
}

function answer(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { "content-type": "application/json", ...headers });
  response.end(JSON.stringify(body));
}

const KEY_PAGE = { data: [], nextCursor: null };
const INTERNAL = { error: { code: "INTERNAL", message: "Something went wrong", requestId: "req_1" } };

function client(url: string, options: Partial<ConstructorParameters<typeof Keygate>[0]> = {}) {
  return new Keygate({ baseUrl: url, rootKey: "kg_root_test", cache: false, ...options });
}

async function refusal(call: Promise<unknown>): Promise<KeygateError> {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof KeygateError)) throw new Error(`expected a KeygateError, got ${String(error)}`);
  return error;
}

describe("retries", () => {
  it("tries an idempotent call again after two 503s and answers the third", async () => {
    const server = await serve((_, response, count) =>
      count <= 2 ? answer(response, 503, INTERNAL) : answer(response, 200, KEY_PAGE),
    );
    expect(await client(server.url).keys.list()).toEqual(KEY_PAGE);
    expect(server.requests()).toBe(3);
  });

  it("gives up after `retries` more attempts with the server's last error", async () => {
    const server = await serve((_, response) => answer(response, 500, INTERNAL));
    const error = await refusal(client(server.url, { retries: 1 }).keys.get("key_1"));
    expect(error).toMatchObject({ code: "INTERNAL", status: 500, requestId: "req_1" });
    expect(server.requests()).toBe(2);
  });

  it("never sends a verification or a creation twice", async () => {
    const server = await serve((_, response) => answer(response, 503, INTERNAL));
    const keygate = client(server.url);
    expect(await refusal(keygate.keys.create({ name: "once" }))).toMatchObject({ status: 503 });
    expect(await refusal(keygate.keys.revoke("key_1"))).toMatchObject({ status: 503 });
    expect(await refusal(keygate.keys.verify({ key: generateKey("acme") }))).toMatchObject({ status: 503 });
    expect(server.requests()).toBe(3);
  });

  it("waits out a 429's retry-after, and does not retry a 429 without one", async () => {
    const limited = { error: { code: "RATE_LIMITED", message: "slow down", requestId: "req_2" } };
    const waiting = await serve((_, response, count) =>
      count === 1 ? answer(response, 429, limited, { "retry-after": "0" }) : answer(response, 200, KEY_PAGE),
    );
    expect(await client(waiting.url).apps.list()).toEqual(KEY_PAGE);
    expect(waiting.requests()).toBe(2);
    const plain = await serve((_, response) => answer(response, 429, limited));
    expect(await refusal(client(plain.url).apps.list())).toMatchObject({ code: "RATE_LIMITED", status: 429 });
    expect(plain.requests()).toBe(1);
  });

  it("retries a GET after the connection was dropped, then reports NETWORK_ERROR", async () => {
    const server = await serve((request) => request.socket.destroy());
    const error = await refusal(client(server.url).keys.list());
    expect(error).toMatchObject({ code: "NETWORK_ERROR", status: 0 });
    expect(server.requests()).toBe(3);
  });
});

describe("time limits and aborts", () => {
  it("fails with TIMEOUT when no answer comes within timeoutMs", async () => {
    const server = await serve(() => {});
    const started = performance.now();
    const error = await refusal(client(server.url, { timeoutMs: 150 }).keys.list());
    expect(error).toMatchObject({
      code: "TIMEOUT",
      status: 0,
      message: "Keygate did not answer in time (150 ms)",
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("takes a per-call timeoutMs over the client's", async () => {
    const server = await serve(() => {});
    const error = await refusal(client(server.url).keys.get("key_1", { timeoutMs: 100 }));
    expect(error.code).toBe("TIMEOUT");
  });

  it("fails with ABORTED when the caller's signal aborts, and sends nothing again", async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await refusal(client(server.url).keys.list({}, { signal: controller.signal }));
    expect(error).toMatchObject({ code: "ABORTED", status: 0 });
    expect(server.requests()).toBe(1);
  });

  it("fails with NETWORK_ERROR when nothing listens", async () => {
    const server = await serve(() => {});
    const url = server.url;
    for (const open of servers.splice(0)) await new Promise((resolve) => open.close(resolve));
    const error = await refusal(client(url, { retries: 0 }).keys.list());
    expect(error).toMatchObject({ code: "NETWORK_ERROR", status: 0 });
    expect(error.message).toMatch(/^Keygate could not be reached: .*ECONNREFUSED/);
  });

  it("keeps the status of an answer that is not Keygate's error body", async () => {
    const server = await serve((_, response) => {
      response.writeHead(502, { "content-type": "text/html" });
      response.end("<h1>Bad gateway</h1>");
    });
    const error = await refusal(client(server.url, { retries: 0 }).keys.list());
    expect(error).toMatchObject({ code: "UNEXPECTED_RESPONSE", status: 502 });
  });
});

describe("answers that are not JSON", () => {
  it("throws UNEXPECTED_RESPONSE for a 200 whose body is not JSON", async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("ok");
    });
    const error = await refusal(client(server.url).keys.list());
    expect(error).toMatchObject({ code: "UNEXPECTED_RESPONSE", status: 200 });
  });
});

describe("options", () => {
  const bad: Array<[string, Record<string, unknown>]> = [
    ["baseUrl", { baseUrl: "ftp://keygate.example" }],
    ["baseUrl", { baseUrl: "not a url" }],
    ["rootKey", { rootKey: "" }],
    ["timeoutMs", { timeoutMs: -1 }],
    ["retries", { retries: 1.5 }],
    ["cache.maxEntries", { cache: { maxEntries: 0 } }],
    ["cache.fallbackTtlMs", { cache: { fallbackTtlMs: -5 } }],
    ["onCacheStatus", { onCacheStatus: "yes" }],
  ];
  it.each(bad)("refuses a bad %s, naming it", (option, change) => {
    const make = () =>
      new Keygate({ baseUrl: "http://127.0.0.1:1", rootKey: "kg_root_x", ...change } as ConstructorParameters<
        typeof Keygate
      >[0]);
    expect(make).toThrow(KeygateOptionError);
    try {
      make();
    } catch (error) {
      expect(error).toMatchObject({ option, code: "INVALID_OPTION", status: 0 });
      expect((error as Error).message.startsWith(`${option}: `)).toBe(true);
    }
  });

  it("refuses a bad per-call timeoutMs, naming it, before sending anything", async () => {
    const server = await serve((_, response) => answer(response, 200, KEY_PAGE));
    for (const timeoutMs of [-1, 0, 1.5]) {
      const error = await refusal(client(server.url).keys.list({}, { timeoutMs }));
      expect(error).toBeInstanceOf(KeygateOptionError);
      expect(error).toMatchObject({ option: "timeoutMs" });
    }
    expect(server.requests()).toBe(0);
  });

  it("refuses bad verify options, naming them, before sending anything", async () => {
    const server = await serve((_, response) => answer(response, 200, {}));
    const keygate = client(server.url);
    const key = generateKey("acme");
    const bad: Array<[string, Record<string, unknown>]> = [
      ["scopes", { scopes: "orders:read" }],
      ["ip", { ip: 42 }],
      ["cost", { cost: -1 }],
    ];
    for (const [option, options] of bad) {
      const error = await refusal(keygate.keys.verify({ key }, options));
      expect([option, error instanceof KeygateOptionError, error.message.startsWith(`${option}: `)]).toEqual([
        option,
        true,
        true,
      ]);
    }
    expect(await refusal(keygate.keys.verify({ key: 42 } as unknown as { key: string }))).toMatchObject({
      option: "key",
    });
    expect(server.requests()).toBe(0);
  });

  it("refuses an empty path parameter before sending anything", async () => {
    const server = await serve((_, response) => answer(response, 200, {}));
    await expect(client(server.url).keys.get("")).rejects.toMatchObject({
      name: "KeygateOptionError",
      option: "id",
    });
    expect(server.requests()).toBe(0);
  });
});
