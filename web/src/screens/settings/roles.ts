/**
 * The four roles in words, and which of them the reader may hand out: owners any, admins any but
 * owner (the server's rule, domain/members/owner-rules.ts; the API refuses the rest anyway).
 */
import { ROLES } from "../../../../server/src/domain/principal";
import type { Role } from "../../api/types";

export { ROLES };

export const ROLE_NAMES: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  developer: "Developer",
  viewer: "Viewer",
};

export const ROLE_SUMMARIES: Record<Role, string> = {
  owner: "everything, including members, the workspace settings and other owners",
  admin: "every key, app and connected API, and members (but not owners)",
  developer: "creates and rotates keys of non-production apps; reads the rest",
  viewer: "reads keys, apps, connected APIs, members and the audit log",
};

/** The roles someone with this role may grant. */
export function grantableRoles(role: Role, canManageMembers: boolean): Role[] {
  if (!canManageMembers) return [];
  return role === "owner" ? [...ROLES] : ROLES.filter((candidate) => candidate !== "owner");
}

/** Whether the reader may change or remove a member who has `target`. */
export function canManageMember(reader: Role, canManageMembers: boolean, target: Role): boolean {
  return canManageMembers && (target !== "owner" || reader === "owner");
}
