/**
 * "Edit branding" of one tenant: its override of the key portal's product name, logo and accent
 * colour. An empty field uses the operator's own branding (Settings → Workspace → Portal branding).
 */
import { useEffect } from "react";
import type { Workspace } from "../../api/types";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { toast } from "../../ui/toast";
import { FormAlert } from "../auth/FormAlert";
import { BrandingFields } from "../settings/BrandingFields";
import { DEFAULT_ACCENT, DEFAULT_PRODUCT_NAME } from "../settings/branding-form";
import { useBrandingForm } from "../settings/use-branding-form";
import type { TenantDialogProps } from "./ChangePlanDialog";
import { useUpdateTenant } from "./use-tenants";

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
  const form = useBrandingForm(
    tenant.branding,
    async (change) => {
      await update.mutateAsync({ branding: change });
      onOpenChange(false);
      toast(`Branding of ${tenant.name} saved`);
    },
    () => onOpenChange(false),
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh form each time it opens
  useEffect(() => {
    if (open) form.reset();
  }, [open]);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !update.isPending && onOpenChange(next)}
      title={`Branding of ${tenant.name}`}
      description="How the key portal looks for this customer. Empty fields use your own portal branding."
      size="lg"
    >
      <form noValidate onSubmit={form.submit} className="space-y-4">
        <FormAlert message={form.formError} />
        <BrandingFields
          values={form.values}
          onChange={form.onChange}
          errors={form.fieldErrors}
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
