/**
 * The key policies that watch existing keys, inside the workspace settings form: the rotation
 * reminder (days, or off), when a key counts as unused (days), auto-disable of unused keys (off,
 * or days), and what Keygate does when a key is reported leaked (revoke, disable or notify, each
 * explained). Each field shows the form's or the server's message under it.
 */
import { Field, inputClass } from "../../ui/Field";
import { formatNumber } from "../../ui/format";
import type { LeakResponse, WorkspaceFormValues } from "./workspace-form";
import { MAX_POLICY_DAYS } from "./workspace-form";

export interface KeyHygieneFieldsProps {
  values: WorkspaceFormValues;
  set(change: Partial<WorkspaceFormValues>): void;
  errorFor(path: string): string | undefined;
}

const LEAK_RESPONSES: Array<{ value: LeakResponse; label: string; explained: string }> = [
  {
    value: "revoke",
    label: "Revoke the key",
    explained: "Safest: the key stops working for good at once. Its application needs a new key.",
  },
  {
    value: "disable",
    label: "Disable the key",
    explained: "The key stops working at once, and an admin can enable it again after checking.",
  },
  {
    value: "notify",
    label: "Only notify",
    explained: "The key keeps working; it is flagged Leaked, audited and sent to your webhooks.",
  },
];

const checkboxClass = "size-4 rounded border-slate-300 accent-brand-600";
const daysHint = `A whole number of days, at most ${formatNumber(MAX_POLICY_DAYS)}.`;

function DaysInput({
  props,
  value,
  onChange,
  disabled,
}: {
  props: object;
  value: string;
  onChange(value: string): void;
  disabled?: boolean;
}) {
  return (
    <input
      {...props}
      inputMode="numeric"
      value={value}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value)}
      className={`${inputClass} max-w-40`}
    />
  );
}

export function KeyHygieneFields({ values, set, errorFor }: KeyHygieneFieldsProps) {
  return (
    <>
      <div className="space-y-2">
        <label className="flex items-start gap-2.5 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={values.rotationReminderOn}
            onChange={(event) => set({ rotationReminderOn: event.target.checked })}
            className={`mt-0.5 ${checkboxClass}`}
          />
          <span className="font-medium">Remind to rotate old keys</span>
        </label>
        <div className="pl-6.5">
          <Field
            label="Rotation reminder (days)"
            hint={`A key older than this shows “Rotation due”. ${daysHint} 90 is the usual advice.`}
            error={errorFor("policy.rotationReminderDays")}
          >
            {(props) => (
              <DaysInput
                props={props}
                value={values.rotationReminderDays}
                disabled={!values.rotationReminderOn}
                onChange={(rotationReminderDays) => set({ rotationReminderDays })}
              />
            )}
          </Field>
        </div>
      </div>
      <Field
        label="Unused after (days)"
        hint={`A key nothing has used for this long shows “Unused”. ${daysHint}`}
        error={errorFor("policy.unusedKeyDays")}
      >
        {(props) => (
          <DaysInput
            props={props}
            value={values.unusedKeyDays}
            onChange={(unusedKeyDays) => set({ unusedKeyDays })}
          />
        )}
      </Field>
      <div className="space-y-2">
        <label className="flex items-start gap-2.5 text-sm text-slate-800">
          <input
            type="checkbox"
            checked={values.autoDisableOn}
            onChange={(event) => set({ autoDisableOn: event.target.checked })}
            className={`mt-0.5 ${checkboxClass}`}
          />
          <span className="font-medium">Disable unused keys automatically</span>
        </label>
        <div className="pl-6.5">
          <Field
            label="Disable after unused for (days)"
            hint={`Off by default. A disabled key can be enabled again. ${daysHint}`}
            error={errorFor("policy.autoDisableUnusedDays")}
          >
            {(props) => (
              <DaysInput
                props={props}
                value={values.autoDisableDays}
                disabled={!values.autoDisableOn}
                onChange={(autoDisableDays) => set({ autoDisableDays })}
              />
            )}
          </Field>
        </div>
      </div>
      <fieldset aria-describedby="leak-response-hint" className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">When a key is reported leaked</legend>
        <p id="leak-response-hint" className="text-xs text-slate-500">
          GitHub secret scanning and other reports of a key found in public.
        </p>
        {LEAK_RESPONSES.map((response) => (
          <label key={response.value} className="flex items-start gap-2.5 text-sm text-slate-800">
            <input
              type="radio"
              name="leak-response"
              checked={values.leakResponse === response.value}
              onChange={() => set({ leakResponse: response.value })}
              className="mt-0.5 size-4 accent-brand-600"
            />
            <span>
              <span className="font-medium">{response.label}</span>
              <span className="block text-xs text-slate-600">{response.explained}</span>
            </span>
          </label>
        ))}
        {errorFor("policy.leakResponse") && (
          <p className="text-sm text-red-700">{errorFor("policy.leakResponse")}</p>
        )}
      </fieldset>
    </>
  );
}
