/**
 * The state of a branding form, shared by the operator's "Portal branding" section and a tenant's
 * "Edit branding" dialog: what the person typed, the field errors (the local check first, then the
 * server's `details` for `branding.*`), a message for any other refusal, and the submit that turns
 * the typed values into the change to save.
 */
import { type FormEvent, useState } from "react";
import { ApiRequestError, describeError } from "../../api/errors";
import {
  type Branding,
  type BrandingChange,
  type BrandingErrors,
  type BrandingFormValues,
  brandingValuesOf,
  checkBrandingForm,
} from "./branding-form";

const FIELDS = ["productName", "logoUrl", "accentColor"] as const;

export interface BrandingForm {
  values: BrandingFormValues;
  onChange(change: Partial<BrandingFormValues>): void;
  /** Each field's message, for `BrandingFields`. */
  fieldErrors: BrandingErrors;
  /** A refusal that names no field. */
  formError: string | undefined;
  /** Whether the typed values differ from the saved branding. */
  dirty: boolean;
  saving: boolean;
  submit(event: FormEvent): Promise<void>;
  /** Starts over from the saved branding. */
  reset(): void;
}

/**
 * @param branding the saved branding the form starts from and compares with
 * @param save saves a change; throws the API's refusal
 * @param onUnchanged called instead of `save` when a submit changes nothing
 */
export function useBrandingForm(
  branding: Branding,
  save: (change: BrandingChange) => Promise<unknown>,
  onUnchanged?: () => void,
): BrandingForm {
  const [values, setValues] = useState(() => brandingValuesOf(branding));
  const [errors, setErrors] = useState<BrandingErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const initial = brandingValuesOf(branding);
  const serverError = failure instanceof ApiRequestError ? failure : undefined;
  const fieldErrors: BrandingErrors = {};
  for (const field of FIELDS) {
    const message = errors[field] ?? serverError?.detailFor(`branding.${field}`);
    if (message !== undefined) fieldErrors[field] = message;
  }
  const formError =
    failure && !serverError?.details.some((detail) => detail.path.startsWith("branding."))
      ? describeError(failure)
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const checked = checkBrandingForm(values, branding);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (Object.keys(checked.change).length === 0) {
      onUnchanged?.();
      return;
    }
    setSaving(true);
    try {
      await save(checked.change);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return {
    values,
    onChange: (change) => setValues((current) => ({ ...current, ...change })),
    fieldErrors,
    formError,
    dirty: FIELDS.some((field) => initial[field] !== values[field]),
    saving,
    submit,
    reset: () => {
      setValues(brandingValuesOf(branding));
      setErrors({});
      setFailure(undefined);
    },
  };
}
