/**
 * A key's actions menu ("Actions for <name>"): View details, Edit, Rotate, Revoke, Delete, Copy
 * key ID, Copy prefix, each only where the person's role allows it (developers rotate keys outside
 * production only; viewers only look and copy; Reveal for a recoverable key, to admins and owners).
 * The dialogs the items open live here.
 */
import { MoreHorizontal } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import type { KeyObject } from "../../api/types";
import { useSession } from "../../app/session";
import { cn } from "../../ui/cn";
import { toast } from "../../ui/toast";
import { DeleteKeyDialog } from "./DeleteKeyDialog";
import { EditKeyDialog } from "./EditKeyDialog";
import { useCanReveal } from "./KeyValue";
import { RevealKeyDialog } from "./RevealKeyDialog";
import { RevokeKeyDialog } from "./RevokeKeyDialog";
import { RotateKeyDialog } from "./RotateKeyDialog";

type KeyDialog = "edit" | "rotate" | "revoke" | "delete" | "reveal";

export interface KeyActionsMenuProps {
  apiKey: KeyObject;
  /** Hide "View details" (on the detail screen itself). */
  onDetailScreen?: boolean;
  /** After Delete (the detail screen goes back to the list). */
  onDeleted?(): void;
}

const itemClass = cn(
  "flex cursor-pointer items-center rounded px-2.5 py-1.5 text-sm text-slate-800 outline-none select-none",
  "data-[highlighted]:bg-slate-100",
);

async function copy(value: string, what: string) {
  try {
    await navigator.clipboard.writeText(value);
    toast(`${what} copied`);
  } catch {
    toast("The browser did not allow copying; select the text and copy it yourself.", "error");
  }
}

export function KeyActionsMenu({ apiKey, onDetailScreen, onDeleted }: KeyActionsMenuProps) {
  const { abilities } = useSession();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<KeyDialog | null>(null);
  const revoked = apiKey.status === "revoked";
  const canEdit = abilities.canManageKeys && !revoked;
  const canRotate = abilities.canIssue(apiKey.environment) && !revoked;
  const canRevoke = abilities.canManageKeys && !revoked;
  const canDelete = abilities.canManageKeys;
  const canReveal = useCanReveal(apiKey);
  // The dialog opens once the menu has closed and given focus back to its button, so the dialog
  // returns focus there when it closes.
  const pending = useRef<KeyDialog | null>(null);
  const open = (which: KeyDialog) => () => {
    pending.current = which;
  };
  const dialogProps = (which: KeyDialog) => ({
    apiKey,
    open: dialog === which,
    onOpenChange: (open: boolean) => setDialog(open ? which : null),
  });

  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          aria-label={`Actions for ${apiKey.name}`}
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
            className="z-30 min-w-44 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
          >
            {!onDetailScreen && (
              <DropdownMenu.Item className={itemClass} onSelect={() => navigate(`/keys/${apiKey.id}`)}>
                View details
              </DropdownMenu.Item>
            )}
            {canEdit && (
              <DropdownMenu.Item className={itemClass} onSelect={open("edit")}>
                Edit
              </DropdownMenu.Item>
            )}
            {canRotate && (
              <DropdownMenu.Item className={itemClass} onSelect={open("rotate")}>
                Rotate
              </DropdownMenu.Item>
            )}
            {canRevoke && (
              <DropdownMenu.Item className={cn(itemClass, "text-red-700")} onSelect={open("revoke")}>
                Revoke
              </DropdownMenu.Item>
            )}
            {canDelete && (
              <DropdownMenu.Item className={cn(itemClass, "text-red-700")} onSelect={open("delete")}>
                Delete
              </DropdownMenu.Item>
            )}
            <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
            {canReveal && (
              <DropdownMenu.Item className={itemClass} onSelect={open("reveal")}>
                Reveal
              </DropdownMenu.Item>
            )}
            <DropdownMenu.Item className={itemClass} onSelect={() => copy(apiKey.id, "Key ID")}>
              Copy key ID
            </DropdownMenu.Item>
            <DropdownMenu.Item className={itemClass} onSelect={() => copy(apiKey.start, "Prefix")}>
              Copy prefix
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {canEdit && <EditKeyDialog {...dialogProps("edit")} />}
      {canRotate && <RotateKeyDialog {...dialogProps("rotate")} />}
      {canRevoke && <RevokeKeyDialog {...dialogProps("revoke")} />}
      {canDelete && <DeleteKeyDialog {...dialogProps("delete")} onDeleted={onDeleted} />}
      {canReveal && <RevealKeyDialog {...dialogProps("reveal")} />}
    </>
  );
}
