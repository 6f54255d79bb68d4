/** How long the old secret of a rotated key keeps working: none, 1 hour, 24 hours or 7 days. */
export const GRACE_PERIODS = [
  { seconds: 0, label: "None: the old secret stops at once" },
  { seconds: 3600, label: "1 hour" },
  { seconds: 24 * 3600, label: "24 hours" },
  { seconds: 7 * 24 * 3600, label: "7 days" },
] as const;
