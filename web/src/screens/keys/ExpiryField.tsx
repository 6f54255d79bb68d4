/**
 * The expiry date of a key: a date picker, required when the workspace's policy says so and no
 * later than its maximum key lifetime. The key stops working at the end of the day picked.
 */
import type { Workspace } from "../../api/types";
import { Field, inputClass } from "../../ui/Field";
import { formatDate } from "../../ui/format";
import { endOfLocalDay, latestExpiryDate, localDateOf } from "./key-form";

export interface ExpiryFieldProps {
  value: string;
  onChange(day: string): void;
  policy: Workspace["policy"];
  error?: string | undefined;
}

export function ExpiryField({ value, onChange, policy, error }: ExpiryFieldProps) {
  const now = new Date();
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  const latest = latestExpiryDate(policy, now);
  const hint = [
    "The key stops working at the end of this day.",
    policy.expiryRequired
      ? "Your workspace requires an expiry date."
      : "Leave empty for a key that does not expire.",
    latest ? `At the latest ${formatDate(endOfLocalDay(latest).toISOString())}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <Field label="Expiry date" optional={!policy.expiryRequired} hint={hint} error={error}>
      {(props) => (
        <input
          {...props}
          type="date"
          className={inputClass}
          value={value}
          min={localDateOf(tomorrow)}
          max={latest}
          required={policy.expiryRequired}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}
