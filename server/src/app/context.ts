/**
 * The typed context every part receives: built once at start, never a module-level singleton.
 * Tests build their own with a manual clock and a fresh store.
 */
import type { Logger } from "pino";
import type { Clock } from "../clock.js";
import type { Config } from "../config/config.js";
import { RootKeyAuthenticator } from "../domain/root-keys/root-key-authenticator.js";
import { LoginThrottle } from "../http/auth/login-throttle.js";
import { createMetrics, type Metrics } from "../observability/metrics.js";
import type { Store } from "../store/database.js";
import { type Invalidation, LocalInvalidation } from "../verifier/invalidation.js";

export interface AppContext {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  metrics: Metrics;
  invalidation: Invalidation;
  rootKeys: RootKeyAuthenticator;
  loginThrottle: LoginThrottle;
}

export interface ContextOptions {
  config: Config;
  store: Store;
  clock: Clock;
  logger: Logger;
  invalidation?: Invalidation;
  /** Collect process metrics (CPU, memory, event loop); off in tests. */
  defaultMetrics?: boolean;
}

export function createContext(options: ContextOptions): AppContext {
  const invalidation = options.invalidation ?? new LocalInvalidation();
  return {
    config: options.config,
    store: options.store,
    clock: options.clock,
    logger: options.logger,
    metrics: createMetrics({ defaultMetrics: options.defaultMetrics ?? false }),
    invalidation,
    rootKeys: new RootKeyAuthenticator(options.store.db, invalidation),
    loginThrottle: new LoginThrottle(options.clock),
  };
}
