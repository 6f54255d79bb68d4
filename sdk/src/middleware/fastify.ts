/**
 * Keygate for Fastify (5): `keygate(options)` is a `preHandler` hook that verifies the request's API
 * key and either refuses the request (401, 403, 429 or 503 with a JSON body and the
 * `WWW-Authenticate`, `Retry-After` and `RateLimit-*` headers) or puts the result on
 * `request.keygate`. Use it per route or for a whole plugin scope. Imports only Fastify's types.
 *
 * @example
 * import { keygate } from "@keygate/sdk/fastify";
 *
 * app.get("/orders", { preHandler: keygate({ keygate: client, scopes: ["orders:read"] }) }, async (request) => {
 *   return { keyId: request.keygate?.valid ? request.keygate.keyId : null };
 * });
 * // or every route of a scope, closing a client it made with the app:
 * app.register(async (api) => {
 *   await api.register(keygatePlugin, { baseUrl, rootKey, scopes: ["orders:read"] });
 *   api.get("/orders", async (request) => ...);
 * });
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { Keygate } from "../client.js";
import { createGuard, type KeygateResult, type MiddlewareOptions } from "./core.js";

export type { KeygateResult, KeygateUnavailable, MiddlewareOptions, VerifiedKey } from "./core.js";

declare module "fastify" {
  interface FastifyRequest {
    /** The verification's result, on requests that passed the Keygate hook. */
    keygate?: KeygateResult;
  }
}

/** The preHandler hook, with the client it made from `baseUrl` and `rootKey` (to close at shutdown). */
export type KeygatePreHandler = ((request: FastifyRequest, reply: FastifyReply) => Promise<void>) & {
  readonly keygate: Keygate | undefined;
};

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * A preHandler that lets a request through only with a valid API key (and the given scopes).
 * @throws KeygateOptionError for a bad option, naming it.
 */
export function keygate(options: MiddlewareOptions<FastifyRequest>): KeygatePreHandler {
  const guard = createGuard(options);
  const preHandler = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const view = {
      header: (name: string) => headerOf(request, name),
      peerAddress: request.socket.remoteAddress,
    };
    const decision = await guard.check(request, view);
    reply.headers(decision.headers);
    if (decision.pass) {
      request.keygate = decision.keygate;
      return;
    }
    await reply.code(decision.status).type("application/json; charset=utf-8").send(decision.body);
  };
  return Object.assign(preHandler, { keygate: guard.ownClient });
}

/**
 * The hook for every route of the scope it is registered in (Fastify's encapsulation: register it
 * inside the plugin that declares the protected routes). Decorates `request.keygate` and closes
 * the client it made from `baseUrl` and `rootKey` when the app closes.
 */
export const keygatePlugin: FastifyPluginAsync<MiddlewareOptions<FastifyRequest>> = Object.assign(
  async (app: Parameters<FastifyPluginAsync>[0], options: MiddlewareOptions<FastifyRequest>) => {
    const preHandler = keygate(options);
    if (!app.hasRequestDecorator("keygate")) app.decorateRequest("keygate", undefined);
    app.addHook("preHandler", preHandler);
    app.addHook("onClose", async () => {
      await preHandler.keygate?.close();
    });
  },
  // What fastify-plugin sets: the hook joins the scope it is registered in, not a child of it.
  { [Symbol.for("skip-override")]: true },
);
