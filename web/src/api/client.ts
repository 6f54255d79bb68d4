/**
 * The dashboard's one way to the Keygate API: openapi-fetch typed by the server's own OpenAPI
 * document (schema.d.ts), same origin, with the session cookie. Every change carries the
 * session's CSRF token; a 401 tells the session to sign in again. In the key portal (platform
 * mode, pages under /portal) every request says so with `x-keygate-portal: 1`, so the server
 * authenticates it by the portal's cookie only, never a dashboard session someone also holds.
 *
 * @example const keys = await unwrap(api.GET("/v1/keys", { params: { query: { limit: 50 } } }));
 */
import createClient, { type Middleware } from "openapi-fetch";
import { ApiRequestError } from "./errors";
import type { paths } from "./schema";

let csrfToken: string | undefined;
let onUnauthenticated: (() => void) | undefined;
let portalMode = false;

/** The header that makes the server authenticate a request by the portal cookie alone. */
export const PORTAL_HEADER = "x-keygate-portal";

/** Marks every request from now on as the key portal's (main.tsx, for pages under /portal). */
export function setPortalMode(enabled: boolean): void {
  portalMode = enabled;
}

/** Remembers the CSRF token of the signed-in session (from sign-in, setup, `GET /v1/auth/session`). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** What to do when the server says the session is gone (the session provider signs out). */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const session: Middleware = {
  onRequest({ request }) {
    if (portalMode) request.headers.set(PORTAL_HEADER, "1");
    if (!SAFE_METHODS.has(request.method) && csrfToken) request.headers.set("x-csrf-token", csrfToken);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith("/v1/auth/login")) {
      onUnauthenticated?.();
    }
    return response;
  },
};

export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? "",
  credentials: "same-origin",
});
api.use(session);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call, or an `ApiRequestError` thrown with the server's code and details. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new ApiRequestError(0, undefined);
  }
  if (!result.response.ok) throw new ApiRequestError(result.response.status, result.error);
  return result.data as T;
}
