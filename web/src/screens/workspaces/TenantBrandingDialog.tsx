/**
 * "Edit branding" of one tenant: its override of the key portal's product name, logo and accent
 * colour. An empty field uses the operator's own branding (Settings → Workspace → Portal branding).
 */
import { type FormEvent, useEffect, useState } from "react";
import { ApiRequestError, describeError } from "../../api/errors";
import type { Workspace } from "../../api/types";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { toast } from "../../ui/toast";
import { FormAlert } from "../auth/FormAlert";
import { BrandingFields } from "../settings/BrandingFields";
import {
  type BrandingErrors,
  brandingValuesOf,
  checkBrandingForm,
  DEFAULT_ACCENT,
  DEFAULT_PRODUCT_NAME,
} from "../settings/branding-form";
import type { TenantDialogProps } from "./ChangePlanDialog";
import { useUpdateTenant } from "./use-tenants";

const FIELDS = ["productName", "logoUrl", "accentColor"] as const;

/** What an empty field of a tenant shows: the operator's branding, else Keygate's. */
function operatorFallback(operator: Workspace) {
  return {
    productName: operator.branding.productName ?? DEFAULT_PRODUCT_NAME,
    accentColor: operator.branding.accentColor ?? DEFAULT_ACCENT,
    logo: operator.branding.logoUrl ? "your logo" : "no logo",
  };
}

export function TenantBrandingDialog({ tenant, open, onOpenChange }: TenantDialogProps) {
  const { workspace } = useSession();
  const update = useUpdateTenant(tenant.id);
  const [values, setValues] = useState(() => brandingValuesOf(tenant.branding));
  const [errors, setErrors] = useState<BrandingErrors>({});
  const [failure, setFailure] = useState<unknown>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time it opens
  useEffect(() => {
    if (!open) return;
    setValues(brandingValuesOf(tenant.branding));
    setErrors({});
    setFailure(undefined);
  }, [open]);

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
    const checked = checkBrandingForm(values, tenant.branding);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    if (Object.keys(checked.change).length === 0) {
      onOpenChange(false);
      return;
    }
    try {
      await update.mutateAsync({ branding: checked.change });
      onOpenChange(false);
      toast(`Branding of ${tenant.name} saved`);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !update.isPending && onOpenChange(next)}
      title={`Branding of ${tenant.name}`}
      description="How the key portal looks for this customer. Empty fields use your own portal branding."
      size="lg"
    >
      <form noValidate onSubmit={submit} className="space-y-4">
        <FormAlert message={formError} />
        <BrandingFields
          values={values}
          onChange={(change) => setValues((current) => ({ ...current, ...change }))}
          errors={{
            productName: errorFor("productName"),
            logoUrl: errorFor("logoUrl"),
            accentColor: errorFor("accentColor"),
          }}
          fallback={operatorFallback(workspace)}
          disabled={update.isPending}
        />
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <Button onClick={() => onOpenChange(false)} disabled={update.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={update.isPending}>
            Save branding
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
