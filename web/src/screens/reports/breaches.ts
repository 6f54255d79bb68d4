/**
 * The key hygiene report's policy breaches in words, in the order the summary shows them (the
 * most urgent first), with what each one means.
 */
export type Breach = "leaked" | "rotation_overdue" | "lifetime_exceeded" | "no_expiry_required" | "unused";

export const BREACHES: Array<{ breach: Breach; label: string; meaning: string }> = [
  { breach: "leaked", label: "Leaked", meaning: "Found in public; replace and revoke it." },
  { breach: "rotation_overdue", label: "Rotation overdue", meaning: "Older than the rotation reminder." },
  {
    breach: "lifetime_exceeded",
    label: "Lifetime exceeded",
    meaning: "Lives longer than the maximum key lifetime.",
  },
  {
    breach: "no_expiry_required",
    label: "No expiry",
    meaning: "Has no expiry date although the policy requires one.",
  },
  { breach: "unused", label: "Unused", meaning: "Not used for longer than the policy allows." },
];

export function breachLabel(breach: string): string {
  return BREACHES.find((entry) => entry.breach === breach)?.label ?? breach;
}
