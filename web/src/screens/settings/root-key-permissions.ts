/**
 * The permissions a root key of a workspace may hold: every permission for the operator's
 * workspace; a tenant's root key none of the operator's own (`workspaces:*`, `keys:verify:any`,
 * `portal:write`), which the server refuses with 400. Both lists come from the server's table.
 */
import { isOperatorPermission, PERMISSIONS, type Permission } from "../../../../server/src/domain/principal";

export const TENANT_ROOT_KEY_PERMISSIONS: readonly Permission[] = PERMISSIONS.filter(
  (permission) => !isOperatorPermission(permission),
);

/** What the root key form offers in a workspace of this kind. */
export function rootKeyPermissionsFor(kind: "operator" | "tenant"): readonly Permission[] {
  return kind === "operator" ? PERMISSIONS : TENANT_ROOT_KEY_PERMISSIONS;
}
