/** Workspaces: the tenant every key, app, member and event belongs to. */
import type { Kysely, Transaction } from "kysely";
import { notFound } from "../../errors.js";
import type { Database, Plan, WorkspaceKind, WorkspaceRow } from "../../store/schema.js";
import { type PublicHygienePolicy, toPublicHygienePolicy } from "../hygiene/hygiene-policy.js";
import { newId } from "../ids.js";
import { type Branding, readBranding } from "../portal/branding.js";
import { ENTITLEMENTS, type Entitlements } from "./entitlements.js";
import { type ForeignKeyFormat, readForeignKeyFormats } from "./foreign-key-formats.js";

type Db = Kysely<Database> | Transaction<Database>;

/** A plan's entitlements as the API answers them: `null` for a limit the plan does not have. */
export type PublicEntitlements = Omit<Entitlements, "maxMembers" | "maxKeys"> & {
  maxMembers: number | null;
  maxKeys: number | null;
};

export interface PublicWorkspace {
  id: string;
  name: string;
  /** `operator` for the platform's own workspace, `tenant` for each of its customers. */
  kind: WorkspaceKind;
  /** The platform's own id of this customer; null for the operator and tenants made without one. */
  externalId: string | null;
  /** Whether it is suspended (its keys verify as WORKSPACE_SUSPENDED). */
  suspended: boolean;
  /** The portal's look as this workspace sets it (a tenant's overrides the operator's); null where unset. */
  branding: Branding;
  plan: Plan;
  keyPrefix: string;
  /** Key policy and key hygiene policy (hygiene/hygiene-policy.ts). */
  policy: PublicHygienePolicy;
  /** Whether new keys' secrets are also kept encrypted, so admins can reveal them later. */
  recoverableKeys: boolean;
  /** Formats of keys issued elsewhere that verification looks up (foreign-key-formats.ts). */
  foreignKeyFormats: ForeignKeyFormat[];
  entitlements: PublicEntitlements;
  createdAt: string;
  updatedAt: string;
}

const finite = (n: number) => (Number.isFinite(n) ? n : null);

/** What the plan includes, from the entitlements table, as the API answers it. */
export function publicEntitlements(plan: Plan): PublicEntitlements {
  const e = ENTITLEMENTS[plan];
  return { ...e, maxMembers: finite(e.maxMembers), maxKeys: finite(e.maxKeys) };
}

export function toPublicWorkspace(row: WorkspaceRow): PublicWorkspace {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    externalId: row.external_id,
    suspended: row.suspended_at !== null,
    branding: readBranding(row.branding),
    plan: row.plan,
    keyPrefix: row.key_prefix,
    policy: toPublicHygienePolicy(row),
    recoverableKeys: row.recoverable_keys,
    foreignKeyFormats: readForeignKeyFormats(row.foreign_key_formats),
    entitlements: publicEntitlements(row.plan),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function createWorkspace(
  db: Db,
  input: {
    name: string;
    plan: Plan;
    keyPrefix: string;
    at: Date;
    /** `tenant` unless given: only bootstrap makes the operator's. */
    kind?: WorkspaceKind;
    externalId?: string | null;
  },
): Promise<WorkspaceRow> {
  const row: WorkspaceRow = {
    id: newId("workspace"),
    name: input.name,
    plan: input.plan,
    key_prefix: input.keyPrefix,
    max_key_lifetime_seconds: null,
    expiry_required: false,
    live_keys: 0,
    recoverable_keys: false,
    kind: input.kind ?? "tenant",
    external_id: input.externalId ?? null,
    suspended_at: null,
    deleted_at: null,
    branding: {},
    last_verified_at: null,
    foreign_key_formats: [],
    rotation_reminder_days: 90,
    unused_key_days: 30,
    auto_disable_unused_days: null,
    leak_response: "revoke",
    created_at: input.at,
    updated_at: input.at,
  };
  await db
    .insertInto("workspaces")
    .values({
      ...row,
      branding: JSON.stringify(row.branding),
      foreign_key_formats: JSON.stringify(row.foreign_key_formats),
    })
    .execute();
  return row;
}

/** The workspace with this id; throws `NOT_FOUND` when there is none. */
export async function getWorkspace(db: Db, id: string): Promise<WorkspaceRow> {
  const row = await db.selectFrom("workspaces").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound("workspace");
  return row;
}
