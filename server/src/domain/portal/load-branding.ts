/** Reads the effective branding of a tenant's portal: its override over the operator's. */
import type { Kysely } from "kysely";
import type { Database } from "../../store/schema.js";
import { hashSecret } from "../key-format.js";
import { type EffectiveBranding, effectiveBranding, readBranding } from "./branding.js";

/**
 * The branding the portal of this tenant shows; with no tenant (an unknown link), the operator's.
 * One read of at most two rows.
 */
export async function loadEffectiveBranding(
  db: Kysely<Database>,
  tenantId: string | undefined,
): Promise<EffectiveBranding> {
  const rows = await db
    .selectFrom("workspaces")
    .select(["id", "kind", "branding"])
    .where((eb) =>
      tenantId === undefined
        ? eb("kind", "=", "operator")
        : eb.or([eb("kind", "=", "operator"), eb("id", "=", tenantId)]),
    )
    .execute();
  const operator = rows.find((row) => row.kind === "operator");
  const tenant = rows.find((row) => row.id === tenantId && row.kind === "tenant");
  return effectiveBranding(readBranding(tenant?.branding), readBranding(operator?.branding));
}

/**
 * What a portal link (used, expired or live) was for, without using it up: its tenant and return
 * address, so the "link expired" page can speak in the platform's name. `undefined` if unknown.
 */
export async function describePortalLink(
  db: Kysely<Database>,
  token: string,
): Promise<{ workspaceId: string; returnUrl: string | null } | undefined> {
  const row = await db
    .selectFrom("portal_tokens")
    .select(["workspace_id", "return_url"])
    .where("token_hash", "=", hashSecret(token))
    .executeTakeFirst();
  return row && { workspaceId: row.workspace_id, returnUrl: row.return_url };
}
