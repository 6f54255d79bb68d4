/**
 * Fastify through the shared middleware suite, on listening Fastify 5 apps: the preHandler on a
 * route, and the plugin protecting the routes of its scope.
 */
import Fastify from "fastify";
import { keygate, keygatePlugin } from "../src/middleware/fastify.js";
import { describeMiddleware } from "./middleware-suite.js";

describeMiddleware(
  "Fastify preHandler",
  async (options) => {
    const app = Fastify();
    const preHandler = keygate(options);
    app.get("/orders", { preHandler }, async (request) => ({ keygate: request.keygate }));
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    return {
      url,
      close: async () => {
        await app.close();
        await preHandler.keygate?.close();
      },
    };
  },
  (options) => keygate(options),
);

describeMiddleware(
  "Fastify plugin",
  async (options) => {
    const app = Fastify();
    app.get("/health", async () => ({ ok: true }));
    await app.register(async (api) => {
      await api.register(keygatePlugin, options);
      api.get("/orders", async (request) => ({ keygate: request.keygate }));
    });
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    return { url, close: () => app.close() };
  },
  (options) => keygate(options),
);
