/**
 * A workspace's key hygiene policy (migration 0010), as the badges, the report and the sweeps read
 * it: when a key is due for rotation, when it counts as unused, when the sweep disables it, and
 * what a leak report does; plus the key policy that predates it (the longest a key may live,
 * whether an expiry is required). A `WorkspaceRow` is one.
 */
import type { Kysely, Transaction } from "kysely";
import { notFound } from "../../errors.js";
import type { Database, WorkspaceRow } from "../../store/schema.js";

type Db = Kysely<Database> | Transaction<Database>;

export const DAY_MS = 86_400_000;

/** A key that expires within this many days (and has not yet) is `expiring_soon`. */
export const EXPIRING_SOON_DAYS = 7;

/** The fewest and most days a hygiene policy field takes. */
export const POLICY_DAYS = { min: 1, max: 3650 } as const;

/** What the attention badges of a key depend on. */
export type AttentionPolicy = Pick<WorkspaceRow, "rotation_reminder_days" | "unused_key_days">;

/** The whole policy the hygiene report judges keys by. */
export type HygienePolicy = AttentionPolicy &
  Pick<
    WorkspaceRow,
    "auto_disable_unused_days" | "leak_response" | "max_key_lifetime_seconds" | "expiry_required"
  >;

const POLICY_COLUMNS = [
  "rotation_reminder_days",
  "unused_key_days",
  "auto_disable_unused_days",
  "leak_response",
  "max_key_lifetime_seconds",
  "expiry_required",
] as const;

/** The hygiene policy of a workspace; throws `NOT_FOUND` when there is none. */
export async function readHygienePolicy(db: Db, workspaceId: string): Promise<HygienePolicy> {
  const row = await db
    .selectFrom("workspaces")
    .select(POLICY_COLUMNS)
    .where("id", "=", workspaceId)
    .executeTakeFirst();
  if (!row) throw notFound("workspace");
  return row;
}

/** The policy as the API answers it (GET /v1/workspace `policy`, the report's `policy`). */
export function toPublicHygienePolicy(policy: HygienePolicy) {
  return {
    maxKeyLifetimeSeconds: policy.max_key_lifetime_seconds,
    expiryRequired: policy.expiry_required,
    rotationReminderDays: policy.rotation_reminder_days,
    unusedKeyDays: policy.unused_key_days,
    autoDisableUnusedDays: policy.auto_disable_unused_days,
    leakResponse: policy.leak_response,
  };
}

export type PublicHygienePolicy = ReturnType<typeof toPublicHygienePolicy>;
