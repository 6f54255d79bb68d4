/**
 * Keygate for Hono (4, on any runtime): `keygate(options)` is a middleware that verifies the
 * request's API key and either refuses the request (401, 403, 429 or 503 with a JSON body and the
 * `WWW-Authenticate`, `Retry-After` and `RateLimit-*` headers) or sets `c.get("keygate")`. Imports
 * only Hono's types.
 *
 * The client's address (for IP allowlists) is the connection's peer on @hono/node-server; on other
 * runtimes pass `ip` (for example Bun's `server.requestIP`) or set `trustProxy` behind a proxy.
 *
 * @example
 * import { keygate, type KeygateVariables } from "@keygate/sdk/hono";
 *
 * const app = new Hono<{ Variables: KeygateVariables }>();
 * app.get("/orders", keygate({ keygate: client, scopes: ["orders:read"] }), (c) => {
 *   const result = c.get("keygate");
 *   return c.json({ keyId: result.valid ? result.keyId : null });
 * });
 */
import type { Context, MiddlewareHandler } from "hono";
import type { Keygate } from "../client.js";
import { createGuard, type KeygateResult, type MiddlewareOptions } from "./core.js";

export type { KeygateResult, KeygateUnavailable, MiddlewareOptions, VerifiedKey } from "./core.js";

/** The context variables the middleware sets: `c.get("keygate")`. */
export type KeygateVariables = { keygate: KeygateResult };

/** The Hono middleware, with the client it made from `baseUrl` and `rootKey` (to close at shutdown). */
export type KeygateMiddleware = MiddlewareHandler<{ Variables: KeygateVariables }> & {
  readonly keygate: Keygate | undefined;
};

/** @hono/node-server's bindings hold the Node request (`c.env.incoming`); other runtimes have none. */
function nodePeerAddress(c: Context): string | undefined {
  const env: unknown = c.env;
  if (typeof env !== "object" || env === null) return undefined;
  const incoming: unknown = Reflect.get(env, "incoming");
  if (typeof incoming !== "object" || incoming === null) return undefined;
  const socket: unknown = Reflect.get(incoming, "socket");
  if (typeof socket !== "object" || socket === null) return undefined;
  const address: unknown = Reflect.get(socket, "remoteAddress");
  return typeof address === "string" ? address : undefined;
}

/**
 * A middleware that lets a request through only with a valid API key (and the given scopes).
 * @throws KeygateOptionError for a bad option, naming it.
 */
export function keygate(options: MiddlewareOptions<Context>): KeygateMiddleware {
  const guard = createGuard(options);
  const middleware: MiddlewareHandler<{ Variables: KeygateVariables }> = async (c, next) => {
    const view = { header: (name: string) => c.req.header(name), peerAddress: nodePeerAddress(c) };
    const decision = await guard.check(c, view);
    if (!decision.pass) return c.json(decision.body, decision.status, decision.headers);
    c.set("keygate", decision.keygate);
    for (const [name, value] of Object.entries(decision.headers)) c.header(name, value);
    await next();
  };
  return Object.assign(middleware, { keygate: guard.ownClient });
}
