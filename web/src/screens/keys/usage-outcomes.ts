/** The verification outcomes a usage bucket counts, in chart order, with their names and colours. */
export const OUTCOMES = [
  { code: "VALID", label: "Valid", color: "#16a34a" },
  // Platform mode: the key's workspace was suspended or deleted by the platform.
  { code: "WORKSPACE_SUSPENDED", label: "Workspace suspended", color: "#0891b2" },
  { code: "DISABLED", label: "Disabled", color: "#64748b" },
  { code: "REVOKED", label: "Revoked", color: "#334155" },
  { code: "EXPIRED", label: "Expired", color: "#d97706" },
  { code: "FORBIDDEN_IP", label: "Forbidden IP", color: "#dc2626" },
  { code: "INSUFFICIENT_SCOPE", label: "Insufficient scope", color: "#9333ea" },
  { code: "RATE_LIMITED", label: "Rate limited", color: "#ea580c" },
  { code: "USAGE_EXCEEDED", label: "Usage exceeded", color: "#be185d" },
] as const;

export type OutcomeCode = (typeof OUTCOMES)[number]["code"];
