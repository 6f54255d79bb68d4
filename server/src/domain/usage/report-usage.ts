/**
 * Usage an SDK judged locally and reports in batches: each report adds `count` outcomes of one
 * key, at its last use, to the usage buffer exactly as verifications on the server do. Keys the
 * caller may not verify (another workspace's, for reach `own`), deleted keys and unknown ids are
 * ignored, never refused, so a report reveals nothing. Reach is checked from the keys this node
 * knows (verifier/known-keys.ts) and, for the rest, one batched query.
 */
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.js";
import type { Database } from "../../store/schema.js";
import type { KnownKeys } from "../../verifier/known-keys.js";
import type { KeyUsageCode } from "../../verifier/outcomes.js";
import type { UsageBuffer } from "../../verifier/usage-buffer.js";
import type { VerifyReach } from "../../verifier/verify-reach.js";

/** How far back a report's last use may lie; older ones are counted an hour ago. */
export const REPORT_WINDOW_MS = 3_600_000;

export interface UsageReport {
  keyId: string;
  outcome: KeyUsageCode;
  count: number;
  lastUsedAt: string;
  lastUsedIp: string | null;
}

export interface UsageReportDeps {
  db: Kysely<Database>;
  clock: Clock;
  usage: UsageBuffer;
  knownKeys: KnownKeys;
}

/** Records the reports the caller may make; answers how many were accepted and ignored. */
export async function reportUsage(
  deps: UsageReportDeps,
  caller: { workspaceId: string; reach: VerifyReach },
  reports: readonly UsageReport[],
): Promise<{ accepted: number; ignored: number }> {
  const workspaces = await workspacesOf(deps, reports);
  const nowMs = deps.clock.nowMs();
  let accepted = 0;
  for (const report of reports) {
    const workspaceId = workspaces.get(report.keyId);
    if (workspaceId === undefined || (caller.reach === "own" && workspaceId !== caller.workspaceId)) continue;
    const atMs = Math.min(nowMs, Math.max(nowMs - REPORT_WINDOW_MS, Date.parse(report.lastUsedAt)));
    deps.usage.recordReport(report.keyId, workspaceId, report.outcome, report.count, atMs, report.lastUsedIp);
    accepted += 1;
  }
  return { accepted, ignored: reports.length - accepted };
}

/** The workspace of each reported live key: known ones from memory, the rest in one query. */
async function workspacesOf(
  deps: UsageReportDeps,
  reports: readonly UsageReport[],
): Promise<Map<string, string>> {
  const workspaces = new Map<string, string>();
  const unknown = new Set<string>();
  for (const { keyId } of reports) {
    const workspaceId = deps.knownKeys.workspaceOf(keyId);
    if (workspaceId === undefined) unknown.add(keyId);
    else workspaces.set(keyId, workspaceId);
  }
  if (unknown.size === 0) return workspaces;
  const rows = await deps.db
    .selectFrom("keys")
    .select(["id", "workspace_id"])
    .where("id", "in", [...unknown])
    .where("deleted_at", "is", null)
    .execute();
  for (const row of rows) {
    workspaces.set(row.id, row.workspace_id);
    deps.knownKeys.remember(row.id, row.workspace_id);
  }
  return workspaces;
}
