/**
 * What "Generate Key" asks the server for: a Shared Key + Secret Key pair of the app, named for
 * the app and its environment as seed 004 advises (`shop-prod`, `shop-prod-2`), holding every
 * scope the app's connected APIs offer, with the expiry the workspace policy demands (seed 001's
 * 90 days of rotation advice, shortened to the policy's longest lifetime).
 */
import type { Body, Workspace } from "../../api/types";
import type { Environment } from "../../app/permissions";

const DAY_MS = 86_400_000;
const ROTATION_DAYS = 90;
/** Room for the trip to the server, whose clock measures the lifetime. */
const CLOCK_MARGIN_MS = 5 * 60_000;
const MAX_NAME = 200;

const SHORT: Record<Environment, string> = { production: "prod", staging: "staging", development: "dev" };

export type KeyPairBody = Body<"/v1/keys", "post">;

/** `Shop (EU)` in production -> `shop-eu-prod`; the nth key gets `-n`. */
export function pairKeyName(title: string, environment: Environment, existingKeys: number): string {
  const slug =
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "app";
  const base = `${slug}-${SHORT[environment]}`;
  return (existingKeys === 0 ? base : `${base}-${existingKeys + 1}`).slice(0, MAX_NAME);
}

/** The part of the workspace's key policy a new key's expiry depends on. */
type ExpiryPolicy = Pick<Workspace["policy"], "expiryRequired" | "maxKeyLifetimeSeconds">;

/** The expiry a new key needs under the policy (`null`: it may never expire). */
export function policyExpiry(policy: ExpiryPolicy, now: number = Date.now()): string | null {
  const max = policy.maxKeyLifetimeSeconds;
  if (max === null && !policy.expiryRequired) return null;
  const rotation = ROTATION_DAYS * DAY_MS;
  const lifetime = max === null ? rotation : Math.min(rotation, max * 1000 - CLOCK_MARGIN_MS);
  return new Date(now + Math.max(lifetime, 60_000)).toISOString();
}

/** Every scope offered by these APIs, each once, sorted. */
export function offeredScopes(apis: ReadonlyArray<{ scopes: readonly string[] }>): string[] {
  return [...new Set(apis.flatMap((item) => item.scopes))].sort();
}

export function keyPairBody(input: {
  app: { id: string; title: string; environment: Environment };
  apis: ReadonlyArray<{ scopes: readonly string[] }>;
  existingKeys: number;
  policy: ExpiryPolicy;
}): KeyPairBody {
  return {
    name: pairKeyName(input.app.title, input.app.environment, input.existingKeys),
    kind: "pair",
    appId: input.app.id,
    scopes: offeredScopes(input.apis),
    expiresAt: policyExpiry(input.policy),
  };
}
