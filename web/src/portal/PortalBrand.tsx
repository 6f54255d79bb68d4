/** The platform's mark: its logo when it set one (named by the product), else a key icon and the product name. */
import { KeySquare } from "lucide-react";
import type { PortalBranding } from "./portal-session";

export function PortalBrand({ branding }: { branding: PortalBranding }) {
  if (branding.logoUrl) {
    return (
      <span className="flex min-w-0 items-center gap-2">
        <img src={branding.logoUrl} alt={branding.productName} className="h-7 max-w-40 object-contain" />
      </span>
    );
  }
  return (
    <span className="flex min-w-0 items-center gap-2 text-base font-semibold text-slate-900">
      <KeySquare aria-hidden className="size-5 shrink-0 text-brand-600" />
      <span className="truncate">{branding.productName}</span>
    </span>
  );
}
