/**
 * Who may change identities, beyond the route's permission (`keys:write`): not developers (an
 * identity's meta and shared limits reach every key of it, production ones too), as they may not
 * manage keys. And the plan rule: shared rate limits need the plan's usage limits.
 */
import { forbidden } from "../../errors.js";
import type { Plan } from "../../store/schema.js";
import { isDeveloper } from "../keys/key-access.js";
import type { Principal } from "../principal.js";
import { requireFeature } from "../workspaces/entitlements.js";
import type { IdentityRateLimit } from "./identity-fields.js";

/** Refuses a developer creating, editing or deleting an identity, or revoking its keys. */
export function assertMayChangeIdentities(principal: Principal, verb: string): void {
  if (isDeveloper(principal)) throw forbidden(`developers may not ${verb}; ask an admin`);
}

/** Refuses rate limits on a plan without usage limits (402 PLAN_REQUIRED); [] is always allowed. */
export function checkRateLimitsPlan(plan: Plan, rateLimits: readonly IdentityRateLimit[] | undefined): void {
  if (rateLimits !== undefined && rateLimits.length > 0) requireFeature(plan, "usageLimits");
}
