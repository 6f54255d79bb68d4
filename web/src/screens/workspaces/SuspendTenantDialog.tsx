/**
 * Suspend or resume a tenant. Suspending says what happens at once: its keys stop verifying
 * (they answer WORKSPACE_SUSPENDED) until it is resumed; nothing is deleted. Resuming lets them
 * verify again, also at once.
 */
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { toast } from "../../ui/toast";
import type { TenantDialogProps } from "./ChangePlanDialog";
import { useUpdateTenant } from "./use-tenants";

export function SuspendTenantDialog({ tenant, open, onOpenChange }: TenantDialogProps) {
  const update = useUpdateTenant(tenant.id);
  const suspending = !tenant.suspended;
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={suspending ? `Suspend ${tenant.name}?` : `Resume ${tenant.name}?`}
      confirmLabel={suspending ? "Suspend workspace" : "Resume workspace"}
      tone={suspending ? "danger" : "primary"}
      onConfirm={async () => {
        await update.mutateAsync({ suspended: suspending });
        toast(suspending ? `${tenant.name} suspended` : `${tenant.name} resumed`);
      }}
    >
      {suspending ? (
        <>
          <p>
            <strong>Its keys stop verifying at once:</strong> every key of {tenant.name} is refused with{" "}
            <code className="font-mono text-xs">WORKSPACE_SUSPENDED</code> from its next request, until you
            resume it.
          </p>
          <p>Nothing is deleted: its keys, apps and history stay as they are, and Resume brings them back.</p>
        </>
      ) : (
        <p>Its keys verify again from their next request, with the limits and scopes they had.</p>
      )}
    </ConfirmDialog>
  );
}
