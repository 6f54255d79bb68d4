/**
 * Keygate for fetch handlers (Next.js route handlers, Bun, Deno, Cloudflare Workers):
 * `withApiKey(handler, options)` wraps `(request, ...rest) => Response` so that it runs only for a
 * valid API key, receiving `(request, { keygate }, ...rest)`; any other request gets a 401, 403,
 * 429 or 503 with a JSON body and the `WWW-Authenticate`, `Retry-After` and `RateLimit-*` headers.
 *
 * A fetch `Request` carries no peer address: for IP allowlists pass `ip` (it gets the request and
 * the rest of the handler's arguments, such as Deno's `info`) or set `trustProxy`.
 *
 * @example
 * // app/orders/route.ts (Next.js)
 * import { withApiKey } from "@keygate/sdk/fetch";
 * export const GET = withApiKey(
 *   (request, { keygate }) => Response.json({ keyId: keygate.valid ? keygate.keyId : null }),
 *   { keygate: client, scopes: ["orders:read"] },
 * );
 */
import type { Keygate } from "../client.js";
import type { VerifyCredential } from "../verify-types.js";
import { createGuard, type GuardOptions, type KeygateResult, type MiddlewareOptions } from "./core.js";
import type { ClientChoice } from "./options.js";

export type { KeygateResult, KeygateUnavailable, VerifiedKey } from "./core.js";

/** What the wrapped handler gets after the request: the verification's result. */
export interface KeygateContext {
  keygate: KeygateResult;
}

type RequestFunctions = "scopes" | "getKey" | "cost" | "ip";

/** The middleware options, with `scopes`, `getKey`, `cost` and `ip` as functions of the handler's arguments. */
export type FetchMiddlewareOptions<Rest extends unknown[] = []> = ClientChoice &
  Omit<GuardOptions<Request>, RequestFunctions> & {
    scopes?: string[] | ((request: Request, ...rest: Rest) => string[]);
    getKey?: (request: Request, ...rest: Rest) => string | VerifyCredential | undefined;
    cost?: number | ((request: Request, ...rest: Rest) => number);
    ip?: (request: Request, ...rest: Rest) => string | undefined;
  };

/** The wrapped handler, with the client it made from `baseUrl` and `rootKey` (to close at shutdown). */
export type ProtectedFetchHandler<Rest extends unknown[]> = ((
  request: Request,
  ...rest: Rest
) => Promise<Response>) & { readonly keygate: Keygate | undefined };

type Call<Rest extends unknown[]> = [Request, ...Rest];

/** The options as the guard reads them: each function takes the call's arguments as one tuple. */
function onCall<Rest extends unknown[]>(
  options: FetchMiddlewareOptions<Rest>,
): MiddlewareOptions<Call<Rest>> {
  if (typeof options !== "object" || options === null) return options;
  const { scopes, getKey, cost, ip, ...rest } = options;
  return {
    ...rest,
    ...(scopes !== undefined
      ? { scopes: typeof scopes === "function" ? (call: Call<Rest>) => scopes(...call) : scopes }
      : {}),
    ...(getKey !== undefined
      ? { getKey: typeof getKey === "function" ? (call: Call<Rest>) => getKey(...call) : getKey }
      : {}),
    ...(cost !== undefined
      ? { cost: typeof cost === "function" ? (call: Call<Rest>) => cost(...call) : cost }
      : {}),
    ...(ip !== undefined ? { ip: typeof ip === "function" ? (call: Call<Rest>) => ip(...call) : ip } : {}),
  } as MiddlewareOptions<Call<Rest>>;
}

/** The handler's response with the rate limit headers (a copy when its headers are immutable). */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  const entries = Object.entries(headers);
  if (entries.length === 0) return response;
  try {
    for (const [name, value] of entries) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const [name, value] of entries) copy.headers.set(name, value);
    return copy;
  }
}

/**
 * Wraps a fetch handler so it runs only for a valid API key (and the given scopes).
 * @throws KeygateOptionError for a bad option, naming it.
 */
export function withApiKey<Rest extends unknown[] = []>(
  handler: (request: Request, context: KeygateContext, ...rest: Rest) => Response | Promise<Response>,
  options: FetchMiddlewareOptions<Rest>,
): ProtectedFetchHandler<Rest> {
  const guard = createGuard(onCall(options));
  const wrapped = async (request: Request, ...rest: Rest): Promise<Response> => {
    const view = { header: (name: string) => request.headers.get(name) ?? undefined, peerAddress: undefined };
    const decision = await guard.check([request, ...rest], view);
    if (!decision.pass) {
      return Response.json(decision.body, { status: decision.status, headers: decision.headers });
    }
    return withHeaders(await handler(request, { keygate: decision.keygate }, ...rest), decision.headers);
  };
  return Object.assign(wrapped, { keygate: guard.ownClient });
}
