/**
 * What each plan includes: the one table every plan check reads. The operator of a self-hosted
 * Keygate sells plans and sets them from its billing with `PATCH /v1/workspaces/{id}` (platform
 * mode) or by hand with `keygate workspace plan <workspace> <plan>`.
 */

import { ApiError } from "../../errors.js";
import type { Plan } from "../../store/schema.js";

export interface Entitlements {
  /** Create API keys for the platform's clients ("API Access"). */
  apiAccess: boolean;
  /** Keys that are only valid from listed networks. */
  ipAllowlists: boolean;
  /** Per-key rate limits and usage quotas. */
  usageLimits: boolean;
  /** Audit trail export as CSV. */
  auditExport: boolean;
  /** Most members in the workspace. */
  maxMembers: number;
  /** Most live (not deleted) keys in the workspace. */
  maxKeys: number;
}

export const PLANS = ["free", "pro", "enterprise"] as const;

export const ENTITLEMENTS: Record<Plan, Entitlements> = {
  free: {
    apiAccess: false,
    ipAllowlists: false,
    usageLimits: false,
    auditExport: false,
    maxMembers: 3,
    maxKeys: 0,
  },
  pro: {
    apiAccess: true,
    ipAllowlists: true,
    usageLimits: true,
    auditExport: true,
    maxMembers: 25,
    maxKeys: 10_000,
  },
  enterprise: {
    apiAccess: true,
    ipAllowlists: true,
    usageLimits: true,
    auditExport: true,
    maxMembers: Number.POSITIVE_INFINITY,
    maxKeys: Number.POSITIVE_INFINITY,
  },
};

const FEATURE_NAMES: Record<keyof Entitlements, string> = {
  apiAccess: "API Access",
  ipAllowlists: "IP allowlists",
  usageLimits: "rate limits and quotas",
  auditExport: "audit export",
  maxMembers: "more members",
  maxKeys: "more keys",
};

/** The entitlements that a plan includes or lacks (the rest are limits). */
export type Feature = {
  [K in keyof Entitlements]: Entitlements[K] extends boolean ? K : never;
}[keyof Entitlements];

/** Throws `PLAN_REQUIRED` (402) when the plan lacks the feature. */
export function requireFeature(plan: Plan, feature: Feature): void {
  if (!ENTITLEMENTS[plan][feature]) {
    throw new ApiError(
      "PLAN_REQUIRED",
      `the ${plan} plan does not include ${FEATURE_NAMES[feature]}; upgrade required`,
    );
  }
}

/** Throws `PLAN_REQUIRED` when adding one more would pass the plan's limit. */
export function requireWithinLimit(plan: Plan, limit: "maxMembers" | "maxKeys", current: number): void {
  if (current + 1 > ENTITLEMENTS[plan][limit]) {
    throw new ApiError(
      "PLAN_REQUIRED",
      `the ${plan} plan allows ${ENTITLEMENTS[plan][limit]} ${limit === "maxKeys" ? "keys" : "members"}; upgrade required for ${FEATURE_NAMES[limit]}`,
    );
  }
}
