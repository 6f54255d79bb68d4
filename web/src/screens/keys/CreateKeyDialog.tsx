/**
 * Create API Key (seeds 002, 003, 004): the key name with the naming advice of seed 004, the app,
 * the scopes its connected APIs offer, the expiry date (required when the workspace's policy says
 * so), single key or key pair, and the Advanced limits. The form is checked with the server's own
 * schema before sending; the server's `details` land next to their fields. On success the secret
 * is shown once in `SecretOnceDialog`.
 *
 * @example <CreateKeyDialog open={open} onOpenChange={setOpen} appId={app.id} lockApp />
 */
import { type FormEvent, useEffect, useState } from "react";
import { describeError } from "../../api/errors";
import type { CreatedKey } from "../../api/types";
import type { Environment } from "../../app/permissions";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { Field, inputClass } from "../../ui/Field";
import { withoutErrorsOf } from "../../ui/form-errors";
import { AdvancedKeyFields } from "./AdvancedKeyFields";
import { ExpiryField } from "./ExpiryField";
import {
  checkCreateForm,
  emptyKeyForm,
  errorsOfDetails,
  type KeyFormErrors,
  type KeyFormValues,
  problemsOf,
} from "./key-form";
import { ScopesField } from "./ScopesField";
import { type OnceSecret, SecretOnceDialog, secretOf } from "./SecretOnceDialog";
import { useAppChoices, useCreateKey } from "./use-keys";

export interface CreateKeyDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** The app preselected (the app detail screen). */
  appId?: string;
  /** Keep the preselected app: the App field is shown but cannot be changed. */
  lockApp?: boolean;
  /** Single key (default) or key pair preselected. */
  defaultKind?: "token" | "pair";
  /** Called with the created key once the secret dialog is closed. */
  onCreated?(key: CreatedKey): void;
  /** Where focus goes on close when the button that opened it is gone (see Dialog). */
  returnFocusTo?: () => HTMLElement | null | undefined;
}

export const KEY_NAME_ADVICE =
  "Name it for its purpose and environment, such as prod-main-app, staging-api or crm-integration. Avoid personal names and customer information.";

const ENVIRONMENTS: Array<[Environment, string]> = [
  ["production", "Production"],
  ["staging", "Staging"],
  ["development", "Development"],
];

export function CreateKeyDialog({
  open,
  onOpenChange,
  appId = "",
  lockApp = false,
  defaultKind = "token",
  onCreated,
  returnFocusTo,
}: CreateKeyDialogProps) {
  const { workspace, abilities } = useSession();
  const apps = useAppChoices();
  const create = useCreateKey();
  const initial = (): KeyFormValues => ({
    ...emptyKeyForm(appId),
    kind: defaultKind,
    environment: abilities.canIssue("production") ? "production" : "development",
  });
  const [values, setValues] = useState<KeyFormValues>(initial);
  const [errors, setErrors] = useState<KeyFormErrors>({});
  const [refusal, setRefusal] = useState<string>();
  const [created, setCreated] = useState<{ key: CreatedKey; secret: OnceSecret } | null>(null);

  // A fresh form each time the dialog opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when it opens
  useEffect(() => {
    if (!open) return;
    setValues(initial());
    setErrors({});
    setRefusal(undefined);
  }, [open]);

  const change = (next: Partial<KeyFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setErrors((current) => withoutErrorsOf(current, Object.keys(next)));
  };
  const appList = apps.data?.data ?? [];
  const chosenApp = appList.find((app) => app.id === values.appId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(undefined);
    const checked = checkCreateForm(values, { policy: workspace.policy, now: new Date() });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      const key = await create.mutateAsync(checked.body);
      const secret = secretOf(key);
      onOpenChange(false);
      if (secret) setCreated({ key, secret });
      else onCreated?.(key);
    } catch (failure) {
      const fieldErrors = errorsOfDetails(problemsOf(failure), values);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setRefusal(describeError(failure));
    }
  };

  const done = () => {
    if (created) onCreated?.(created.key);
    setCreated(null);
  };

  return (
    <>
      <Dialog
        open={open}
        onOpenChange={(next) => !create.isPending && onOpenChange(next)}
        title="Create API Key"
        description="The key is shown once, right after it is created."
        size="lg"
        returnFocusTo={returnFocusTo}
      >
        <form noValidate onSubmit={submit} className="space-y-4">
          <Field label="Key name" hint={KEY_NAME_ADVICE} error={errors.name}>
            {(props) => (
              <input
                {...props}
                className={inputClass}
                value={values.name}
                autoComplete="off"
                placeholder="prod-main-app"
                required
                onChange={(event) => change({ name: event.target.value })}
              />
            )}
          </Field>

          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <Field
              label="App"
              optional
              hint="A key of an app takes the app's environment."
              error={errors.appId}
            >
              {(props) => (
                <select
                  {...props}
                  className={inputClass}
                  value={values.appId}
                  disabled={lockApp || apps.isPending}
                  onChange={(event) => change({ appId: event.target.value, scopes: [] })}
                >
                  <option value="">No app (a workspace key)</option>
                  {appList.map((app) => (
                    <option key={app.id} value={app.id} disabled={!abilities.canIssue(app.environment)}>
                      {app.title} ({app.environment})
                      {abilities.canIssue(app.environment) ? "" : " – ask an admin"}
                    </option>
                  ))}
                  {values.appId && !chosenApp && <option value={values.appId}>{values.appId}</option>}
                </select>
              )}
            </Field>
            {!values.appId && (
              <Field label="Environment" error={errors.environment}>
                {(props) => (
                  <select
                    {...props}
                    className={inputClass}
                    value={values.environment}
                    onChange={(event) =>
                      change({
                        environment:
                          ENVIRONMENTS.find(([id]) => id === event.target.value)?.[0] ?? "production",
                      })
                    }
                  >
                    {ENVIRONMENTS.map(([id, label]) => (
                      <option key={id} value={id} disabled={!abilities.canIssue(id)}>
                        {label}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          </div>

          <ScopesField
            appId={values.appId}
            value={values.scopes}
            onChange={(scopes) => change({ scopes })}
            error={errors.scopes}
          />

          <ExpiryField
            value={values.expiryDate}
            onChange={(expiryDate) => change({ expiryDate })}
            policy={workspace.policy}
            error={errors.expiryDate}
          />

          <fieldset>
            <legend className="mb-1.5 text-sm font-medium text-slate-800">Kind</legend>
            <div className="flex flex-col gap-1.5 sm:flex-row sm:gap-6">
              {(
                [
                  ["token", "Single key"],
                  ["pair", "Key pair (Shared Key and Secret Key)"],
                ] as const
              ).map(([kind, label]) => (
                <label key={kind} className="inline-flex items-center gap-2 text-sm text-slate-800">
                  <input
                    type="radio"
                    name="kind"
                    className="size-4 accent-brand-600"
                    checked={values.kind === kind}
                    onChange={() => change({ kind })}
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>

          <AdvancedKeyFields
            values={values}
            errors={errors}
            onChange={change}
            entitlements={workspace.entitlements}
            withExternalId
          />

          {refusal && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {refusal}
            </p>
          )}
          <div className="flex flex-wrap justify-end gap-2 pt-1">
            <Button onClick={() => onOpenChange(false)} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="primary" busy={create.isPending}>
              Create API Key
            </Button>
          </div>
        </form>
      </Dialog>
      <SecretOnceDialog secret={created?.secret ?? null} onDone={done} returnFocusTo={returnFocusTo} />
    </>
  );
}
