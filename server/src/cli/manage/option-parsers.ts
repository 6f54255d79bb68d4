/**
 * Parsers of option values (commander `argParser`s): a bad value is commander's usage error,
 * exit 2, naming the option. "none" clears a setting where the API takes null.
 */
import { InvalidArgumentError } from "commander";

/** `"orders:read orders:write"` or `"orders:read,orders:write"` → a list. */
export function parseList(value: string): string[] {
  return value.split(/[\s,]+/).filter((item) => item !== "");
}

export function parseWholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("must be a whole number.");
  return Number(value);
}

export function parseJsonObject(value: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new InvalidArgumentError('must be a JSON object, for example \'{"customer":"c_42"}\'.');
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new InvalidArgumentError("must be a JSON object.");
  }
  return parsed as Record<string, unknown>;
}

const DURATION_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `"500ms"`, `"30s"`, `"1m"`, `"1h"`, `"7d"` or plain milliseconds. */
export function parseDurationMs(value: string): number {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match?.[1])
    throw new InvalidArgumentError("must be a duration such as 60s, 1m, 1h, 7d or milliseconds.");
  return Number(match[1]) * (DURATION_MS[match[2] ?? "ms"] ?? 1);
}

/** An ISO time, a duration from now ("30d"), or "none". */
export function parseExpiry(now: () => Date) {
  return (value: string): string | null => {
    if (value === "none") return null;
    if (/^\d+(ms|s|m|h|d)$/.test(value))
      return new Date(now().getTime() + parseDurationMs(value)).toISOString();
    const time = new Date(value);
    if (Number.isNaN(time.getTime())) {
      throw new InvalidArgumentError(
        'must be an ISO time (2027-01-01T00:00:00Z), a duration from now (30d) or "none".',
      );
    }
    return time.toISOString();
  };
}

export interface RateLimitValue {
  limit: number;
  windowMs: number;
}

/** `"100/1m"` (100 verifications a minute) or "none". */
export function parseRateLimit(value: string): RateLimitValue | null {
  if (value === "none") return null;
  const match = /^(\d+)\/(.+)$/.exec(value);
  if (!match?.[1] || !match[2])
    throw new InvalidArgumentError('must be <limit>/<window>, such as 100/1m, or "none".');
  return { limit: Number(match[1]), windowMs: parseDurationMs(match[2]) };
}

export interface NamedRateLimitValue extends RateLimitValue {
  name: string;
}

/**
 * `"requests=100/1m burst=10/1s"` (space- or comma-separated `<name>=<limit>/<window>`) or "none"
 * for no limits; given again, the option adds to the list ("none" starts it over).
 */
export function parseRateLimits(value: string, previous: NamedRateLimitValue[] = []): NamedRateLimitValue[] {
  if (value === "none") return [];
  const limits = parseList(value).map((item) => {
    const match = /^([^=]+)=(\d+)\/(.+)$/.exec(item);
    if (!match?.[1] || !match[2] || !match[3])
      throw new InvalidArgumentError(
        'must be <name>=<limit>/<window> items, such as "requests=100/1m burst=10/1s", or "none".',
      );
    return { name: match[1], limit: Number(match[2]), windowMs: parseDurationMs(match[3]) };
  });
  return [...previous, ...limits];
}

/** A number of uses left, or "none". */
export function parseQuota(value: string): { remaining: number } | null {
  if (value === "none") return null;
  return { remaining: parseWholeNumber(value) };
}

/** A date for `--from` / `--to`: ISO, or a duration back from now ("7d"). */
export function parseSince(now: () => Date) {
  return (value: string): string => {
    if (/^\d+(ms|s|m|h|d)$/.test(value))
      return new Date(now().getTime() - parseDurationMs(value)).toISOString();
    const time = new Date(value);
    if (Number.isNaN(time.getTime())) {
      throw new InvalidArgumentError(
        "must be an ISO time (2026-12-01T00:00:00Z) or a duration back from now (7d).",
      );
    }
    return time.toISOString();
  };
}
