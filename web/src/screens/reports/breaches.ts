/**
 * The key hygiene report's policy breaches in words, in the order the summary shows them (the
 * most urgent first), with what each one means and whether the workspace's policy checks it at all
 * (a workspace without a rotation reminder has no overdue rotation, rather than none overdue).
 */
import type { KeyReport } from "./use-key-report";

export type Breach = "leaked" | "rotation_overdue" | "lifetime_exceeded" | "no_expiry_required" | "unused";

type Policy = KeyReport["policy"];

export const BREACHES: Array<{
  breach: Breach;
  label: string;
  meaning: string;
  checked: (policy: Policy) => boolean;
}> = [
  {
    breach: "leaked",
    label: "Leaked",
    meaning: "Found in public; replace and revoke it.",
    checked: () => true,
  },
  {
    breach: "rotation_overdue",
    label: "Rotation overdue",
    meaning: "Older than the rotation reminder.",
    checked: (policy) => policy.rotationReminderDays !== null,
  },
  {
    breach: "lifetime_exceeded",
    label: "Lifetime exceeded",
    meaning: "Lives longer than the maximum key lifetime.",
    checked: (policy) => policy.maxKeyLifetimeSeconds !== null,
  },
  {
    breach: "no_expiry_required",
    label: "No expiry",
    meaning: "Has no expiry date although the policy requires one.",
    checked: (policy) => policy.expiryRequired,
  },
  {
    breach: "unused",
    label: "Unused",
    meaning: "Not used for longer than the policy allows.",
    checked: () => true,
  },
];

export function breachLabel(breach: string): string {
  return BREACHES.find((entry) => entry.breach === breach)?.label ?? breach;
}
