/**
 * The key hygiene report of a workspace: every key that is active or disabled (neither revoked,
 * expired nor deleted), oldest first, with its age, last rotation, last use and expiry, the
 * policies it breaks and its attention badges.
 *
 * Breaches:
 * - `rotation_overdue`: the rotation reminder is on and the secret (last rotation, else creation)
 *   is older than it;
 * - `unused`: no verification (else its creation) for longer than the unused days;
 * - `no_expiry_required`: the workspace requires an expiry and the key has none;
 * - `lifetime_exceeded`: the workspace has a longest lifetime and the key outlives it: no expiry,
 *   or an expiry later than its secret's issue (last rotation, else creation) plus that lifetime;
 * - `leaked`: its secret was reported found in public.
 *
 * The keys are read in pages of {@link REPORT_PAGE_SIZE} by id, so a workspace of 100,000 keys
 * never sits whole in memory; the first page is read before anything is answered, so a store that
 * fails answers an error instead of a cut report.
 */
import type { Kysely } from "kysely";
import type { Database, KeyRow } from "../../store/schema.js";
import { type KeyStatus, keyStatus } from "../keys/key-object.js";
import { DAY_MS, type HygienePolicy, readHygienePolicy } from "./hygiene-policy.js";
import { type AttentionBadge, attentionOf } from "./key-attention.js";

export const BREACHES = [
  "rotation_overdue",
  "unused",
  "no_expiry_required",
  "lifetime_exceeded",
  "leaked",
] as const;
export type Breach = (typeof BREACHES)[number];

/** How many keys the report reads at a time. */
export const REPORT_PAGE_SIZE = 1000;

/** One key of the report. */
export interface ReportKey {
  id: string;
  name: string;
  start: string;
  appId: string | null;
  environment: KeyRow["environment"];
  status: KeyStatus;
  createdAt: string;
  ageDays: number;
  lastRotatedAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  expiresAt: string | null;
  breaches: Breach[];
  attention: AttentionBadge[];
}

export interface KeyReport {
  generatedAt: Date;
  policy: HygienePolicy;
  /** Read page by page as it is consumed. */
  keys: AsyncIterable<ReportKey>;
}

const REPORT_COLUMNS = [
  "id",
  "name",
  "start",
  "app_id",
  "environment",
  "enabled",
  "revoked_at",
  "deleted_at",
  "expires_at",
  "rotated_at",
  "created_at",
  "last_used_at",
  "last_used_ip",
  "leaked_at",
] as const;

type ReportRow = Pick<KeyRow, (typeof REPORT_COLUMNS)[number]>;

const olderThan = (at: Date, days: number, now: Date) => at.getTime() < now.getTime() - days * DAY_MS;
const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The policies the key breaks at `now`, in the order of {@link BREACHES}. */
export function breachesOf(row: ReportRow, now: Date, policy: HygienePolicy): Breach[] {
  const breaches: Breach[] = [];
  const issuedAt = row.rotated_at ?? row.created_at;
  const rotationDays = policy.rotation_reminder_days;
  if (rotationDays !== null && olderThan(issuedAt, rotationDays, now)) breaches.push("rotation_overdue");
  if (olderThan(row.last_used_at ?? row.created_at, policy.unused_key_days, now)) breaches.push("unused");
  if (policy.expiry_required && row.expires_at === null) breaches.push("no_expiry_required");
  const max = policy.max_key_lifetime_seconds;
  if (max !== null && (row.expires_at === null || row.expires_at.getTime() > issuedAt.getTime() + max * 1000))
    breaches.push("lifetime_exceeded");
  if (row.leaked_at !== null) breaches.push("leaked");
  return breaches;
}

function toReportKey(row: ReportRow, now: Date, policy: HygienePolicy): ReportKey {
  return {
    id: row.id,
    name: row.name,
    start: row.start,
    appId: row.app_id,
    environment: row.environment,
    status: keyStatus(row, now),
    createdAt: row.created_at.toISOString(),
    ageDays: Math.floor((now.getTime() - row.created_at.getTime()) / DAY_MS),
    lastRotatedAt: iso(row.rotated_at),
    lastUsedAt: iso(row.last_used_at),
    lastUsedIp: row.last_used_ip,
    expiresAt: iso(row.expires_at),
    breaches: breachesOf(row, now, policy),
    attention: attentionOf(row, now, policy),
  };
}

/** Up to `limit` keys of the report after the key `after`, by id. */
function reportPage(
  db: Kysely<Database>,
  workspaceId: string,
  now: Date,
  after: string | undefined,
  limit: number,
): Promise<ReportRow[]> {
  let query = db
    .selectFrom("keys")
    .select(REPORT_COLUMNS)
    .where("workspace_id", "=", workspaceId)
    .where("deleted_at", "is", null)
    .where("revoked_at", "is", null)
    .where((eb) =>
      eb.or([eb("enabled", "=", false), eb("expires_at", "is", null), eb("expires_at", ">", now)]),
    );
  if (after !== undefined) query = query.where("id", ">", after);
  return query.orderBy("id").limit(limit).execute();
}

/** The workspace's report at `now`: its policy, and its keys read page by page. */
export async function openKeyReport(
  db: Kysely<Database>,
  workspaceId: string,
  now: Date,
  options: { pageSize?: number } = {},
): Promise<KeyReport> {
  const pageSize = options.pageSize ?? REPORT_PAGE_SIZE;
  const policy = await readHygienePolicy(db, workspaceId);
  const first = await reportPage(db, workspaceId, now, undefined, pageSize);
  const keys = (async function* () {
    let page = first;
    while (page.length > 0) {
      for (const row of page) yield toReportKey(row, now, policy);
      const last = page.at(-1);
      if (page.length < pageSize || last === undefined) return;
      page = await reportPage(db, workspaceId, now, last.id, pageSize);
    }
  })();
  return { generatedAt: now, policy, keys };
}
