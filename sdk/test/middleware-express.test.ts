/** The Express middleware through the shared middleware suite, on a listening Express 5 app. */
import type { AddressInfo } from "node:net";
import express from "express";
import { keygate } from "../src/middleware/express.js";
import { describeMiddleware } from "./middleware-suite.js";

describeMiddleware(
  "Express",
  async (options) => {
    const app = express();
    app.get("/orders", keygate(options), (request, response) => {
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
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  },
  (options) => keygate(options),
);
