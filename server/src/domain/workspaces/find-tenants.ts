/**
 * Reading tenants (platform mode): one by id, or the paged list with its filters. The operator's
 * own workspace is not a tenant and a deleted tenant is gone: both are NOT_FOUND here.
 */
import type { Kysely, Transaction } from "kysely";
import { notFound } from "../../errors.js";
import type { Database, Plan, WorkspaceRow } from "../../store/schema.js";
import { newestFirst } from "../paging.js";
import { type PublicTenant, toPublicTenant } from "./tenant-object.js";

type Db = Kysely<Database> | Transaction<Database>;

/** The live tenants: never the operator's workspace, never a deleted one. */
function liveTenants(db: Db) {
  return db.selectFrom("workspaces").selectAll().where("kind", "=", "tenant").where("deleted_at", "is", null);
}

/** The live tenant with this id; throws `NOT_FOUND` for any other id (the operator's too). */
export async function findTenant(db: Db, id: string): Promise<WorkspaceRow> {
  const row = await liveTenants(db).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("workspace");
  return row;
}

/** {@link findTenant}, locking the row until the transaction ends. */
export async function lockTenant(trx: Transaction<Database>, id: string): Promise<WorkspaceRow> {
  const row = await liveTenants(trx).where("id", "=", id).forUpdate().executeTakeFirst();
  if (!row) throw notFound("workspace");
  return row;
}

export interface TenantFilters {
  /** Exactly this customer id. */
  externalId?: string | undefined;
  /** Contained in the name or the customer id, in any case. */
  search?: string | undefined;
  plan?: Plan | undefined;
  suspended?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The live tenants matching every filter given, newest first, cursor-paged. */
export async function listTenants(
  db: Db,
  filters: TenantFilters,
): Promise<{ data: PublicTenant[]; nextCursor: string | null }> {
  let query = liveTenants(db);
  if (filters.externalId !== undefined) query = query.where("external_id", "=", filters.externalId);
  if (filters.plan !== undefined) query = query.where("plan", "=", filters.plan);
  if (filters.suspended !== undefined) {
    query = query.where("suspended_at", filters.suspended ? "is not" : "is", null);
  }
  const { search } = filters;
  if (search !== undefined && search !== "") {
    const pattern = `%${escapeLike(search)}%`;
    query = query.where((eb) => eb.or([eb("name", "ilike", pattern), eb("external_id", "ilike", pattern)]));
  }
  const page = await newestFirst(query, filters);
  return { data: page.data.map(toPublicTenant), nextCursor: page.nextCursor };
}
