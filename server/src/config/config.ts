/**
 * Configuration: read once from the environment at start into a typed object.
 * A bad value stops the start with a message naming the variable.
 */
import { hostname } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ipaddr from "ipaddr.js";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), "must start with postgres:// or postgresql://");

/** proxy-addr's names for whole ranges, as Fastify's `trustProxy` takes them. */
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** An IPv4 (four-part decimal) or IPv6 address, optionally with a prefix length: `10.0.0.0/8`. */
function isAddressOrCidr(text: string): boolean {
  const [address, bits, extra] = text.split("/");
  if (address === undefined || extra !== undefined) return false;
  if (bits !== undefined && !/^\d{1,3}$/.test(bits)) return false;
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) return bits === undefined || Number(bits) <= 32;
  if (address.includes(":") && !address.includes("%") && ipaddr.IPv6.isValid(address))
    return bits === undefined || Number(bits) <= 128;
  return false;
}

/** A comma-separated list of addresses, CIDRs or range names; empty for none. */
const trustedProxies = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const entries = value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    for (const entry of entries) {
      if (!PROXY_RANGE_NAMES.has(entry) && !isAddressOrCidr(entry)) {
        ctx.addIssue({
          code: "custom",
          message: `${entry} is not an IP address or CIDR (such as 10.0.0.0/8, or loopback, linklocal, uniquelocal)`,
        });
      }
    }
    return entries;
  });

/**
 * `KEYGATE_WEBHOOK_ALLOW_HOSTS`: host names and addresses or CIDRs a workspace's webhook may reach
 * although they are loopback, private, link-local or metadata addresses (`hooks.internal`,
 * `10.1.0.0/16`, `127.0.0.1`).
 */
const webhookAllowHosts = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const entries = value
      .split(",")
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean);
    for (const entry of entries) {
      if (
        !isAddressOrCidr(entry) &&
        !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)
      ) {
        ctx.addIssue({ code: "custom", message: `${entry} is not a host name, an IP address or a CIDR` });
      }
    }
    return entries;
  });

const booleanText = (name: string) =>
  z
    .enum(["true", "false", "1", "0"], { error: `${name} must be true or false` })
    .default("false")
    .transform((value) => value === "true" || value === "1");

/**
 * Whether the text is a web origin as CSP's frame-ancestors takes it: http(s), a host, an optional
 * port, nothing else (`https://app.example.com`, `http://localhost:3000`). No wildcards: the portal
 * posts its height to exactly the origin that frames it, which must be one of these.
 */
function isOrigin(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (
    (url.protocol === "https:" || url.protocol === "http:") &&
    url.origin === text.toLowerCase() &&
    /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])$/.test(url.hostname)
  );
}

/** A comma-separated list of origins allowed to frame the key portal; empty for none. */
const embedOrigins = z
  .string()
  .default("")
  .transform((value, ctx) => {
    const entries = value
      .split(",")
      .map((entry) => entry.trim().replace(/\/$/, ""))
      .filter(Boolean);
    for (const entry of entries) {
      if (!isOrigin(entry)) {
        ctx.addIssue({
          code: "custom",
          message: `${entry} is not an origin (scheme, host and optional port, no path, such as https://app.example.com)`,
        });
      }
    }
    return [...new Set(entries.map((entry) => entry.toLowerCase()))];
  });

/** The built dashboard beside this file's package: web/dist of the repository (from src or dist). */
const BUILT_DASHBOARD_DIR = fileURLToPath(new URL("../../../web/dist", import.meta.url));

const ENCRYPTION_KEY_MESSAGE =
  "must be 32 bytes as base64 (44 characters) or hex (64 characters), such as the output of `openssl rand -base64 32`";

/**
 * A 32-byte key written as hex (64 characters) or base64 (standard or URL-safe, padding optional).
 * @example parseEncryptionKey("00".repeat(32))?.length === 32
 */
export function parseEncryptionKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/]{43}=?$/.test(value) || /^[A-Za-z0-9_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(
      value.replace(/=$/, ""),
      value.includes("-") || value.includes("_") ? "base64url" : "base64",
    );
    return bytes.length === 32 ? bytes : undefined;
  }
  return undefined;
}

