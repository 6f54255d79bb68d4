/**
 * The rules a key's settings must keep: expiry in the future and within the workspace policy
 * (expiry required, maximum lifetime), plan features for allowlists and limits. Each refusal names
 * the field and the rule.
 */
import { validationFailed } from "../../errors.js";
import type { WorkspaceRow } from "../../store/schema.js";
import { requireFeature } from "../workspaces/entitlements.js";

const DAY_SECONDS = 86_400;

/** `90 days`, `1 day`, `1.5 days`, or `3600 seconds` below a day. */
function describeLifetime(seconds: number): string {
  if (seconds < DAY_SECONDS) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const days = Math.round((seconds / DAY_SECONDS) * 100) / 100;
  return `${days} day${days === 1 ? "" : "s"}`;
}

/**
 * Checks an expiry against the clock and the workspace policy; `null` means the key never expires.
 * The lifetime is counted from `now`, on creation and on every change of the expiry.
 */
export function checkExpiry(
  workspace: Pick<WorkspaceRow, "expiry_required" | "max_key_lifetime_seconds">,
  expiresAt: Date | null,
  now: Date,
): void {
  if (expiresAt === null) {
    if (workspace.expiry_required) throw validationFailed("expiresAt: required by the workspace policy");
    if (workspace.max_key_lifetime_seconds !== null)
      throw lifetimeExceeded(workspace.max_key_lifetime_seconds);
    return;
  }
  if (expiresAt.getTime() <= now.getTime()) throw validationFailed("expiresAt: must be in the future");
  const max = workspace.max_key_lifetime_seconds;
  if (max !== null && expiresAt.getTime() - now.getTime() > max * 1000) throw lifetimeExceeded(max);
}

function lifetimeExceeded(maxSeconds: number) {
  return validationFailed(
    `expiresAt: the workspace policy allows keys to live at most ${describeLifetime(maxSeconds)}`,
  );
}

/**
 * Refuses limits the workspace's plan does not include (402 PLAN_REQUIRED): any IP allowlist entry,
 * any rate limit (of the list given: an edit passes the limits it adds or changes) and any quota.
 */
export function checkPlanFeatures(
  workspace: Pick<WorkspaceRow, "plan">,
  settings: {
    ipAllowlist?: string[] | undefined;
    rateLimits?: readonly unknown[] | undefined;
    quota?: unknown;
  },
): void {
  if (settings.ipAllowlist !== undefined && settings.ipAllowlist.length > 0)
    requireFeature(workspace.plan, "ipAllowlists");
  if ((settings.rateLimits?.length ?? 0) > 0 || (settings.quota ?? null) !== null)
    requireFeature(workspace.plan, "usageLimits");
}

/** `new Date(iso)`, or null. */
export const toDate = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);
