/**
 * Whose keys a caller may verify. `keys:verify` verifies the keys of the caller's own workspace;
 * `keys:verify:any` (held only by the operator's root keys and admins: principal.ts) verifies the
 * keys of every workspace and implies the right to verify, so an operator root key granted only
 * `keys:verify:any` needs no `keys:verify` beside it. Its VALID answers name the key's workspace.
 */

import { hasPermission, type Principal } from "../domain/principal.js";
import { forbidden } from "../errors.js";

/** `own`: keys of the caller's workspace only (others are NOT_FOUND); `any`: every workspace's. */
export type VerifyReach = "own" | "any";

/** The caller's reach, or `undefined` when it may not verify at all. */
export function verifyReachOf(principal: Principal): VerifyReach | undefined {
  if (hasPermission(principal, "keys:verify:any")) return "any";
  if (hasPermission(principal, "keys:verify")) return "own";
  return undefined;
}

/** The caller's reach; throws `FORBIDDEN` (as a route's access rule words it) when it has none. */
export function requireVerifyReach(principal: Principal): VerifyReach {
  const reach = verifyReachOf(principal);
  if (reach === undefined) throw forbidden("this needs the keys:verify permission");
  return reach;
}
