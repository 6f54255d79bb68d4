/** The "View" switch of the keys screen: Table or Cards (a radio group, arrow keys move between them). */
import { LayoutGrid, Table2 } from "lucide-react";
import { RadioGroup } from "radix-ui";
import { cn } from "../../ui/cn";
import type { KeysView } from "./use-keys-view";

const VIEWS = [
  { value: "table", label: "Table", Icon: Table2 },
  { value: "cards", label: "Cards", Icon: LayoutGrid },
] as const;

export function ViewToggle({ view, onChange }: { view: KeysView; onChange(view: KeysView): void }) {
  return (
    <RadioGroup.Root
      aria-label="View"
      orientation="horizontal"
      value={view}
      onValueChange={(value) => onChange(value === "cards" ? "cards" : "table")}
      className="inline-flex h-9 shrink-0 rounded-md border border-slate-300 bg-white p-0.5"
    >
      {VIEWS.map(({ value, label, Icon }) => (
        <RadioGroup.Item
          key={value}
          value={value}
          className={cn(
            "inline-flex items-center gap-1.5 rounded px-2.5 text-sm font-medium text-slate-600",
            "focus-visible:outline-2 focus-visible:outline-brand-600 data-[state=checked]:bg-slate-900 data-[state=checked]:text-white",
          )}
        >
          <Icon aria-hidden className="size-4" />
          {label}
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