const encryptionKey = z
  .string()
  .transform((value, ctx) => {
    const key = parseEncryptionKey(value);
    if (key === undefined) {
      ctx.addIssue({ code: "custom", message: ENCRYPTION_KEY_MESSAGE });
      return z.NEVER;
    }
    return key;
  })
  .optional();

const HEARTBEAT_RANGE = "must be a whole number of milliseconds from 10 to 300000";

const POOL_RANGE = "must be a whole number from 2 to 500";

/** How nodes tell each other about changes (cluster/create-invalidation.ts). */
export const INVALIDATION_TRANSPORTS = ["auto", "local", "postgres", "redis"] as const;

const envSchema = z.object({
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "must be a whole number from 0 to 65535" })
      .int({ error: "must be a whole number from 0 to 65535" })
      .min(0, { error: "must be a whole number from 0 to 65535" })
      .max(65535, { error: "must be a whole number from 0 to 65535" })
      .default(8080),
  ),
  HOST: z.preprocess(emptyToUndefined, z.string().min(1).default("127.0.0.1")),
  KEYGATE_DATA_DIR: z.preprocess(emptyToUndefined, z.string().min(1).default("./data")),
  DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  REDIS_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((value) => /^rediss?:\/\//.test(value), "must start with redis:// or rediss://")
      .optional(),
  ),
  KEYGATE_REDIS_PREFIX: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9:_.-]{1,64}$/, "must be 1 to 64 letters, digits or : _ . -")
      .default("keygate:"),
  ),
  KEYGATE_DB_POOL_SIZE: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: POOL_RANGE })
      .int({ error: POOL_RANGE })
      .min(2, { error: POOL_RANGE })
      .max(500, { error: POOL_RANGE })
      .default(10),
  ),
  KEYGATE_NODE_ID: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,100}$/, "must be 1 to 100 letters, digits or _ . : -")
      .optional(),
  ),
  KEYGATE_INVALIDATION: z.preprocess(emptyToUndefined, z.enum(INVALIDATION_TRANSPORTS).default("auto")),
  KEYGATE_ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email().optional()),
  KEYGATE_ADMIN_PASSWORD: z.preprocess(
    emptyToUndefined,
    z.string().min(12, "must be at least 12 characters").max(256).optional(),
  ),
  KEYGATE_PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  ),
  KEYGATE_TRUSTED_PROXIES: trustedProxies,
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS).default("info")),
  KEYGATE_ENCRYPTION_KEY: z.preprocess(emptyToUndefined, encryptionKey),
  KEYGATE_DASHBOARD_DIR: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
  KEYGATE_EMBED_ORIGINS: embedOrigins,
  KEYGATE_EVENTS_HEARTBEAT_MS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: HEARTBEAT_RANGE })
      .int({ error: HEARTBEAT_RANGE })
      .min(10, { error: HEARTBEAT_RANGE })
      .max(300_000, { error: HEARTBEAT_RANGE })
      .default(15_000),
  ),
  KEYGATE_WEBHOOK_ALLOW_HOSTS: webhookAllowHosts,
  KEYGATE_WEBHOOK_ALLOW_HTTP: z.preprocess(emptyToUndefined, booleanText("KEYGATE_WEBHOOK_ALLOW_HTTP")),
  KEYGATE_SECRET_SCANNING_KEYS_FILE: z.preprocess(emptyToUndefined, z.string().min(1).optional()),
});

