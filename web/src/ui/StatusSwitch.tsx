/** An on/off switch (Radix Switch, role="switch" with aria-checked) with its visible or hidden label. */
import { Switch } from "radix-ui";
import { cn } from "./cn";

export interface StatusSwitchProps {
  checked: boolean;
  onCheckedChange(checked: boolean): void;
  /** The accessible name, e.g. "Enabled". */
  label: string;
  /** Shown next to the switch; hidden (but still the name) when omitted. */
  visibleLabel?: string;
  disabled?: boolean;
}

export function StatusSwitch({ checked, onCheckedChange, label, visibleLabel, disabled }: StatusSwitchProps) {
  return (
    <span className="inline-flex items-center gap-2">
      <Switch.Root
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
        aria-label={label}
        className={cn(
          "relative inline-flex h-5 w-9 shrink-0 cursor-pointer rounded-full transition-colors",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
          "disabled:cursor-not-allowed disabled:opacity-50",
          checked ? "bg-green-600" : "bg-slate-300",
        )}
      >
        <Switch.Thumb
          className={cn(
            "block size-4 translate-y-0.5 rounded-full bg-white shadow transition-transform",
            checked ? "translate-x-[18px]" : "translate-x-0.5",
          )}
        />
      </Switch.Root>
      {visibleLabel && (
        <span aria-hidden className="text-sm text-slate-700">
          {visibleLabel}
        </span>
      )}
    </span>
  );
}
