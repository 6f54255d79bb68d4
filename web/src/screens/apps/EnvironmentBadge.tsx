/** An app's environment as a badge: production stands out, staging and development are quieter. */
import type { Environment } from "../../app/permissions";
import { cn } from "../../ui/cn";

const LOOK: Record<Environment, { label: string; className: string }> = {
  production: { label: "Production", className: "bg-rose-50 text-rose-800 ring-rose-600/20" },
  staging: { label: "Staging", className: "bg-amber-50 text-amber-800 ring-amber-600/20" },
  development: { label: "Development", className: "bg-sky-50 text-sky-800 ring-sky-600/20" },
};

export function environmentLabel(environment: Environment): string {
  return LOOK[environment].label;
}

export function EnvironmentBadge({ environment }: { environment: Environment }) {
  const look = LOOK[environment];
  return (
    <span
      className={cn(
        "inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        look.className,
      )}
    >
      {look.label}
    </span>
  );
}
