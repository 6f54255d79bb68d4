/**
 * A modal dialog (Radix): focus moves in, stays inside, and returns to what opened it; Escape and
 * the close button dismiss it. The title names the dialog for screen readers.
 */
import { X } from "lucide-react";
import { Dialog as RadixDialog } from "radix-ui";
import { type ReactNode, useRef } from "react";
import { cn } from "./cn";
import { placeNearOpener } from "./framed-dialog";

export interface DialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Buttons at the bottom, right-aligned. */
  footer?: ReactNode;
  size?: "md" | "lg";
  /** Stop outside clicks and Escape from closing it (the secret-once dialog). */
  dismissible?: boolean;
  /** Where focus goes on close when what opened the dialog is gone (say, an empty state's button). */
  returnFocusTo?: () => HTMLElement | null | undefined;
}

export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  size = "md",
  dismissible = true,
  returnFocusTo,
}: DialogProps) {
  // A controlled dialog has no Radix Trigger to give focus back to: remember what had focus.
  const opener = useRef<HTMLElement | null>(null);
  const block = (event: Event) => {
    if (!dismissible) event.preventDefault();
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <RadixDialog.Content
          onOpenAutoFocus={(event) => {
            const active = document.activeElement;
            opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
            if (event.currentTarget instanceof HTMLElement)
              placeNearOpener(event.currentTarget, opener.current);
          }}
          onCloseAutoFocus={(event) => {
            const target = opener.current?.isConnected ? opener.current : returnFocusTo?.();
            if (!target) return;
            event.preventDefault();
            target.focus();
          }}
          onEscapeKeyDown={block}
          onPointerDownOutside={block}
          onInteractOutside={block}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto",
            "rounded-lg bg-white p-5 shadow-xl focus:outline-none",
            size === "lg" ? "max-w-2xl" : "max-w-lg",
          )}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <RadixDialog.Title className="text-lg font-semibold text-slate-900">{title}</RadixDialog.Title>
              {description ? (
                <RadixDialog.Description className="mt-1 text-sm text-slate-600">
                  {description}
                </RadixDialog.Description>
              ) : (
                <RadixDialog.Description className="sr-only">{title}</RadixDialog.Description>
              )}
            </div>
            {dismissible && (
              <RadixDialog.Close
                className="rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
                aria-label="Close"
              >
                <X aria-hidden className="size-4" />
              </RadixDialog.Close>
            )}
          </div>
          {children}
          {footer && <div className="mt-5 flex flex-wrap justify-end gap-2">{footer}</div>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
