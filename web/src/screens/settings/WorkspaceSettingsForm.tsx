/**
 * The workspace's editable settings: name, default key prefix and the key policies (expiry
 * required, longest lifetime in days, and the hygiene of existing keys: rotation reminder, unused
 * days, auto-disable, leak response). It checks what it can before sending, then shows the
 * server's reasons next to their fields; read-only for anyone who may not change the workspace.
 */
import { type FormEvent, type ReactNode, useState } from "react";
import { ApiRequestError, describeError } from "../../api/errors";
import type { Workspace } from "../../api/types";
import { Button } from "../../ui/Button";
import { Field, inputClass } from "../../ui/Field";
import { withoutErrorsOf } from "../../ui/form-errors";
import { formatNumber } from "../../ui/format";
import { FormAlert } from "../auth/FormAlert";
import { KeyHygieneFields } from "./KeyHygieneFields";
import type { WorkspaceChanges } from "./use-workspace";
import {
  checkWorkspaceForm,
  ERROR_PATH_OF,
  MAX_LIFETIME_DAYS,
  valuesOf,
  type WorkspaceFormValues,
} from "./workspace-form";

export interface WorkspaceSettingsFormProps {
  workspace: Workspace;
  /** Whether the reader may change the workspace (owners: `workspace:write`). */
  canEdit: boolean;
  /** Saves the changed fields and answers the saved workspace (the form's new starting point); throws the API's refusal. */
  onSave(changes: WorkspaceChanges): Promise<Workspace>;
}

const FIELD_PATHS = [
  "name",
  "keyPrefix",
  "policy.maxKeyLifetimeSeconds",
  "policy.expiryRequired",
  "policy.rotationReminderDays",
  "policy.unusedKeyDays",
  "policy.autoDisableUnusedDays",
  "policy.leakResponse",
  "policy",
];

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className="grid gap-4 border-b border-slate-200 py-6 first:pt-0 md:grid-cols-[16rem_minmax(0,1fr)]">
      <div>
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
      </div>
      <div className="max-w-xl space-y-4">{children}</div>
    </section>
  );
}

export function WorkspaceSettingsForm({ workspace, canEdit, onSave }: WorkspaceSettingsFormProps) {
  const [values, setValues] = useState<WorkspaceFormValues>(() => valuesOf(workspace));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const set = (change: Partial<WorkspaceFormValues>) => {
    setValues((current) => ({ ...current, ...change }));
    setErrors((current) =>
      withoutErrorsOf(
        current,
        (Object.keys(change) as Array<keyof WorkspaceFormValues>).map((field) => ERROR_PATH_OF[field]),
      ),
    );
  };

  const initial = valuesOf(workspace);
  const dirty = (Object.keys(initial) as Array<keyof WorkspaceFormValues>).some(
    (name) => initial[name] !== values[name],
  );

  const serverError = failure instanceof ApiRequestError ? failure : undefined;
  const errorFor = (path: string) => errors[path] ?? serverError?.detailFor(path);
  const formError =
    failure && !serverError?.details.some((detail) => FIELD_PATHS.includes(detail.path))
      ? describeError(failure)
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const check = checkWorkspaceForm(values, workspace);
    setErrors(check.errors);
    setFailure(undefined);
    if (Object.keys(check.errors).length > 0 || Object.keys(check.changes).length === 0) return;
    setSaving(true);
    try {
      setValues(valuesOf(await onSave(check.changes)));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Workspace settings">
      <FormAlert message={formError} />
      <fieldset disabled={!canEdit || saving} className="min-w-0">
        <Section title="General" description="How the workspace is named, and how its new keys begin.">
          <Field label="Workspace name" error={errorFor("name")}>
            {(props) => (
              <input
                {...props}
                value={values.name}
                onChange={(event) => set({ name: event.target.value })}
                className={inputClass}
              />
            )}
          </Field>
          <Field
            label="Default key prefix"
            hint={
              <>
                New keys start with it, e.g. <code className="font-mono">{values.keyPrefix || "acme"}_…</code>
                : 2-16 lowercase letters or digits, with at most one _ inside. Existing keys keep theirs.
              </>
            }
            error={errorFor("keyPrefix")}
          >
            {(props) => (
              <input
                {...props}
                value={values.keyPrefix}
                spellCheck={false}
                autoCapitalize="off"
                onChange={(event) => set({ keyPrefix: event.target.value })}
                className={`${inputClass} font-mono`}
              />
            )}
          </Field>
        </Section>
        <Section
          title="Key policies"
          description="Rules every new key must follow, and when Keygate flags, disables or revokes the keys that exist."
        >
          <div className="space-y-1.5">
            <label className="flex items-start gap-2.5 text-sm text-slate-800">
              <input
                type="checkbox"
                checked={values.expiryRequired}
                onChange={(event) => set({ expiryRequired: event.target.checked })}
                aria-describedby="expiry-required-hint"
                className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600"
              />
              <span className="font-medium">Require an expiry date on new keys</span>
            </label>
            <p id="expiry-required-hint" className="pl-6.5 text-xs text-slate-500">
              Then no key can be created without an expiry date.
            </p>
            {errorFor("policy.expiryRequired") && (
              <p className="pl-6.5 text-sm text-red-700">{errorFor("policy.expiryRequired")}</p>
            )}
          </div>
          <Field
            label="Maximum key lifetime (days)"
            optional
            hint={`Leave it empty for no limit; at most ${formatNumber(MAX_LIFETIME_DAYS)} days.`}
            error={errorFor("policy.maxKeyLifetimeSeconds")}
          >
            {(props) => (
              <input
                {...props}
                inputMode="numeric"
                value={values.maxLifetimeDays}
                onChange={(event) => set({ maxLifetimeDays: event.target.value })}
                className={`${inputClass} max-w-40`}
              />
            )}
          </Field>
          <KeyHygieneFields values={values} set={set} errorFor={errorFor} />
        </Section>
      </fieldset>
      {canEdit && (
        <div className="flex flex-wrap items-center justify-end gap-3 pt-6">
          <Button
            type="button"
            disabled={!dirty || saving}
            onClick={() => {
              setValues(valuesOf(workspace));
              setErrors({});
              setFailure(undefined);
            }}
          >
            Discard changes
          </Button>
          <Button type="submit" variant="primary" busy={saving} disabled={!dirty}>
            Save changes
          </Button>
        </div>
      )}
    </form>
  );
}
