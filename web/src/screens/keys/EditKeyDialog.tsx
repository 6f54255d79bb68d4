/**
 * Edit a key (seed 003): its name, scopes, expiry date and limits. Only what changed is sent (an
 * untouched quota is not restarted); the changes are applied immediately, from the very next
 * verification. The server's `details` land next to their fields.
 */
import { type FormEvent, useEffect, useState } from "react";
import { describeError } from "../../api/errors";
import type { KeyObject } from "../../api/types";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { Field, inputClass } from "../../ui/Field";
import { withoutErrorsOf } from "../../ui/form-errors";
import { toast } from "../../ui/toast";
import { AdvancedKeyFields } from "./AdvancedKeyFields";
import { KEY_NAME_ADVICE } from "./CreateKeyDialog";
import { ExpiryField } from "./ExpiryField";
import {
  checkEditForm,
  errorsOfDetails,
  type KeyFormErrors,
  type KeyFormValues,
  keyFormOf,
  problemsOf,
} from "./key-form";
import { ScopesField } from "./ScopesField";
import { useUpdateKey } from "./use-keys";

export interface EditKeyDialogProps {
  apiKey: KeyObject;
  open: boolean;
  onOpenChange(open: boolean): void;
}

export function EditKeyDialog({ apiKey, open, onOpenChange }: EditKeyDialogProps) {
  const { workspace } = useSession();
  const update = useUpdateKey(apiKey.id);
  const [values, setValues] = useState<KeyFormValues>(() => keyFormOf(apiKey));
  const [errors, setErrors] = useState<KeyFormErrors>({});
  const [refusal, setRefusal] = useState<string>();

  // The key as it is now, each time the dialog opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when it opens
  useEffect(() => {
    if (!open) return;
    setValues(keyFormOf(apiKey));
    setErrors({});
    setRefusal(undefined);
  }, [open]);

  const change = (next: Partial<KeyFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setErrors((current) => withoutErrorsOf(current, Object.keys(next)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(undefined);
    const checked = checkEditForm(apiKey, values, { policy: workspace.policy, now: new Date() });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (!checked.body) {
      onOpenChange(false);
      return;
    }
    try {
      const saved = await update.mutateAsync(checked.body);
      toast(`Changes to ${saved.name} saved`);
      onOpenChange(false);
    } catch (failure) {
      const fieldErrors = errorsOfDetails(problemsOf(failure), values);
      setErrors(fieldErrors);
      if (Object.keys(fieldErrors).length === 0) setRefusal(describeError(failure));
    }
  };

  const hasLimits = apiKey.ipAllowlist.length > 0 || apiKey.rateLimits.length > 0 || apiKey.quota !== null;

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !update.isPending && onOpenChange(next)}
      title={`Edit ${apiKey.name}`}
      description="The changes are applied immediately, from the next verification on."
      size="lg"
    >
      <form noValidate onSubmit={submit} className="space-y-4">
        <Field label="Key name" hint={KEY_NAME_ADVICE} error={errors.name}>
          {(props) => (
            <input
              {...props}
              className={inputClass}
              value={values.name}
              autoComplete="off"
              required
              onChange={(event) => change({ name: event.target.value })}
            />
          )}
        </Field>
        {apiKey.appId && (
          <ScopesField
            appId={apiKey.appId}
            value={values.scopes}
            onChange={(scopes) => change({ scopes })}
            error={errors.scopes}
          />
        )}
        <ExpiryField
          value={values.expiryDate}
          onChange={(expiryDate) => change({ expiryDate })}
          policy={workspace.policy}
          error={errors.expiryDate}
        />
        <AdvancedKeyFields
          values={values}
          errors={errors}
          onChange={change}
          entitlements={workspace.entitlements}
          defaultOpen={hasLimits}
        />
        {refusal && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {refusal}
          </p>
        )}
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <Button onClick={() => onOpenChange(false)} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={update.isPending}>
            Save changes
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
