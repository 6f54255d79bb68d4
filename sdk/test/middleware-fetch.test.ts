/**
 * The fetch-handler wrapper through the shared middleware suite, served by @hono/node-server (which
 * calls a fetch handler with the Request and its Node bindings). A fetch Request has no peer
 * address, so the handler's `ip` reads it from those bindings, as a Bun or Deno server would from
 * theirs; behind a trusted proxy (`trustProxy`) the wrapper reads X-Forwarded-For instead.
 */
import type { AddressInfo } from "node:net";
import { type Http2Bindings, type HttpBindings, serve } from "@hono/node-server";
import { withApiKey } from "../src/middleware/fetch.js";
import { describeMiddleware, type SuiteOptions } from "./middleware-suite.js";

type NodeBindings = HttpBindings | Http2Bindings;

function protectedOrders(options: SuiteOptions) {
  return withApiKey<[NodeBindings]>(
    (_request, { keygate }) => Response.json({ keygate }),
    options.trustProxy
      ? options
      : { ...options, ip: (_request, bindings) => bindings.incoming.socket.remoteAddress },
  );
}

describeMiddleware(
  "fetch",
  async (options) => {
    const handler = protectedOrders(options);
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const listening = serve(
        {
          fetch: (request, bindings: NodeBindings) =>
            new URL(request.url).pathname === "/orders"
              ? handler(request, bindings)
              : new Response("not found", { status: 404 }),
          port: 0,
          hostname: "127.0.0.1",
        },
        () => resolve(listening),
      );
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await handler.keygate?.close();
      },
    };
  },
  (options) => protectedOrders(options),
);
