/**
 * Keygate for Express (4.21+ and 5): `keygate(options)` is a middleware that verifies the request's
 * API key and either refuses the request (401, 403, 429 or 503 with a JSON body and the
 * `WWW-Authenticate`, `Retry-After` and `RateLimit-*` headers) or puts the result on `req.keygate`
 * and calls `next()`. Imports only Express's types.
 *
 * @example
 * import { Keygate } from "@keygate/sdk";
 * import { keygate } from "@keygate/sdk/express";
 *
 * const client = new Keygate({ baseUrl: process.env.KEYGATE_URL, rootKey: process.env.KEYGATE_ROOT_KEY });
 * app.get("/orders", keygate({ keygate: client, scopes: ["orders:read"] }), (req, res) => {
 *   res.json({ keyId: req.keygate?.valid ? req.keygate.keyId : null });
 * });
 */
import type { Request, RequestHandler } from "express";
import type { Keygate } from "../client.js";
import { createGuard, type KeygateResult, type MiddlewareOptions } from "./core.js";

export type { KeygateResult, KeygateUnavailable, MiddlewareOptions, VerifiedKey } from "./core.js";

declare global {
  namespace Express {
    interface Request {
      /** The verification's result, on requests that passed the Keygate middleware. */
      keygate?: KeygateResult;
    }
  }
}

/** The Express middleware, with the client it made from `baseUrl` and `rootKey` (to close at shutdown). */
export type KeygateRequestHandler = RequestHandler & { readonly keygate: Keygate | undefined };

function headerOf(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * A middleware that lets a request through only with a valid API key (and the given scopes).
 * @throws KeygateOptionError for a bad option, naming it.
 */
export function keygate(options: MiddlewareOptions<Request>): KeygateRequestHandler {
  const guard = createGuard(options);
  const handler: RequestHandler = (request, response, next) => {
    const view = {
      header: (name: string) => headerOf(request, name),
      peerAddress: request.socket.remoteAddress,
    };
    guard.check(request, view).then((decision) => {
      response.set(decision.headers);
      if (decision.pass) {
        request.keygate = decision.keygate;
        next();
        return;
      }
      response.status(decision.status).json(decision.body);
    }, next);
  };
  return Object.assign(handler, { keygate: guard.ownClient });
}
