/**
 * The framework-free heart of every Keygate middleware: made once from the options (checked then),
 * it reads a request's key and address, verifies the key with the client (its local cache first),
 * and answers a {@link Decision} that the Express, Fastify, Hono and fetch adapters apply.
 *
 * @example
 * const guard = createGuard<Request>({ keygate, scopes: ["orders:read"] });
 * const decision = await guard.check(request, { header: (n) => request.headers.get(n) ?? undefined, peerAddress });
 */
import type { Keygate } from "../client.js";
import { KeygateError, KeygateOptionError } from "../errors.js";
import { type Decision, decide, missingKey, unavailable, unreadableAddress } from "./decision.js";
import { type MiddlewareOptions, type ResolvedGuardOptions, resolveGuardOptions } from "./options.js";
import {
  clientAddress,
  credentialOf,
  isIpAddress,
  presentedKey,
  type RequestView,
} from "./request-credential.js";

export type { Decision, KeygateResult, KeygateUnavailable, RefusalBody, VerifiedKey } from "./decision.js";
export type { ClientChoice, GuardOptions, MiddlewareLogger, MiddlewareOptions } from "./options.js";
export type { RequestView } from "./request-credential.js";

export interface Guard<Req> {
  /** Decides one request. Rejects only for errors that are not Keygate's (a bug in an option's function). */
  check(request: Req, view: RequestView): Promise<Decision>;
  /** The client the middleware made from `baseUrl` and `rootKey`, to `close()` at shutdown; undefined for yours. */
  readonly ownClient: Keygate | undefined;
}

function unavailableReason(error: KeygateError): Record<string, unknown> {
  return { code: error.code, status: error.status, reason: error.message, requestId: error.requestId };
}

async function check<Req>(
  options: ResolvedGuardOptions<Req>,
  request: Req,
  view: RequestView,
): Promise<Decision> {
  const credential = credentialOf(
    options.getKey ? options.getKey(request) : presentedKey(view, options.header),
  );
  if (!credential) return missingKey(options.realm);
  const scopes = options.scopes(request);
  const cost = options.cost(request);
  const ip = options.ip ? options.ip(request) : clientAddress(view, options.trustedProxies);
  if (ip !== undefined && !isIpAddress(ip)) {
    // Sent on, Keygate would refuse the whole call; left out, the key's IP allowlist would be skipped.
    options.logger.warn("the client address is not an IP address; answering 403", { ip });
    return unreadableAddress();
  }
  try {
    const answer = await options.keygate.keys.verify(credential, {
      ...(scopes !== undefined && scopes.length > 0 ? { scopes } : {}),
      ...(cost !== undefined ? { cost } : {}),
      ...(ip !== undefined ? { ip } : {}),
    });
    return decide(answer, scopes, options.realm, Date.now());
  } catch (error) {
    if (!(error instanceof KeygateError) || error instanceof KeygateOptionError) throw error;
    // The error's message is the SDK's or the server's: never the presented key.
    options.logger.warn(
      options.failOpen
        ? "Keygate could not verify an API key; letting the request through (failOpen)"
        : "Keygate could not verify an API key; answering 503",
      unavailableReason(error),
    );
    return unavailable(options.failOpen, error.code, error.status);
  }
}

/** Checks the options now (a bad one throws KeygateOptionError naming it) and answers the guard. */
export function createGuard<Req>(options: MiddlewareOptions<Req>): Guard<Req> {
  const resolved = resolveGuardOptions(options);
  return {
    check: (request, view) => check(resolved, request, view),
    ownClient: resolved.ownClient,
  };
}
