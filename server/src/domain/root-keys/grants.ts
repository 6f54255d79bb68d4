/**
 * The grant rule for root keys: a caller may only hand out what it holds itself. A root key holds
 * its permissions (`*` holds all); a signed-in user holds the permissions of their role, so only a
 * role that holds every permission (the owner) may grant `*`. `*` means every permission the
 * workspace can hold: for a tenant, all but the operator's (platform mode).
 */
import { forbidden, validationFailed } from "../../errors.js";
import {
  type Grant,
  hasPermission,
  isOperatorPermission,
  PERMISSIONS,
  type Principal,
} from "../principal.js";

/** Whether the principal holds this grant (for `*`: every permission). */
export function holdsGrant(principal: Principal, grant: Grant): boolean {
  if (grant === "*") {
    if (principal.type === "root_key") return principal.permissions.includes("*");
    const holdable = PERMISSIONS.filter(
      (permission) => !isOperatorPermission(permission) || (principal.type === "user" && principal.operator),
    );
    return holdable.every((permission) => hasPermission(principal, permission));
  }
  return hasPermission(principal, grant);
}

/** Throws `FORBIDDEN` naming the first grant the principal does not hold itself. */
export function requireCanGrant(principal: Principal, grants: readonly Grant[]): void {
  const missing = grants.find((grant) => !holdsGrant(principal, grant));
  if (missing === undefined) return;
  throw forbidden(
    missing === "*"
      ? "you cannot grant *: you do not hold every permission yourself"
      : `you cannot grant the ${missing} permission: you do not hold it yourself`,
  );
}

/**
 * Throws `VALIDATION_FAILED` naming the first operator permission (`workspaces:*`,
 * `keys:verify:any`, `portal:write`) in grants for a root key of a tenant: only the operator's
 * workspace can hold them, so such a key could never use them.
 */
export function requireHoldableByWorkspace(operator: boolean, grants: readonly Grant[]): void {
  if (operator) return;
  const index = grants.findIndex((grant) => grant !== "*" && isOperatorPermission(grant));
  if (index === -1) return;
  const message = `${grants[index]} is an operator permission: only the operator's workspace can hold it`;
  throw validationFailed(`permissions.${index}: ${message}`, [{ path: `permissions.${index}`, message }]);
}