/** The service's configuration, parsed from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Prefix of every Redis key and channel this service uses (`KEYGATE_REDIS_PREFIX`, default `keygate:`). */
  redisPrefix: string;
  /** Most PostgreSQL connections of this node's pool (`KEYGATE_DB_POOL_SIZE`, default 10). */
  dbPoolSize: number;
  /** This node's name in the cluster (`KEYGATE_NODE_ID`; default `<hostname>-<pid>`). */
  nodeId: string;
  /**
   * How a change reaches the other nodes' caches (`KEYGATE_INVALIDATION`): `auto` is Redis pub/sub
   * when REDIS_URL is set, else PostgreSQL LISTEN/NOTIFY when DATABASE_URL is set, else in process.
   */
  invalidation: (typeof INVALIDATION_TRANSPORTS)[number];
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  publicUrl: string;
  /** Whether cookies get the `Secure` flag: true when the public URL is https. */
  secureCookies: boolean;
  /**
   * The load balancers and proxies in front of Keygate (addresses and CIDRs): a request from one of
   * them is taken to come from the address its `X-Forwarded-For` names. Empty: every request
   * comes from its connection's address.
   */
  trustedProxies: string[];
  logLevel: (typeof LOG_LEVELS)[number];
  /**
   * The key that encrypts the secrets of recoverable keys (AES-256-GCM), from
   * `KEYGATE_ENCRYPTION_KEY`; undefined: Keygate keeps one in `encryption.key` in the data folder.
   */
  encryptionKey: Buffer | undefined;
  /** The built dashboard (index.html and assets/), served at `/`. */
  dashboardDir: string;
  /**
   * The origins whose pages may frame the key portal (CSP `frame-ancestors` of `/portal/*` only),
   * from `KEYGATE_EMBED_ORIGINS`; empty: the portal cannot be framed. Every other page never can.
   */
  embedOrigins: string[];
  /** How often GET /v1/events/invalidations writes a heartbeat comment (`KEYGATE_EVENTS_HEARTBEAT_MS`). */
  eventsHeartbeatMs: number;
  /**
   * Hosts, addresses and CIDRs webhooks may reach although private or loopback
   * (`KEYGATE_WEBHOOK_ALLOW_HOSTS`); empty: only public addresses.
   */
  webhookAllowHosts: string[];
  /** Whether webhook URLs may be plain http (`KEYGATE_WEBHOOK_ALLOW_HTTP`, default false). */
  webhookAllowHttp: boolean;
  /**
   * The JSON file of GitHub's secret-scanning public keys, `{ public_keys: [{ key_identifier, key,
   * is_current }] }` (`KEYGATE_SECRET_SCANNING_KEYS_FILE`); unset: POST /v1/secret-scanning/github
   * answers 503.
   */
  secretScanningKeysFile: string | undefined;
}

/** Thrown when the environment holds a bad value; the message names the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Parses the environment into a {@link Config}.
 * @example loadConfig({ PORT: "9000" }).port === 9000
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join("; ")}`);
  }
  const value = parsed.data;
  if ((value.KEYGATE_ADMIN_EMAIL === undefined) !== (value.KEYGATE_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError(
      "invalid configuration: KEYGATE_ADMIN_EMAIL and KEYGATE_ADMIN_PASSWORD must be set together",
    );
  }
  const publicUrl = (value.KEYGATE_PUBLIC_URL ?? `http://localhost:${value.PORT}`).replace(/\/+$/, "");
  return {
    port: value.PORT,
    host: value.HOST,
    dataDir: path.resolve(value.KEYGATE_DATA_DIR),
    databaseUrl: value.DATABASE_URL,
    redisUrl: value.REDIS_URL,
    redisPrefix: value.KEYGATE_REDIS_PREFIX,
    dbPoolSize: value.KEYGATE_DB_POOL_SIZE,
    nodeId: value.KEYGATE_NODE_ID ?? `${hostname()}-${process.pid}`,
    invalidation: value.KEYGATE_INVALIDATION,
    adminEmail: value.KEYGATE_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: value.KEYGATE_ADMIN_PASSWORD,
    publicUrl,
    secureCookies: publicUrl.startsWith("https://"),
    trustedProxies: value.KEYGATE_TRUSTED_PROXIES,
    logLevel: value.LOG_LEVEL,
    encryptionKey: value.KEYGATE_ENCRYPTION_KEY,
    dashboardDir: value.KEYGATE_DASHBOARD_DIR
      ? path.resolve(value.KEYGATE_DASHBOARD_DIR)
      : BUILT_DASHBOARD_DIR,
    embedOrigins: value.KEYGATE_EMBED_ORIGINS,
    eventsHeartbeatMs: value.KEYGATE_EVENTS_HEARTBEAT_MS,
    webhookAllowHosts: value.KEYGATE_WEBHOOK_ALLOW_HOSTS,
    webhookAllowHttp: value.KEYGATE_WEBHOOK_ALLOW_HTTP,
    secretScanningKeysFile: value.KEYGATE_SECRET_SCANNING_KEYS_FILE
      ? path.resolve(value.KEYGATE_SECRET_SCANNING_KEYS_FILE)
      : undefined,
  };
}
