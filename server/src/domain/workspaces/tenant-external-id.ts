/**
 * The platform's customer id of a tenant is unique among live tenants: a second tenant with a
 * taken id is a conflict (409), checked before the write and again by the store's unique index.
 */
import type { Transaction } from "kysely";
import { type ApiError, conflict } from "../../errors.js";
import type { Database } from "../../store/schema.js";

export const externalIdTaken = (externalId: string): ApiError =>
  conflict(`a workspace with the externalId "${externalId}" already exists`);

/** Throws `CONFLICT` when a workspace already has this customer id. */
export async function requireExternalIdFree(trx: Transaction<Database>, externalId: string): Promise<void> {
  const taken = await trx
    .selectFrom("workspaces")
    .select("id")
    .where("external_id", "=", externalId)
    .executeTakeFirst();
  if (taken) throw externalIdTaken(externalId);
}

/** Whether the store refused a write for a unique index (PostgreSQL and PGlite: SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "23505";
}
