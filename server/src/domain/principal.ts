/**
 * Who is calling, and what they may do. A dashboard user acts through a role in the workspace;
 * a root key through its permissions; a portal user (platform mode) through the role and features
 * its portal session was opened with. The API refuses what the dashboard hides.
 *
 * Operator permissions (`workspaces:*`, `keys:verify:any`, `portal:write`) are held only by
 * principals of the operator's workspace: a tenant's root key never has them, not even with `*`.
 */

import { forbidden } from "../errors.js";
import type { PortalFeature, PortalRole, Role } from "../store/schema.js";

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
  "webhooks:read",
  "webhooks:write",
  "reports:read",
  // The operator's workspace only (platform mode):
  "workspaces:read",
  "workspaces:write",
  "keys:verify:any",
  "portal:write",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Permissions that only principals of the operator's workspace can hold. */
export const OPERATOR_PERMISSIONS = [
  "workspaces:read",
  "workspaces:write",
  "keys:verify:any",
  "portal:write",
] as const satisfies readonly Permission[];

export type OperatorPermission = (typeof OPERATOR_PERMISSIONS)[number];

export function isOperatorPermission(permission: string): permission is OperatorPermission {
  return (OPERATOR_PERMISSIONS as readonly string[]).includes(permission);
}

/** The workspace permissions: every permission but the operator's. */
const WORKSPACE_PERMISSIONS = PERMISSIONS.filter((p) => !isOperatorPermission(p));
/** What a root key may be granted: any permission, or `*` for all. */
export type Grant = Permission | "*";

/** The roles a member can have, from the most to the least powerful. */
export const ROLES = ["owner", "admin", "developer", "viewer"] as const satisfies readonly Role[];

const READS = WORKSPACE_PERMISSIONS.filter((p) => p.endsWith(":read"));

/**
 * What each role may do. Developers' key writes are narrowed further by environment (see keys);
 * admins manage members, but only an owner grants, changes or removes the owner role (owner-rules.ts).
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: WORKSPACE_PERMISSIONS,
  admin: WORKSPACE_PERMISSIONS.filter((p) => p !== "workspace:write"),
  developer: [
    "keys:read",
    "keys:write",
    "keys:verify",
    "apps:read",
    "apis:read",
    "audit:read",
    "members:read",
    "workspace:read",
    "webhooks:read",
    "reports:read",
  ],
  viewer: READS.filter((p) => p !== "root_keys:read"),
};

/**
 * What an operator's owners and admins may do beyond their role: manage the tenants, and grant
 * the operator's permissions to the platform's root keys.
 */
const OPERATOR_ROLE_PERMISSIONS: Record<Role, readonly OperatorPermission[]> = {
  owner: OPERATOR_PERMISSIONS,
  admin: OPERATOR_PERMISSIONS,
  developer: [],
  viewer: [],
};

/**
 * What a portal session may do: its role's permissions, narrowed to the features it was opened
 * with, and never root keys, members, workspace settings or anything of the operator's.
 */
export function portalPermissions(role: PortalRole, features: readonly PortalFeature[]): Permission[] {
  const allowed = new Set<Permission>(["workspace:read"]);
  const has = (feature: PortalFeature) => features.includes(feature);
  if (has("keys") || has("apps") || has("usage")) allowed.add("keys:read");
  if (has("keys") || has("apps")) allowed.add("keys:write");
  if (has("apps") || has("keys")) {
    allowed.add("apps:read");
    allowed.add("apis:read");
  }
  if (has("apps")) {
    allowed.add("apps:write");
    allowed.add("apis:write");
  }
  if (has("audit")) allowed.add("audit:read");
  return ROLE_PERMISSIONS[role].filter((p) => allowed.has(p));
}

export type Principal =
  | {
      type: "user";
      userId: string;
      workspaceId: string;
      /** Whether the workspace is the operator's (platform mode). */
      operator: boolean;
      role: Role;
      /** SHA-256 of the session cookie, to end this session. */
      sessionHash: string;
      csrfToken: string;
    }
  | {
      type: "root_key";
      rootKeyId: string;
      workspaceId: string;
      /** Whether the key belongs to the operator's workspace (platform mode). */
      operator: boolean;
      permissions: readonly Grant[];
    }
  | {
      /** A person of the platform in the key portal of one tenant (platform mode). */
      type: "portal";
      workspaceId: string;
      /** The platform's id of the person; audit events name them `portal:<externalId>`. */
      externalId: string;
      email: string;
      name: string;
      role: PortalRole;
      features: readonly PortalFeature[];
      /** From {@link portalPermissions}, computed once when the session is read. */
      permissions: readonly Permission[];
      returnUrl: string | null;
      /** SHA-256 of the portal cookie, to end this session. */
      sessionHash: string;
      csrfToken: string;
    };

/** The actor written into audit events. */
export interface Actor {
  type: "user" | "root_key" | "system" | "portal";
  /** A user's or root key's id; `portal:<externalId>` for a portal user. */
  id: string | null;
  ip: string | null;
  /** A portal user's email; absent for the others. */
  label?: string | null;
}

/** The audit actor id of a portal user. */
export const portalActorId = (externalId: string) => `portal:${externalId}`;

export function actorOf(principal: Principal, ip: string | null): Actor {
  switch (principal.type) {
    case "user":
      return { type: "user", id: principal.userId, ip };
    case "root_key":
      return { type: "root_key", id: principal.rootKeyId, ip };
    case "portal":
      return { type: "portal", id: portalActorId(principal.externalId), ip, label: principal.email };
  }
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  switch (principal.type) {
    case "user":
      return isOperatorPermission(permission)
        ? principal.operator && OPERATOR_ROLE_PERMISSIONS[principal.role].includes(permission)
        : ROLE_PERMISSIONS[principal.role].includes(permission);
    case "portal":
      return principal.permissions.includes(permission);
    case "root_key":
      if (isOperatorPermission(permission) && !principal.operator) return false;
      return principal.permissions.includes("*") || principal.permissions.includes(permission);
  }
}

/** Throws `FORBIDDEN` unless the principal holds the permission. */
export function requirePermission(principal: Principal, permission: Permission): void {
  if (!hasPermission(principal, permission)) {
    throw forbidden(`this needs the ${permission} permission`);
  }
}
