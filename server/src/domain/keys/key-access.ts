/**
 * Who may change which key, beyond the route's permission (`keys:write`): developers create and
 * rotate keys outside production only, and may not edit, enable, disable, revoke or delete keys.
 * Admins, owners and root keys with `keys:write` may do everything.
 */
import type { AppContext } from "../../app/context.js";
import { forbidden } from "../../errors.js";
import type { Environment } from "../../store/schema.js";
import type { Principal } from "../principal.js";

/** The caller of a key operation: who, and from where (for the audit trail). */
export interface Caller {
  principal: Principal;
  ip: string | null;
}

/** What a key operation needs from the context. */
export type KeyDeps = Pick<AppContext, "store" | "clock" | "invalidation">;

/** A member, or a person in the key portal, with the developer role. */
export const isDeveloper = (principal: Principal) =>
  (principal.type === "user" || principal.type === "portal") && principal.role === "developer";

/** Refuses a developer creating or rotating a production key. */
export function assertMayIssue(
  principal: Principal,
  environment: Environment,
  verb: "create" | "rotate",
): void {
  if (isDeveloper(principal) && environment === "production") {
    throw forbidden(`developers may ${verb} keys only outside production; ask an admin for a production key`);
  }
}

/** Refuses a developer editing, enabling, disabling, revoking or deleting a key. */
export function assertMayManage(principal: Principal, verb: string): void {
  if (isDeveloper(principal)) throw forbidden(`developers may not ${verb} keys; ask an admin`);
}
