/**
 * "Portal branding" (the operator's workspace only): the product name, logo and accent colour the
 * embedded key portal shows your customers, saved with `PATCH /v1/workspace { branding }`. A
 * tenant may override any of them (Workspaces → Edit branding). Owners change it; admins read it.
 */
import { type FormEvent, useEffect, useState } from "react";
import { ApiRequestError, describeError } from "../../api/errors";
import { Button } from "../../ui/Button";
import { FormAlert } from "../auth/FormAlert";
import { BrandingFields } from "./BrandingFields";
import {
  type Branding,
  type BrandingChange,
  type BrandingErrors,
  brandingValuesOf,
  checkBrandingForm,
  DEFAULT_ACCENT,
  DEFAULT_PRODUCT_NAME,
} from "./branding-form";

export interface PortalBrandingSectionProps {
  branding: Branding;
  canEdit: boolean;
  /** Saves the change; throws the API's refusal. */
  onSave(change: BrandingChange): Promise<unknown>;
}

const FIELDS = ["productName", "logoUrl", "accentColor"] as const;

export function PortalBrandingSection({ branding, canEdit, onSave }: PortalBrandingSectionProps) {
  const [values, setValues] = useState(() => brandingValuesOf(branding));
  const [errors, setErrors] = useState<BrandingErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const saved = JSON.stringify(branding);
  // biome-ignore lint/correctness/useExhaustiveDependencies: start over when the saved branding changes
  useEffect(() => setValues(brandingValuesOf(branding)), [saved]);

  const initial = brandingValuesOf(branding);
  const dirty = FIELDS.some((field) => initial[field] !== values[field]);
  const serverError = failure instanceof ApiRequestError ? failure : undefined;
  const errorFor = (field: (typeof FIELDS)[number]) =>
    errors[field] ?? serverError?.detailFor(`branding.${field}`);
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
    if (Object.keys(checked.change).length === 0) return;
    setSaving(true);
    try {
      await onSave(checked.change);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section
      aria-labelledby="portal-branding"
      className="grid gap-4 border-t border-slate-200 py-6 md:grid-cols-[16rem_minmax(0,1fr)]"
    >
      <div>
        <h2 id="portal-branding" className="text-base font-semibold text-slate-900">
          Portal branding
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          How the key portal looks inside your product: your customers see your name, logo and colour, not
          Keygate's. A workspace can override it.
        </p>
      </div>
      <form onSubmit={submit} noValidate aria-label="Portal branding" className="max-w-xl space-y-4">
        <FormAlert message={formError} />
        <fieldset disabled={!canEdit || saving} className="min-w-0">
          <BrandingFields
            values={values}
            onChange={(change) => setValues((current) => ({ ...current, ...change }))}
            errors={{
              productName: errorFor("productName"),
              logoUrl: errorFor("logoUrl"),
              accentColor: errorFor("accentColor"),
            }}
            fallback={{ productName: DEFAULT_PRODUCT_NAME, accentColor: DEFAULT_ACCENT, logo: "no logo" }}
          />
        </fieldset>
        {canEdit ? (
          <div className="flex flex-wrap justify-end gap-3">
            <Button
              disabled={!dirty || saving}
              onClick={() => {
                setValues(brandingValuesOf(branding));
                setErrors({});
                setFailure(undefined);
              }}
            >
              Discard
            </Button>
            <Button type="submit" variant="primary" busy={saving} disabled={!dirty}>
              Save branding
            </Button>
          </div>
        ) : (
          <p className="text-sm text-slate-600">Only owners change the portal's branding.</p>
        )}
      </form>
    </section>
  );
}
