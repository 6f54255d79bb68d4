/**
 * A tenant as the operator sees it (platform mode): one customer workspace of the platform, with
 * the platform's customer id, its plan, whether it is suspended, its branding override, how many
 * live keys it has and when one was last verified.
 */
import type { Plan, WorkspaceRow } from "../../store/schema.js";
import { type Branding, readBranding } from "../portal/branding.js";
import { type PublicEntitlements, publicEntitlements } from "./workspaces.js";

/** What an `externalId` (the platform's customer id) may hold: 1-200 of `A-Z a-z 0-9 . _ : @ -`. */
export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,200}$/;

export interface PublicTenant {
  id: string;
  name: string;
  externalId: string | null;
  plan: Plan;
  keyPrefix: string;
  suspended: boolean;
  suspendedAt: string | null;
  branding: Branding;
  /** Live (not deleted) keys. */
  keyCount: number;
  lastVerifiedAt: string | null;
  entitlements: PublicEntitlements;
  createdAt: string;
  updatedAt: string;
}

export function toPublicTenant(row: WorkspaceRow): PublicTenant {
  return {
    id: row.id,
    name: row.name,
    externalId: row.external_id,
    plan: row.plan,
    keyPrefix: row.key_prefix,
    suspended: row.suspended_at !== null,
    suspendedAt: row.suspended_at?.toISOString() ?? null,
    branding: readBranding(row.branding),
    keyCount: row.live_keys,
    lastVerifiedAt: row.last_verified_at?.toISOString() ?? null,
    entitlements: publicEntitlements(row.plan),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
