/**
 * "Open as admin": enters a tenant's key screens as an admin, in a new tab, through the one-time
 * link `POST /v1/workspaces/{id}/open` answers (valid 60 seconds). It says first that opening is
 * recorded in the audit log of the tenant and of the operator. The tab is opened on the click
 * itself (so no pop-up blocker stops it) and pointed at the link once it arrives; if the browser
 * gave no tab, the link is shown to open by hand.
 */
import { ExternalLink } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Dialog } from "../../ui/Dialog";
import { toast } from "../../ui/toast";
import type { TenantDialogProps } from "./ChangePlanDialog";
import { useOpenTenant } from "./use-tenants";

export function OpenTenantDialog({ tenant, open, onOpenChange }: TenantDialogProps) {
  const openTenant = useOpenTenant(tenant.id);
  const [manualUrl, setManualUrl] = useState<string>();
  // Read by the confirmation's close, which runs before the state above is re-rendered.
  const showingManual = useRef(false);
  useEffect(() => {
    if (!open) return;
    setManualUrl(undefined);
    showingManual.current = false;
  }, [open]);

  const run = async () => {
    // Opened now, while the click still counts as the person's own gesture.
    const tab = window.open("about:blank", "_blank");
    try {
      const { url } = await openTenant.mutateAsync();
      if (tab) {
        tab.opener = null;
        tab.location.href = url;
        toast(`${tenant.name} opened in a new tab`);
      } else {
        showingManual.current = true;
        setManualUrl(url);
      }
    } catch (failure) {
      tab?.close();
      throw failure;
    }
  };

  return (
    <>
      <ConfirmDialog
        open={open && manualUrl === undefined}
        onOpenChange={(next) => {
          if (!next && showingManual.current) return;
          onOpenChange(next);
        }}
        title={`Open ${tenant.name}?`}
        confirmLabel="Open in a new tab"
        tone="primary"
        onConfirm={run}
      >
        <p>
          You enter the key screens of {tenant.name} as an admin, in a new tab, through a one-time link that
          works for 60 seconds.
        </p>
        <p>
          <strong>This is audited:</strong> opening is recorded in the audit log of {tenant.name} and in
          yours.
        </p>
      </ConfirmDialog>
      <Dialog
        open={open && manualUrl !== undefined}
        onOpenChange={onOpenChange}
        title={`Open ${tenant.name}`}
        description="The browser did not open a new tab. The link works once, within 60 seconds."
        footer={<Button onClick={() => onOpenChange(false)}>Close</Button>}
      >
        <a
          href={manualUrl}
          target="_blank"
          rel="noopener noreferrer"
          onClick={() => onOpenChange(false)}
          className="inline-flex items-center gap-1.5 font-medium text-brand-700 underline"
        >
          <ExternalLink aria-hidden className="size-4" />
          Open {tenant.name}
        </a>
      </Dialog>
    </>
  );
}
