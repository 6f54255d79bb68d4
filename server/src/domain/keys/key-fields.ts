/**
 * The settings a key carries, as zod schemas: the one definition that validates request bodies,
 * types the domain and documents the API. Scopes, meta, IP allowlist (normalised CIDRs), rate limits
 * (named, at most {@link MAX_KEY_RATE_LIMITS}) and quota, with the limits of the key contract.
 */
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { PREFIX_PATTERN } from "../key-prefix.js";

const MAX_SCOPES = 100;
const MAX_SCOPE_LENGTH = 100;
const MAX_META_BYTES = 16 * 1024;
const MAX_ALLOWLIST_ENTRIES = 100;
const MAX_WINDOW_MS = 86_400_000;
const MAX_LIMIT = 1_000_000_000;
const MAX_QUOTA = 1_000_000_000_000;

/** `orders:read`, `orders:*`, `billing.invoices:write`. */
const SCOPE_PATTERN = /^[a-z0-9_.-]+(:[a-z0-9_.*-]+)*$/;

const scopeSchema = z
  .string()
  .max(MAX_SCOPE_LENGTH, `must be at most ${MAX_SCOPE_LENGTH} characters`)
  .regex(SCOPE_PATTERN, "must look like orders:read (lowercase letters, digits, _ . - and : separators)");

/** A list of distinct scopes, at most {@link MAX_SCOPES}. */
export const scopeListSchema = z
  .array(scopeSchema)
  .max(MAX_SCOPES, `must hold at most ${MAX_SCOPES} scopes`)
  .superRefine((scopes, ctx) => {
    const seen = new Set<string>();
    for (const scope of scopes) {
      if (seen.has(scope)) ctx.addIssue({ code: "custom", message: `must not repeat ${scope}` });
      seen.add(scope);
    }
  });

/** How deep meta may nest: `{ "a": 1 }` is 1 level, `{ "a": { "b": 1 } }` 2. */
export const MAX_META_DEPTH = 32;

/**
 * Whether the value nests objects or arrays more than `limit` levels deep. It keeps its own stack
 * and stops at the first branch past the limit, so a body nested thousands of levels deep costs
 * little and overflows nothing (JSON.stringify of such a value overflows the call stack).
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== "object" || item === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Free JSON the platform gets back on every successful verification: at most
 * {@link MAX_META_DEPTH} levels deep and 16 KB as JSON.
 */
export const metaSchema = z
  .record(z.string(), z.unknown())
  .refine((meta) => !nestsDeeperThan(meta, MAX_META_DEPTH), {
    message: `must nest at most ${MAX_META_DEPTH} levels deep`,
    abort: true,
  })
  .refine(
    (meta) => Buffer.byteLength(JSON.stringify(meta)) <= MAX_META_BYTES,
    "must be at most 16 KB as JSON",
  );

/**
 * The normal form of a CIDR or a bare address: the network address and its prefix length
 * (`203.0.113.7/24` -> `203.0.113.0/24`, `2001:db8::1` -> `2001:db8::1/128`), or `undefined` when
 * the value is not one. IPv4 must be dotted four-part decimal; IPv6 zone ids are refused.
 */
function normaliseCidr(value: string): string | undefined {
  const text = value.trim();
  if (text.includes("%")) return undefined;
  const [address, bits, extra] = text.split("/");
  if (address === undefined || extra !== undefined) return undefined;
  if (bits !== undefined && !/^\d{1,3}$/.test(bits)) return undefined;
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) {
    const length = bits === undefined ? 32 : Number(bits);
    if (length > 32) return undefined;
    return `${ipaddr.IPv4.networkAddressFromCIDR(`${address}/${length}`).toString()}/${length}`;
  }
  if (!address.includes(":") || !ipaddr.IPv6.isValid(address)) return undefined;
  const length = bits === undefined ? 128 : Number(bits);
  if (length > 128) return undefined;
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address}/${length}`).toString()}/${length}`;
}

const cidrSchema = z
  .string()
  .max(64, "must be at most 64 characters")
  .transform((value, ctx) => {
    const cidr = normaliseCidr(value);
    if (cidr === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `${value} is not an IPv4 or IPv6 address or CIDR (such as 203.0.113.0/24)`,
      });
      return z.NEVER;
    }
    return cidr;
  });

