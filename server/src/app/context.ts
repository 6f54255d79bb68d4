/**
 * The typed context every part receives: built once at start, never a module-level singleton.
 * Tests build their own with a manual clock and a fresh store.
 */
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { Config } from "../config/config.js";
import { createKeyCreation, type KeyCreation } from "../domain/keys/key-creation.js";
import { RootKeyAuthenticator, storeRootKeyRead } from "../domain/root-keys/root-key-authenticator.js";
import { SecretBox } from "../domain/secrets/secret-box.js";
import { LoginThrottle } from "../http/auth/login-throttle.js";
import { createMetrics, type Metrics } from "../observability/metrics.js";
import type { Store } from "../store/database.js";
import { createVerification } from "../verifier/create-verification.js";
import type { ForeignFormats } from "../verifier/foreign-formats.js";
import { type Invalidation, LocalInvalidation } from "../verifier/invalidation.js";
import type { RateLimiter } from "../verifier/rate-limiter.js";
import type { UsageBuffer } from "../verifier/usage-buffer.js";
import type { VerificationCacheOptions } from "../verifier/verification-cache.js";
import type { Verifier } from "../verifier/verifier.js";
import { loadEncryptionKey } from "./encryption-key.js";

export interface AppContext {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  invalidation: Invalidation;
  rootKeys: RootKeyAuthenticator;
  loginThrottle: LoginThrottle;
  /** Judges presented keys (POST /v1/keys/verify). */
  verifier: Verifier;
  rateLimiter: RateLimiter;
  /** Buffered verification usage, written every second and on close. */
  usage: UsageBuffer;
  /** Every workspace's foreign key formats, compiled for verification (loaded by createApp). */
  foreignFormats: ForeignFormats;
  /** Remembered workspaces and the group commit of key creation. */
  keyCreation: KeyCreation;
  /** Seals and opens the secrets of recoverable keys (AES-256-GCM). */
  secrets: SecretBox;
}

export interface ContextOptions {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  invalidation?: Invalidation;
  /** The registry of metrics, when the caller made it first (the server's parts share it). */
  metrics?: Metrics;
  /** Collect process metrics (CPU, memory, event loop); off in tests. */
  defaultMetrics?: boolean;
  /** Per-key rate limits; in memory by default. */
  rateLimiter?: RateLimiter;
  /** Sizes and lifetimes of the verifier's cache. */
  verificationCache?: VerificationCacheOptions;
  /** How often verification usage is written (default 1000 ms). */
  usageFlushIntervalMs?: number;
  /** The box of recoverable keys' secrets; by default keyed as configured (app/encryption-key.ts). */
  secrets?: SecretBox;
}

export function createContext(options: ContextOptions): AppContext {
  const invalidation = options.invalidation ?? new LocalInvalidation();
  const metrics = options.metrics ?? createMetrics({ defaultMetrics: options.defaultMetrics ?? false });
  return {
    config: options.config,
    store: options.store,
    clock: options.clock,
    logger: options.logger,
    metrics,
    invalidation,
    rootKeys: new RootKeyAuthenticator(storeRootKeyRead(options.store.db), invalidation),
    loginThrottle: new LoginThrottle(options.clock),
    keyCreation: createKeyCreation(options.store.db),
    secrets: options.secrets ?? new SecretBox(() => loadEncryptionKey(options.config, options.logger)),
    ...createVerification({
      db: options.store.db,
      clock: options.clock,
      metrics,
      logger: options.logger,
      invalidation,
      rateLimiter: options.rateLimiter,
      cache: options.verificationCache,
      usageFlushIntervalMs: options.usageFlushIntervalMs,
    }),
  };
}
