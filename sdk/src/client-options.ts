/**
 * The options of `new Keygate(...)`, checked once: a bad one throws {@link KeygateOptionError}
 * naming it, before any call is made.
 */
import { KeygateOptionError } from "./errors.js";

export interface CacheOptions {
  /** How many keys the cache holds at most (least recently used leave first). Default 10,000. */
  maxEntries?: number;
  /** How long a cached key is trusted at most, even while the event stream is live. Default 300,000 ms. */
  ttlMs?: number;
  /** While the event stream is down, how long a cached key is still trusted. Default 5,000 ms. */
  fallbackTtlMs?: number;
}

/** The event stream's standing, as `onCacheStatus` hears it. */
export interface CacheStatus {
  live: boolean;
  /** Why the stream is not live (a network error, a refusal, a missed heartbeat). */
  reason?: string;
}

export interface KeygateOptions {
  /** Where Keygate answers, `http://` or `https://` (for example `http://localhost:8080`). */
  baseUrl: string;
  /** A root key: `keys:verify` to verify, and whatever else the calls you make need. */
  rootKey: string;
  /** Each call's time limit, retries included. Default 10,000 ms. */
  timeoutMs?: number;
  /** How many times an idempotent call is tried again after a network error, a 5xx or a 429. Default 2. */
  retries?: number;
  /** The fetch to use (default: the runtime's). */
  fetch?: typeof fetch;
  /** The local verification cache; `false` sends every verification to Keygate. On by default. */
  cache?: false | CacheOptions;
  /** Called whenever the cache's event stream goes live or down. */
  onCacheStatus?: (status: CacheStatus) => void;
  /**
   * Prefixes of imported (non-Keygate) keys of your workspace (`sk_live_`): keys that start with
   * one are sent to Keygate; any other key that is not Keygate-format is MALFORMED, offline.
   */
  foreignKeyPrefixes?: string[];
}

export interface ResolvedCacheOptions {
  maxEntries: number;
  ttlMs: number;
  fallbackTtlMs: number;
}

export interface ResolvedOptions {
  baseUrl: string;
  rootKey: string;
  timeoutMs: number;
  retries: number;
  fetch: typeof fetch;
  cache: ResolvedCacheOptions | false;
  onCacheStatus: ((status: CacheStatus) => void) | undefined;
  foreignKeyPrefixes: readonly string[];
}

function wholeNumber(option: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min) {
    throw new KeygateOptionError(option, `must be a whole number of at least ${min}`);
  }
  return value;
}

function cacheOptions(cache: KeygateOptions["cache"]): ResolvedCacheOptions | false {
  if (cache === false) return false;
  if (cache !== undefined && (typeof cache !== "object" || cache === null)) {
    throw new KeygateOptionError("cache", "must be false or an object");
  }
  return {
    maxEntries: wholeNumber("cache.maxEntries", cache?.maxEntries, 10_000, 1),
    ttlMs: wholeNumber("cache.ttlMs", cache?.ttlMs, 300_000, 0),
    fallbackTtlMs: wholeNumber("cache.fallbackTtlMs", cache?.fallbackTtlMs, 5_000, 0),
  };
}

/** The options with their defaults, or a {@link KeygateOptionError} for the first bad one. */
export function resolveOptions(options: KeygateOptions): ResolvedOptions {
  if (typeof options !== "object" || options === null) {
    throw new KeygateOptionError("options", "must be an object with baseUrl and rootKey");
  }
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new KeygateOptionError("baseUrl", "must be an http:// or https:// URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new KeygateOptionError("baseUrl", "must be an http:// or https:// URL");
  }
  if (typeof options.rootKey !== "string" || options.rootKey.trim() === "") {
    throw new KeygateOptionError("rootKey", "must be a non-empty string");
  }
  const fetchFunction = options.fetch ?? globalThis.fetch;
  if (typeof fetchFunction !== "function") {
    throw new KeygateOptionError("fetch", "this runtime has no fetch: pass one");
  }
  if (options.onCacheStatus !== undefined && typeof options.onCacheStatus !== "function") {
    throw new KeygateOptionError("onCacheStatus", "must be a function");
  }
  const prefixes = options.foreignKeyPrefixes ?? [];
  if (!Array.isArray(prefixes) || prefixes.some((prefix) => typeof prefix !== "string" || prefix === "")) {
    throw new KeygateOptionError("foreignKeyPrefixes", "must be an array of non-empty strings");
  }
  return {
    baseUrl: `${url.origin}${url.pathname}`.replace(/\/+$/, ""),
    rootKey: options.rootKey,
    timeoutMs: wholeNumber("timeoutMs", options.timeoutMs, 10_000, 1),
    retries: wholeNumber("retries", options.retries, 2, 0),
    // Called through a closure: a browser's fetch refuses to run with another `this`.
    fetch: (input, init) => fetchFunction(input, init),
    cache: cacheOptions(options.cache),
    onCacheStatus: options.onCacheStatus,
    foreignKeyPrefixes: [...prefixes],
  };
}