/** Networks the key may be used from; empty for anywhere. Normalised and without repeats. */
export const ipAllowlistSchema = z
  .array(cidrSchema)
  .max(MAX_ALLOWLIST_ENTRIES, `must hold at most ${MAX_ALLOWLIST_ENTRIES} entries`)
  .transform((cidrs) => [...new Set(cidrs)]);

export const rateLimitSchema = z.strictObject({
  limit: z.number().int().min(1, "must be at least 1").max(MAX_LIMIT),
  windowMs: z
    .number()
    .int()
    .min(1000, "must be at least 1000 (1 second)")
    .max(MAX_WINDOW_MS, `must be at most ${MAX_WINDOW_MS} (1 day)`),
});

/** Most named rate limits one key holds (migration 0009). */
export const MAX_KEY_RATE_LIMITS = 5;
/** The name of the limit that the single `rateLimit` field reads and writes. */
export const DEFAULT_RATE_LIMIT_NAME = "default";
const KEY_RATE_LIMIT_NAME = /^[a-z0-9_-]{1,32}$/;

/** One named limit of a key: `{ name, limit, windowMs }`, bounded as `rateLimit` is. */
export const keyRateLimitSchema = z.strictObject({
  name: z
    .string()
    .regex(KEY_RATE_LIMIT_NAME, "must be 1-32 lowercase letters, digits, _ or -")
    .describe("Names the limit (such as requests or burst); the one named default is `rateLimit`"),
  ...rateLimitSchema.shape,
});

/** Refuses a list of named limits (a key's or an identity's) that names one twice, at the repeat. */
export function refuseRepeatedNames(limits: readonly { name: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  for (const [index, limit] of limits.entries()) {
    if (seen.has(limit.name))
      ctx.addIssue({ code: "custom", path: [index, "name"], message: `must not repeat ${limit.name}` });
    seen.add(limit.name);
  }
}

/** A key's named limits: at most {@link MAX_KEY_RATE_LIMITS}, each name once. */
export const keyRateLimitsSchema = z
  .array(keyRateLimitSchema)
  .max(MAX_KEY_RATE_LIMITS, `must hold at most ${MAX_KEY_RATE_LIMITS} rate limits`)
  .superRefine(refuseRepeatedNames)
  .describe("Every limit must allow a verification for it to pass; [] for none");

/**
 * Refuses a body that sends both `rateLimit` and `rateLimits` (a zod `superRefine` for the bodies
 * that take them): one sets the limit named default, the other the whole list.
 */
export function oneRateLimitField(
  body: { rateLimit?: unknown; rateLimits?: unknown },
  ctx: z.RefinementCtx,
): void {
  if (body.rateLimit !== undefined && body.rateLimits !== undefined)
    ctx.addIssue({
      code: "custom",
      path: ["rateLimits"],
      message: "send rateLimit (the limit named default) or rateLimits (the whole list), not both",
    });
}

const REFILL_INTERVALS = ["minute", "hour", "day", "week", "month"] as const;

export const quotaRefillSchema = z.strictObject({
  amount: z.number().int().min(1, "must be at least 1").max(MAX_QUOTA),
  interval: z.enum(REFILL_INTERVALS),
});

/** `{ remaining, refill }`: verifications left, and how many come back every interval. */
export const quotaSchema = z.strictObject({
  remaining: z.number().int().min(0, "must not be negative").max(MAX_QUOTA),
  refill: quotaRefillSchema.nullable().default(null),
});

const ENVIRONMENTS = ["production", "staging", "development"] as const;
export const environmentSchema = z.enum(ENVIRONMENTS);

const KEY_KINDS = ["token", "pair"] as const;
export const keyKindSchema = z.enum(KEY_KINDS);

export const prefixSchema = z
  .string()
  .regex(PREFIX_PATTERN, "must be 2-16 lowercase letters or digits, with at most one _ (such as acme_live)");

export type RateLimit = z.infer<typeof rateLimitSchema>;
export type KeyRateLimit = z.infer<typeof keyRateLimitSchema>;
export type Quota = z.infer<typeof quotaSchema>;
export type QuotaRefill = z.infer<typeof quotaRefillSchema>;
