/** The Hono middleware through the shared middleware suite, on @hono/node-server. */
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { type KeygateVariables, keygate } from "../src/middleware/hono.js";
import { describeMiddleware } from "./middleware-suite.js";

describeMiddleware(
  "Hono",
  async (options) => {
    const app = new Hono<{ Variables: KeygateVariables }>();
    const guard = keygate(options);
    app.get("/orders", guard, (c) => c.json({ keygate: c.get("keygate") }));
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const listening = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(listening));
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
