/**
 * What the signed-in person may do, so screens hide what the API would refuse. The role table is
 * the server's own (server/src/domain/principal.ts), imported, not copied; the API checks again.
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
}

export function abilitiesOf(role: Role): Abilities {
  const held = new Set<Permission>(ROLE_PERMISSIONS[role]);
  const can = (permission: Permission) => held.has(permission);
  const isDeveloper = role === "developer";
  return {
    role,
    can,
    canIssue: (environment) => can("keys:write") && !(isDeveloper && environment === "production"),
    canManageKeys: can("keys:write") && !isDeveloper,
    canReveal: role === "owner" || role === "admin",
  };
}
