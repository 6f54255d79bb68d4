/**
 * "Portal branding" (the operator's workspace only): the product name, logo and accent colour the
 * embedded key portal shows your customers, saved with `PATCH /v1/workspace { branding }`. A
 * tenant may override any of them (Workspaces → Edit branding). Owners change it; admins read it.
 */
import { useEffect } from "react";
import { Button } from "../../ui/Button";
import { FormAlert } from "../auth/FormAlert";
import { BrandingFields } from "./BrandingFields";
import { type Branding, type BrandingChange, DEFAULT_ACCENT, DEFAULT_PRODUCT_NAME } from "./branding-form";
import { useBrandingForm } from "./use-branding-form";

export interface PortalBrandingSectionProps {
  branding: Branding;
  canEdit: boolean;
  /** Saves the change; throws the API's refusal. */
  onSave(change: BrandingChange): Promise<unknown>;
}

export function PortalBrandingSection({ branding, canEdit, onSave }: PortalBrandingSectionProps) {
  const form = useBrandingForm(branding, onSave);
  const saved = JSON.stringify(branding);
  // biome-ignore lint/correctness/useExhaustiveDependencies: start over when the saved branding changes
  useEffect(() => form.reset(), [saved]);

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
      <form onSubmit={form.submit} noValidate aria-label="Portal branding" className="max-w-xl space-y-4">
        <FormAlert message={form.formError} />
        <fieldset disabled={!canEdit || form.saving} className="min-w-0">
          <BrandingFields
            values={form.values}
            onChange={form.onChange}
            errors={form.fieldErrors}
            fallback={{ productName: DEFAULT_PRODUCT_NAME, accentColor: DEFAULT_ACCENT, logo: "no logo" }}
          />
        </fieldset>
        {canEdit ? (
          <div className="flex flex-wrap justify-end gap-3">
            <Button disabled={!form.dirty || form.saving} onClick={form.reset}>
              Discard
            </Button>
            <Button type="submit" variant="primary" busy={form.saving} disabled={!form.dirty}>
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
