/**
 * The options every Keygate middleware takes (Express, Fastify, Hono, fetch handlers), checked once
 * when the middleware is made: a bad one throws {@link KeygateOptionError} naming it, before any
 * request arrives. `Req` is the framework's request (Express's `req`, Hono's `c`, a fetch `Request`).
 */
import { Keygate } from "../client.js";
import type { KeygateOptions } from "../client-options.js";
import { KeygateOptionError } from "../errors.js";
import type { VerifyCredential } from "../verify-types.js";

/** Where refusals and Keygate outages are reported. Never given a key. */
export interface MiddlewareLogger {
  warn(message: string, fields: Record<string, unknown>): void;
}

/** The client to verify with: one you made (`keygate`), or the client's own options. */
export type ClientChoice = { keygate: Pick<Keygate, "keys"> } | (KeygateOptions & { keygate?: undefined });

export interface GuardOptions<Req> {
  /**
   * Scopes the key must all hold, or a function of the request that names them.
   * @example scopes: (req) => (req.method === "GET" ? ["orders:read"] : ["orders:write"])
   */
  scopes?: string[] | ((request: Req) => string[]);
  /**
   * The one header to read the key from instead of the default (`Authorization: Bearer <key>`,
   * then `x-api-key`). `authorization` here still means the Bearer scheme.
   */
  header?: string;
  /** Reads the key yourself (a query parameter, a cookie, a Shared Key + Secret Key pair); wins over `header`. */
  getKey?: (request: Req) => string | VerifyCredential | undefined;
  /** Quota units a request spends (default 1), or a function of the request. */
  cost?: number | ((request: Req) => number);
  /**
   * The end client's address, for the key's IP allowlist. Default: the connection's peer address
   * (with `trustProxy`, the address your proxies put in `X-Forwarded-For`).
   */
  ip?: (request: Req) => string | undefined;
  /**
   * How many proxies in front of this server append to `X-Forwarded-For` (`true` = 1). The client's
   * address is then that many entries from the right. Default `false`: the header is ignored, as
   * anyone can send it.
   */
  trustProxy?: boolean | number;
  /**
   * When Keygate cannot be reached (network error, timeout, a 5xx, a refused root key): `false`
   * (default) answers 503 `KEYGATE_UNAVAILABLE`; `true` lets the request through with
   * `keygate: { valid: false, code: "UNAVAILABLE", ... }` for the handler to decide.
   */
  failOpen?: boolean;
  /** Reports Keygate outages (default `console.warn`). */
  logger?: MiddlewareLogger;
  /** The `realm` of `WWW-Authenticate` (default `api`). */
  realm?: string;
}

/**
 * A middleware's options: the client (yours, or `baseUrl` + `rootKey` + client options) and how
 * to read and check each request.
 *
 * @example { keygate, scopes: ["orders:read"] }
 * @example { baseUrl: process.env.KEYGATE_URL, rootKey: process.env.KEYGATE_ROOT_KEY, scopes: ["orders:read"] }
 */
export type MiddlewareOptions<Req> = ClientChoice & GuardOptions<Req>;

export interface ResolvedGuardOptions<Req> {
  keygate: Pick<Keygate, "keys">;
  /** The client the middleware made from `baseUrl` and `rootKey` (undefined for one passed in). */
  ownClient: Keygate | undefined;
  scopes: (request: Req) => string[] | undefined;
  header: string | undefined;
  getKey: ((request: Req) => string | VerifyCredential | undefined) | undefined;
  cost: (request: Req) => number | undefined;
  ip: ((request: Req) => string | undefined) | undefined;
  trustedProxies: number;
  failOpen: boolean;
  logger: MiddlewareLogger;
  realm: string;
}

const GUARD_OPTION_NAMES = new Set([
  "scopes",
  "header",
  "getKey",
  "cost",
  "ip",
  "trustProxy",
  "failOpen",
  "logger",
  "realm",
]);

const consoleLogger: MiddlewareLogger = {
  warn: (message, fields) => console.warn(message, fields),
};

function optionalFunction<F>(name: string, value: unknown): F | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "function") throw new KeygateOptionError(name, "must be a function");
  return value as F;
}

