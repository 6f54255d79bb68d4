/**
 * A tenant's actions menu ("Actions for <name>"): Change plan, Suspend or Resume, Open as admin,
 * Create root key, Edit branding, Delete, and Copy External ID. Each opens its dialog once the
 * menu has given focus back to its button, so closing the dialog returns focus there.
 */
import { MoreHorizontal } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useRef, useState } from "react";
import { cn } from "../../ui/cn";
import { toast } from "../../ui/toast";
import { ChangePlanDialog } from "./ChangePlanDialog";
import { DeleteTenantDialog } from "./DeleteTenantDialog";
import { OpenTenantDialog } from "./OpenTenantDialog";
import { SuspendTenantDialog } from "./SuspendTenantDialog";
import { TenantBrandingDialog } from "./TenantBrandingDialog";
import { TenantRootKeyDialog } from "./TenantRootKeyDialog";
import type { Tenant } from "./use-tenants";

type TenantDialog = "plan" | "suspend" | "open" | "root-key" | "branding" | "delete";

const baseItemClass = cn(
  "flex cursor-pointer items-center rounded px-2.5 py-1.5 text-sm outline-none select-none",
  "data-[highlighted]:bg-slate-100 data-[disabled]:cursor-not-allowed data-[disabled]:text-slate-400",
);
// One text colour per item: two in one class list would leave the winner to the stylesheet's order.
const itemClass = cn(baseItemClass, "text-slate-800");
const dangerItemClass = cn(baseItemClass, "text-red-700");

async function copy(value: string, what: string) {
  try {
    await navigator.clipboard.writeText(value);
    toast(`${what} copied`);
  } catch {
    toast("The browser did not allow copying; select the text and copy it yourself.", "error");
  }
}

export function TenantActionsMenu({ tenant, canWrite }: { tenant: Tenant; canWrite: boolean }) {
  const [dialog, setDialog] = useState<TenantDialog | null>(null);
  const pending = useRef<TenantDialog | null>(null);
  const open = (which: TenantDialog) => () => {
    pending.current = which;
  };
  const dialogProps = (which: TenantDialog) => ({
    tenant,
    open: dialog === which,
    onOpenChange: (next: boolean) => setDialog(next ? which : null),
  });

  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          aria-label={`Actions for ${tenant.name}`}
          className="inline-flex size-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-600 data-[state=open]:bg-slate-100"
        >
          <MoreHorizontal aria-hidden className="size-4" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            onCloseAutoFocus={() => {
              const next = pending.current;
              pending.current = null;
              if (next) setDialog(next);
            }}
            align="end"
            sideOffset={4}
            className="z-30 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
          >
            {canWrite && (
              <>
                <DropdownMenu.Item className={itemClass} onSelect={open("plan")}>
                  Change plan
                </DropdownMenu.Item>
                <DropdownMenu.Item className={itemClass} onSelect={open("open")} disabled={tenant.suspended}>
                  Open as admin
                </DropdownMenu.Item>
                <DropdownMenu.Item className={itemClass} onSelect={open("root-key")}>
                  Create root key
                </DropdownMenu.Item>
                <DropdownMenu.Item className={itemClass} onSelect={open("branding")}>
                  Edit branding
                </DropdownMenu.Item>
                <DropdownMenu.Item
                  className={tenant.suspended ? itemClass : dangerItemClass}
                  onSelect={open("suspend")}
                >
                  {tenant.suspended ? "Resume" : "Suspend"}
                </DropdownMenu.Item>
                <DropdownMenu.Item className={dangerItemClass} onSelect={open("delete")}>
                  Delete
                </DropdownMenu.Item>
                <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
              </>
            )}
            <DropdownMenu.Item
              className={itemClass}
              onSelect={() => copy(tenant.externalId ?? "", "External ID")}
            >
              Copy External ID
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClass} onSelect={() => copy(tenant.id, "Workspace ID")}>
              Copy workspace ID
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {canWrite && (
        <>
          <ChangePlanDialog {...dialogProps("plan")} />
          <SuspendTenantDialog {...dialogProps("suspend")} />
          <OpenTenantDialog {...dialogProps("open")} />
          <TenantRootKeyDialog {...dialogProps("root-key")} />
          <TenantBrandingDialog {...dialogProps("branding")} />
          <DeleteTenantDialog {...dialogProps("delete")} />
        </>
      )}
    </>
  );
}
