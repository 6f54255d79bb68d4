/**
 * The rules around the owner role: only a signed-in owner may grant it, change an owner's role or
 * remove an owner (a root key may not, whatever its permissions), and a workspace always keeps at
 * least one owner.
 */
import type { Transaction } from "kysely";
import { conflict, forbidden } from "../../http/errors.js";
import type { Database } from "../../store/schema.js";
import type { Principal } from "../principal.js";

/** Throws `FORBIDDEN` unless the caller is a signed-in owner. */
export function requireOwner(principal: Principal, what: string): void {
  if (principal.type !== "user" || principal.role !== "owner") {
    throw forbidden(`only an owner may ${what}`);
  }
}

/** Throws `CONFLICT` when `userId` is the workspace's only owner. */
export async function requireAnotherOwner(
  trx: Transaction<Database>,
  workspaceId: string,
  userId: string,
  what: string,
): Promise<void> {
  const other = await trx
    .selectFrom("memberships")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .where("user_id", "!=", userId)
    .executeTakeFirst();
  if (!other) throw conflict(`the last owner cannot be ${what}; make another member owner first`);
}
