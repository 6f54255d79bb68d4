/**
 * A key's named rate limits in the key forms: one row per limit (its name, the verifications it
 * allows and its window in seconds), a Remove button on each and "Add rate limit" up to five. A
 * row whose requests are empty is no limit, so the first row, named default, reads as the single
 * rate limit of before. Each row's problems (the form's check or the server's details) show
 * beside its fields.
 */
import { Plus, X } from "lucide-react";
import { useId } from "react";
import { Button } from "../../ui/Button";
import { cn } from "../../ui/cn";
import { Field, inputClass } from "../../ui/Field";
import {
  addedRateLimitRow,
  type KeyFormErrors,
  MAX_RATE_LIMITS,
  type RateLimitRow,
  rateLimitRow,
} from "./key-form";

export interface RateLimitsFieldProps {
  rows: readonly RateLimitRow[];
  onChange(rows: RateLimitRow[]): void;
  errors: KeyFormErrors;
  /** The plan does not include rate limits. */
  disabled?: boolean;
}

/** "Rate limit" for the first row (the one a key had alone before), "Rate limit 2" after it. */
const rowLabel = (index: number) => (index === 0 ? "Rate limit" : `Rate limit ${index + 1}`);

export function RateLimitsField({ rows, onChange, errors, disabled }: RateLimitsFieldProps) {
  const hintId = useId();
  const update = (index: number, change: Partial<RateLimitRow>) =>
    onChange(rows.map((row, at) => (at === index ? { ...row, ...change } : row)));
  const remove = (index: number) => onChange(rows.filter((_, at) => at !== index));
  const add = () =>
    onChange([...rows, rows.some((row) => row.name === "default") ? addedRateLimitRow() : rateLimitRow()]);

  return (
    <fieldset className="space-y-2" aria-describedby={hintId}>
      <legend className="text-sm font-medium text-slate-800">
        Rate limits<span className="font-normal text-slate-500"> (optional)</span>
      </legend>
      <p id={hintId} className="text-xs text-slate-500">
        Verifications allowed per window; a verification must pass every limit. Up to {MAX_RATE_LIMITS}, each
        with its own name. Leave the requests empty for no limit.
      </p>
      {rows.length > 0 && (
        <ul aria-label="Rate limits" className="space-y-3">
          {rows.map((row, index) => (
            // Rows have no id of their own; their place is what the form and its errors know them by.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index} className="flex items-start gap-2">
              <div className="grid min-w-0 flex-1 grid-cols-1 gap-3 sm:grid-cols-[8rem_1fr_1fr]">
                <Field label={`${rowLabel(index)} name`} error={errors[`rateLimits.${index}.name`]}>
                  {(props) => (
                    <input
                      {...props}
                      className={cn(inputClass, "font-mono")}
                      value={row.name}
                      maxLength={32}
                      autoComplete="off"
                      spellCheck={false}
                      placeholder={index === 0 ? "default" : "burst"}
                      disabled={disabled}
                      onChange={(event) => update(index, { name: event.target.value })}
                    />
                  )}
                </Field>
                <Field label={`${rowLabel(index)} (requests)`} error={errors[`rateLimits.${index}.limit`]}>
                  {(props) => (
                    <input
                      {...props}
                      inputMode="numeric"
                      className={inputClass}
                      value={row.limit}
                      disabled={disabled}
                      onChange={(event) => update(index, { limit: event.target.value })}
                    />
                  )}
                </Field>
                <Field
                  label={`${rowLabel(index)} window (seconds)`}
                  error={errors[`rateLimits.${index}.windowSeconds`]}
                >
                  {(props) => (
                    <input
                      {...props}
                      inputMode="numeric"
                      className={inputClass}
                      value={row.windowSeconds}
                      disabled={disabled}
                      onChange={(event) => update(index, { windowSeconds: event.target.value })}
                    />
                  )}
                </Field>
              </div>
              <Button
                variant="ghost"
                className="mt-6.5 px-2.5"
                aria-label={`Remove ${row.name.trim() ? `rate limit ${row.name.trim()}` : rowLabel(index).toLowerCase()}`}
                disabled={disabled}
                onClick={() => remove(index)}
              >
                <X aria-hidden className="size-4" />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {errors.rateLimits && <p className="text-sm text-red-700">{errors.rateLimits}</p>}
      <Button size="sm" disabled={disabled || rows.length >= MAX_RATE_LIMITS} onClick={add}>
        <Plus aria-hidden className="size-4" />
        Add rate limit
      </Button>
    </fieldset>
  );
}
