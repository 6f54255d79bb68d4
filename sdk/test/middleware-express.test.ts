/**
 * The Express middleware through the shared middleware suite, on a listening Express 5 app; and
 * with the options that are functions of Express's request (scopes, getKey, cost, ip).
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Keygate } from "../src/index.js";
import { keygate } from "../src/middleware/express.js";
import { type LiveKeygate, startLiveKeygate } from "./live-keygate.js";
import { describeMiddleware } from "./middleware-suite.js";

describeMiddleware(
  "Express",
  async (options) => {
    const app = express();
    const guard = keygate(options);
    app.get("/orders", guard, (request, response) => {
      response.json({ keygate: request.keygate });
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", reject);
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await guard.keygate?.close();
      },
    };
  },
  (options) => keygate(options),
);

describe("the Express middleware with options that are functions of the request", () => {
  let live: LiveKeygate;
  let admin: Keygate;
  let client: Keygate;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    live = await startLiveKeygate();
    admin = new Keygate({ baseUrl: live.url, rootKey: await live.rootKey(["*"]), cache: false });
    client = new Keygate({ baseUrl: live.url, rootKey: await live.rootKey(["keys:verify"]) });
    const app = express();
    const guard = keygate({
      keygate: client,
      scopes: (request) => [request.method === "GET" ? "orders:read" : "orders:write"],
      getKey: (request) => (typeof request.query.api_key === "string" ? request.query.api_key : undefined),
      cost: (request) => (request.query.bad === "1" ? -1 : 2),
      ip: (request) => request.get("x-test-client-ip"),
      logger: { warn: () => {} },
    });
    app.all("/orders", guard, (request, response) => {
      response.json({ keygate: request.keygate });
    });
    const server = app.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orders`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close?.();
    await client?.close();
    await admin?.close();
    await live?.close();
  });

  it("asks for the scopes, reads the key, spends the cost and checks the address that the functions answer", async () => {
    const created = await admin.keys.create({
      name: "functions",
      scopes: ["orders:read"],
      quota: { remaining: 10 },
      ipAllowlist: ["203.0.113.0/24"],
    });
    const key = String(created.key);
    const inside = { "x-test-client-ip": "203.0.113.9" };
    const read = await fetch(`${url}?api_key=${key}`, { headers: inside });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({
      keygate: { valid: true, keyId: created.id, quota: { remaining: 8 } },
    });
    const write = await fetch(`${url}?api_key=${key}`, { method: "POST", headers: inside });
    expect([write.status, write.headers.get("www-authenticate")]).toEqual([
      403,
      'Bearer realm="api", error="insufficient_scope", scope="orders:write"',
    ]);
    const outside = await fetch(`${url}?api_key=${key}`, { headers: { "x-test-client-ip": "198.51.100.1" } });
    expect(outside.status).toBe(403);
    expect((await fetch(url, { headers: { authorization: `Bearer ${key}` } })).status).toBe(401);
  });

  it("hands a function's out-of-range answer to Express's error handler instead of asking Keygate", async () => {
    const created = await admin.keys.create({ name: "bad cost", scopes: ["orders:read"] });
    const answer = await fetch(`${url}?api_key=${String(created.key)}&bad=1`);
    expect(answer.status).toBe(500);
    expect(await answer.text()).not.toContain(String(created.key));
  });
});
