/**
 * One-time links into the key portal (platform mode). The operator's platform asks for one
 * (`POST /v1/portal/sessions`, or an operator admin's "open as"); the link holds a random token
 * whose SHA-256 alone is stored, valid for 60 seconds by the context's clock, and usable once:
 * opening it (portal-sessions.ts) starts a portal session for that person in that tenant.
 */
import type { Kysely, Transaction } from "kysely";
import { ApiError, conflict, notFound } from "../../errors.js";
import type { Database, PortalFeature, PortalRole, WorkspaceRow } from "../../store/schema.js";
import { randomToken } from "../auth/sessions.js";
import { hashSecret } from "../key-format.js";

/** How long a portal link may wait to be opened. */
export const PORTAL_LINK_TTL_MS = 60_000;

/** Every feature a portal session can be opened with. */
export const PORTAL_FEATURES = ["keys", "apps", "usage", "audit"] as const satisfies readonly PortalFeature[];
export const PORTAL_ROLES = ["admin", "developer", "viewer"] as const satisfies readonly PortalRole[];

/**
 * How long a spent or expired link is kept: long enough for its "link expired" page to name the
 * tenant's product; then the next new link clears it away, so the table holds about an hour.
 */
export const PORTAL_LINK_KEEP_MS = 60 * 60 * 1000;

/** The path of the route that opens a link (answered by http/portal/portal-start.ts). */
export const PORTAL_START_PATH = "/portal/start";

/** The person of the platform the link is for; never a Keygate user. */
export interface PortalUser {
  externalId: string;
  email: string;
  name?: string | undefined;
}

export interface PortalLinkDeps {
  db: Kysely<Database>;
  /** Keygate's public address (`config.publicUrl`), which the link starts with. */
  publicUrl: string;
}

export interface PortalLinkInput {
  /** The tenant's `ws_` id. */
  workspaceId: string;
  user: PortalUser;
  role: PortalRole;
  features: readonly PortalFeature[];
  /** Where the portal's "back" link leads (the platform's settings page), or null for none. */
  returnUrl: string | null;
  /** The root key or user that asked for the link, for the record. */
  createdBy: string | null;
  at: Date;
}

export interface PortalLink {
  /** `<publicUrl>/portal/start?token=...`: hand it to the person's browser, once. */
  url: string;
  expiresAt: Date;
}

/**
 * Refuses a workspace that no portal can open: a missing or deleted one is `NOT_FOUND`, the
 * operator's own workspace `VALIDATION_FAILED` (the portal is for tenants), a suspended tenant
 * `CONFLICT`.
 */
export function assertPortalTenant(workspace: WorkspaceRow | undefined): asserts workspace is WorkspaceRow {
  if (!workspace || workspace.deleted_at !== null) throw notFound("workspace");
  if (workspace.kind === "operator") {
    throw new ApiError(
      "VALIDATION_FAILED",
      "the portal opens a tenant's workspace; the operator's own workspace uses the dashboard",
    );
  }
  if (workspace.suspended_at !== null) {
    throw conflict("the workspace is suspended; resume it before opening its portal");
  }
}

/**
 * Makes a portal link for one person into one tenant.
 *
 * @example
 * const { url } = await createPortalLink({ db, publicUrl: config.publicUrl }, {
 *   workspaceId: tenant.id, user: { externalId: "u_1", email: "ada@acme.test" }, role: "admin",
 *   features: PORTAL_FEATURES, returnUrl: null, createdBy: principal.userId, at: clock.now(),
 * });
 */
export async function createPortalLink(deps: PortalLinkDeps, input: PortalLinkInput): Promise<PortalLink> {
  const workspace = await deps.db
    .selectFrom("workspaces")
    .selectAll()
    .where("id", "=", input.workspaceId)
    .executeTakeFirst();
  assertPortalTenant(workspace);
  const token = randomToken();
  const expiresAt = new Date(input.at.getTime() + PORTAL_LINK_TTL_MS);
  await deps.db
    .insertInto("portal_tokens")
    .values({
      token_hash: hashSecret(token),
      workspace_id: workspace.id,
      external_id: input.user.externalId,
      email: input.user.email,
      name: input.user.name ?? "",
      role: input.role,
      features: JSON.stringify(uniqueFeatures(input.features)),
      return_url: input.returnUrl,
      created_by: input.createdBy,
      created_at: input.at,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  await deps.db
    .deleteFrom("portal_tokens")
    .where("expires_at", "<", new Date(input.at.getTime() - PORTAL_LINK_KEEP_MS))
    .execute();
  const url = `${deps.publicUrl}${PORTAL_START_PATH}?token=${encodeURIComponent(token)}`;
  return { url, expiresAt };
}

/** The features in their canonical order, each once. */
export function uniqueFeatures(features: readonly PortalFeature[]): PortalFeature[] {
  return PORTAL_FEATURES.filter((feature) => features.includes(feature));
}

/** A consumed link: who it was for, where, with which role and features. */
export interface ConsumedPortalLink {
  workspaceId: string;
  externalId: string;
  email: string;
  name: string;
  role: PortalRole;
  features: PortalFeature[];
  returnUrl: string | null;
}

/**
 * Uses up the link's token and answers what it was for; `undefined` when it is unknown, already
 * used or expired. One conditional UPDATE, so of two opens at the same moment only one wins.
 */
export async function consumePortalLink(
  trx: Transaction<Database>,
  token: string,
  at: Date,
): Promise<ConsumedPortalLink | undefined> {
  const row = await trx
    .updateTable("portal_tokens")
    .set({ used_at: at })
    .where("token_hash", "=", hashSecret(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .returningAll()
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    workspaceId: row.workspace_id,
    externalId: row.external_id,
    email: row.email,
    name: row.name,
    role: row.role,
    features: readFeatures(row.features),
    returnUrl: row.return_url,
  };
}

/** Stored features (jsonb) as a list of known features; anything else is dropped. */
export function readFeatures(stored: unknown): PortalFeature[] {
  const list = Array.isArray(stored) ? stored : [];
  return PORTAL_FEATURES.filter((feature) => list.includes(feature));
}
