/**
 * What the signed-in person may do, so screens hide what the API would refuse. The role table is
 * the server's own (server/src/domain/principal.ts), imported, not copied; the API checks again.
 * A key portal session (platform mode) brings its own list of permissions, computed by the server
 * from its role and features, and says whether usage may be shown.
 */
import { type Permission, ROLE_PERMISSIONS } from "../../../server/src/domain/principal";
import type { Role } from "../api/types";

export type { Permission };

export type Environment = "development" | "staging" | "production";

export interface Abilities {
  role: Role;
  can(permission: Permission): boolean;
  /** Create or rotate a key of an app in this environment (developers: outside production only). */
  canIssue(environment: Environment | null | undefined): boolean;
  /** Edit, enable, disable, revoke or delete keys (not developers, see domain/keys/key-access.ts). */
  canManageKeys: boolean;
  /** See a recoverable key's secret again (owners and admins). */
  canReveal: boolean;
  /** See a key's usage chart (everyone in the dashboard; a portal session only with its `usage` feature). */
  canSeeUsage: boolean;
}

/** The abilities of a role held in a workspace of the dashboard. */
export function abilitiesOf(role: Role): Abilities {
  return abilitiesFrom(role, ROLE_PERMISSIONS[role], { usage: true });
}

/**
 * The abilities of a role narrowed to a list of permissions (a portal session's): whatever the
 * list lacks is hidden, whatever the role says still applies (developers and production keys).
 */
export function abilitiesFrom(
  role: Role,
  permissions: readonly string[],
  { usage }: { usage: boolean },
): Abilities {
  const held = new Set<string>(permissions);
  const can = (permission: Permission) => held.has(permission);
  const isDeveloper = role === "developer";
  return {
    role,
    can,
    canIssue: (environment) => can("keys:write") && !(isDeveloper && environment === "production"),
    canManageKeys: can("keys:write") && !isDeveloper,
    canReveal: (role === "owner" || role === "admin") && can("keys:read"),
    canSeeUsage: usage && can("keys:read"),
  };
}
