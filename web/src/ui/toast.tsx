/**
 * Short confirmations ("Key disabled", "Copied") and failures, announced politely to screen
 * readers (Radix Toast). `toast()` can be called from anywhere; `<Toaster />` renders them.
 */
import { Toast } from "radix-ui";
import { useSyncExternalStore } from "react";
import { cn } from "./cn";

interface ToastItem {
  id: number;
  message: string;
  tone: "success" | "error";
}

let items: ToastItem[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

/** Shows a toast for a few seconds. */
export function toast(message: string, tone: ToastItem["tone"] = "success"): void {
  items = [...items, { id: nextId++, message, tone }];
  emit();
}

function dismiss(id: number) {
  items = items.filter((item) => item.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function Toaster() {
  const current = useSyncExternalStore(subscribe, () => items);
  return (
    <Toast.Provider duration={4000} label="Notifications">
      {current.map((item) => (
        <Toast.Root
          key={item.id}
          type={item.tone === "error" ? "foreground" : "background"}
          onOpenChange={(open) => !open && dismiss(item.id)}
          className={cn(
            "rounded-md px-4 py-3 text-sm shadow-lg",
            item.tone === "error" ? "bg-red-700 text-white" : "bg-slate-900 text-white",
          )}
        >
          <Toast.Description>{item.message}</Toast.Description>
        </Toast.Root>
      ))}
      <Toast.Viewport className="fixed right-4 bottom-4 z-[60] flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2" />
    </Toast.Provider>
  );
}
