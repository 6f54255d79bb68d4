/**
 * Every plan as a person compares them on the Upgrade required screen: its entitlements (read
 * from the one table in entitlements.ts) and a short list, in words, of what it includes.
 */
import type { Plan } from "../../store/schema.js";
import { type Entitlements, type Feature, PLANS } from "./entitlements.js";
import { type PublicEntitlements, publicEntitlements } from "./workspaces.js";

export interface PlanDescription {
  id: Plan;
  /** The plan's name as shown: "Free", "Pro", "Enterprise". */
  name: string;
  entitlements: PublicEntitlements;
  /** What it includes, in words: the features it has, then its member and key limits. */
  includes: string[];
}

/** The words for each feature a plan can include. */
const FEATURE_LABELS: Record<Feature, string> = {
  apiAccess: "API Access",
  ipAllowlists: "IP allowlists",
  usageLimits: "Rate limits and quotas",
  auditExport: "Audit log export (CSV)",
};

type Limit = Exclude<keyof Entitlements, Feature>;

/** What each limit counts: one, many. */
const LIMIT_UNITS: Record<Limit, [string, string]> = {
  maxMembers: ["member", "members"],
  maxKeys: ["API key", "API keys"],
};

const FEATURES = Object.keys(FEATURE_LABELS) as Feature[];
const LIMITS = Object.keys(LIMIT_UNITS) as Limit[];

const count = new Intl.NumberFormat("en-US");

function limitText(limit: Limit, value: number | null): string | undefined {
  const [one, many] = LIMIT_UNITS[limit];
  if (value === null) return `Unlimited ${many}`;
  if (value === 0) return undefined;
  return `Up to ${count.format(value)} ${value === 1 ? one : many}`;
}

export function planName(plan: Plan): string {
  return plan.charAt(0).toUpperCase() + plan.slice(1);
}

/** One plan: its entitlements and what it includes. */
export function describePlan(plan: Plan): PlanDescription {
  const entitlements = publicEntitlements(plan);
  const features = FEATURES.filter((feature) => entitlements[feature]).map((f) => FEATURE_LABELS[f]);
  const limits = LIMITS.flatMap((limit) => limitText(limit, entitlements[limit]) ?? []);
  return { id: plan, name: planName(plan), entitlements, includes: [...features, ...limits] };
}

/** Every plan, from the smallest to the largest. */
export function describePlans(): PlanDescription[] {
  return PLANS.map(describePlan);
}
