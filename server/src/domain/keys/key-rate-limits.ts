/**
 * A key's named rate limits (`rate_limits`, migration 0009) and the single `rateLimit` the API
 * kept for compatibility: it is the limit named `default`. A request sets either the whole list
 * (`rateLimits`) or only that limit (`rateLimit`, null removing it), never both (key-fields.ts).
 */
import { validationFailed } from "../../errors.js";
import {
  DEFAULT_RATE_LIMIT_NAME,
  type KeyRateLimit,
  MAX_KEY_RATE_LIMITS,
  type RateLimit,
} from "./key-fields.js";

/** What a create, update or import row says of the key's limits. */
export interface RateLimitsInput {
  rateLimit?: RateLimit | null | undefined;
  rateLimits?: readonly KeyRateLimit[] | undefined;
}

/** The limits a stored `rate_limits` value holds (written only by this service, so trusted). */
export function storedRateLimits(value: unknown): KeyRateLimit[] {
  return Array.isArray(value) ? (value as KeyRateLimit[]) : [];
}

/** The limit named default as `{ limit, windowMs }`, or null without one. */
export function defaultRateLimitOf(limits: readonly KeyRateLimit[]): RateLimit | null {
  const found = limits.find((limit) => limit.name === DEFAULT_RATE_LIMIT_NAME);
  return found ? { limit: found.limit, windowMs: found.windowMs } : null;
}

/**
 * The key's limits after the input: `rateLimits` replaces them all; `rateLimit` replaces the limit
 * named default where it stands (or puts it first) and null removes it, the others kept; neither
 * keeps `current`. A new default on a key that holds {@link MAX_KEY_RATE_LIMITS} others is refused.
 *
 * @example nextRateLimits([{ name: "burst", limit: 10, windowMs: 1000 }], { rateLimit: { limit: 100, windowMs: 60000 } })
 *   // [{ name: "default", limit: 100, windowMs: 60000 }, { name: "burst", limit: 10, windowMs: 1000 }]
 */
export function nextRateLimits(current: readonly KeyRateLimit[], input: RateLimitsInput): KeyRateLimit[] {
  if (input.rateLimits !== undefined) return input.rateLimits.map((limit) => ({ ...limit }));
  if (input.rateLimit === undefined) return [...current];
  const others = current.filter((limit) => limit.name !== DEFAULT_RATE_LIMIT_NAME);
  if (input.rateLimit === null) return others;
  const limit: KeyRateLimit = { name: DEFAULT_RATE_LIMIT_NAME, ...input.rateLimit };
  const at = current.findIndex((existing) => existing.name === DEFAULT_RATE_LIMIT_NAME);
  if (at !== -1) return current.map((existing, index) => (index === at ? limit : existing));
  if (others.length >= MAX_KEY_RATE_LIMITS)
    throw validationFailed(
      `rateLimit: the key already has ${MAX_KEY_RATE_LIMITS} rate limits, the most it may hold; remove one with rateLimits`,
    );
  return [limit, ...others];
}