function checkScopes(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((scope) => typeof scope !== "string" || scope === "")) {
    throw new KeygateOptionError(
      "scopes",
      "must be an array of non-empty strings (or a function answering one)",
    );
  }
  return [...(value as string[])];
}

function scopesOption<Req>(value: unknown): (request: Req) => string[] | undefined {
  if (value === undefined) return () => undefined;
  if (typeof value === "function") {
    const scopes = value as (request: Req) => unknown;
    return (request) => checkScopes(scopes(request));
  }
  const scopes = checkScopes(value);
  return () => scopes;
}

/** Keygate's own bound on a verification's cost. */
const MAX_COST = 1_000_000;

function checkCost(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_COST) {
    throw new KeygateOptionError(
      "cost",
      `must be a whole number from 0 to ${MAX_COST} (or a function answering one)`,
    );
  }
  return value;
}

function costOption<Req>(value: unknown): (request: Req) => number | undefined {
  if (value === undefined) return () => undefined;
  if (typeof value === "function") {
    const cost = value as (request: Req) => unknown;
    // A function's answer is checked on each request: a bad one is a bug, thrown to the framework.
    return (request) => checkCost(cost(request));
  }
  const fixed = checkCost(value);
  return () => fixed;
}

function trustedProxies(value: unknown): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return 1;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new KeygateOptionError("trustProxy", "must be true, false or a whole number of proxies");
  }
  return value;
}

function headerOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(value)) {
    throw new KeygateOptionError("header", "must be a header name such as x-api-key");
  }
  return value.toLowerCase();
}

function loggerOption(value: unknown): MiddlewareLogger {
  if (value === undefined) return consoleLogger;
  if (typeof value !== "object" || value === null || typeof Reflect.get(value, "warn") !== "function") {
    throw new KeygateOptionError("logger", "must be an object with a warn(message, fields) method");
  }
  return value as MiddlewareLogger;
}

function clientOption<Req>(options: MiddlewareOptions<Req>): {
  keygate: Pick<Keygate, "keys">;
  ownClient: Keygate | undefined;
} {
  const given: unknown = options.keygate;
  if (given !== undefined) {
    const keys: unknown =
      typeof given === "object" && given !== null ? Reflect.get(given, "keys") : undefined;
    if (typeof keys !== "object" || keys === null || typeof Reflect.get(keys, "verify") !== "function") {
      throw new KeygateOptionError("keygate", "must be a Keygate client (new Keygate({ baseUrl, rootKey }))");
    }
    if ("baseUrl" in options || "rootKey" in options) {
      throw new KeygateOptionError("keygate", "pass either keygate or baseUrl and rootKey, not both");
    }
    return { keygate: given as Pick<Keygate, "keys">, ownClient: undefined };
  }
  const clientOptions: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(options)) {
    if (!GUARD_OPTION_NAMES.has(name) && name !== "keygate") clientOptions[name] = value;
  }
  const ownClient = new Keygate(clientOptions as unknown as KeygateOptions);
  return { keygate: ownClient, ownClient };
}

/** The options with their defaults; throws {@link KeygateOptionError} for the first bad one. */
export function resolveGuardOptions<Req>(options: MiddlewareOptions<Req>): ResolvedGuardOptions<Req> {
  if (typeof options !== "object" || options === null) {
    throw new KeygateOptionError("options", "must be an object with keygate, or baseUrl and rootKey");
  }
  if (options.failOpen !== undefined && typeof options.failOpen !== "boolean") {
    throw new KeygateOptionError("failOpen", "must be true or false");
  }
  if (options.realm !== undefined && (typeof options.realm !== "string" || /["\\]/.test(options.realm))) {
    throw new KeygateOptionError("realm", "must be a string without quotes or backslashes");
  }
  const guard = {
    scopes: scopesOption(options.scopes),
    header: headerOption(options.header),
    getKey: optionalFunction<(request: Req) => string | VerifyCredential | undefined>(
      "getKey",
      options.getKey,
    ),
    cost: costOption(options.cost),
    ip: optionalFunction<(request: Req) => string | undefined>("ip", options.ip),
    trustedProxies: trustedProxies(options.trustProxy),
    failOpen: options.failOpen ?? false,
    logger: loggerOption(options.logger),
    realm: options.realm ?? "api",
  };
  // The client last: one made here only once every other option is known to be good.
  return { ...guard, ...clientOption(options) };
}
