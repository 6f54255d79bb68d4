/**
 * Who is calling, and what they may do. A dashboard user acts through a role in the workspace;
 * a root key through its permissions. The API refuses what the dashboard hides.
 */

import { forbidden } from "../errors.js";
import type { Role } from "../store/schema.js";

export const PERMISSIONS = [
  "keys:read",
  "keys:write",
  "keys:verify",
  "apps:read",
  "apps:write",
  "apis:read",
  "apis:write",
  "audit:read",
  "root_keys:read",
  "root_keys:write",
  "members:read",
  "members:write",
  "workspace:read",
  "workspace:write",
] as const;

export type Permission = (typeof PERMISSIONS)[number];
/** What a root key may be granted: any permission, or `*` for all. */
export type Grant = Permission | "*";

/** The roles a member can have, from the most to the least powerful. */
export const ROLES = ["owner", "admin", "developer", "viewer"] as const satisfies readonly Role[];

const READS = PERMISSIONS.filter((p) => p.endsWith(":read"));

/**
 * What each role may do. Developers' key writes are narrowed further by environment (see keys);
 * admins manage members, but only an owner grants, changes or removes the owner role (owner-rules.ts).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: PERMISSIONS,
  admin: PERMISSIONS.filter((p) => p !== "workspace:write"),
  developer: [
    "keys:read",
    "keys:write",
    "keys:verify",
    "apps:read",
    "apis:read",
    "audit:read",
    "members:read",
    "workspace:read",
  ],
  viewer: READS.filter((p) => p !== "root_keys:read"),
};

export type Principal =
  | {
      type: "user";
      userId: string;
      workspaceId: string;
      role: Role;
      /** SHA-256 of the session cookie, to end this session. */
      sessionHash: string;
      csrfToken: string;
    }
  | {
      type: "root_key";
      rootKeyId: string;
      workspaceId: string;
      permissions: readonly Grant[];
    };

/** The actor written into audit events. */
export interface Actor {
  type: "user" | "root_key" | "system";
  id: string | null;
  ip: string | null;
}

export function actorOf(principal: Principal, ip: string | null): Actor {
  return principal.type === "user"
    ? { type: "user", id: principal.userId, ip }
    : { type: "root_key", id: principal.rootKeyId, ip };
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  if (principal.type === "user") return ROLE_PERMISSIONS[principal.role].includes(permission);
  return principal.permissions.includes("*") || principal.permissions.includes(permission);
}

/** Throws `FORBIDDEN` unless the principal holds the permission. */
export function requirePermission(principal: Principal, permission: Permission): void {
  if (!hasPermission(principal, permission)) {
    throw forbidden(`this needs the ${permission} permission`);
  }
}
