/**
 * The rules around the owner role: only a signed-in owner may grant it, change an owner's role or
 * remove an owner (a root key may not, whatever its permissions), and a workspace always keeps at
 * least one owner.
 */
import type { Kysely, Transaction } from "kysely";
import { conflict, forbidden } from "../../errors.js";
import type { Database } from "../../store/schema.js";
import type { Principal } from "../principal.js";

/** Throws `FORBIDDEN` unless the caller is a signed-in owner. */
export function requireOwner(principal: Principal, what: string): void {
  if (principal.type !== "user" || principal.role !== "owner") {
    throw forbidden(`only an owner may ${what}`);
  }
}

/** Whether the workspace has an owner (other than `exceptUserId`, when given). */
export async function hasOwner(
  db: Kysely<Database>,
  workspaceId: string,
  exceptUserId?: string,
): Promise<boolean> {
  let query = db
    .selectFrom("memberships")
    .select("user_id")
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner");
  if (exceptUserId !== undefined) query = query.where("user_id", "!=", exceptUserId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Throws `CONFLICT` when `userId` is the workspace's only owner. */
export async function requireAnotherOwner(
  trx: Transaction<Database>,
  workspaceId: string,
  userId: string,
  what: string,
): Promise<void> {
  if (!(await hasOwner(trx, workspaceId, userId))) {
    throw conflict(`the last owner cannot be ${what}; make another member owner first`);
  }
}
