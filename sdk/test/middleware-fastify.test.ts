/** The Fastify preHandler through the shared middleware suite, on a listening Fastify 5 app. */
import Fastify from "fastify";
import { keygate } from "../src/middleware/fastify.js";
import { describeMiddleware } from "./middleware-suite.js";

describeMiddleware(
  "Fastify",
  async (options) => {
    const app = Fastify();
    app.get("/orders", { preHandler: keygate(options) }, async (request) => ({ keygate: request.keygate }));
    const url = await app.listen({ port: 0, host: "127.0.0.1" });
    return { url, close: () => app.close() };
  },
  (options) => keygate(options),
);
