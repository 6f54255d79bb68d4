/**
 * The platform's mark: its logo when it set one (named by the product for screen readers), else,
 * or when the logo cannot load (moved, or refused by the page's img-src), a key icon and the
 * product name.
 */
import { KeySquare } from "lucide-react";
import { useState } from "react";
import type { PortalBranding } from "./portal-session";

export function PortalBrand({ branding }: { branding: PortalBranding }) {
  const [logoFailed, setLogoFailed] = useState(false);
  if (branding.logoUrl && !logoFailed) {
    return (
      <img
        src={branding.logoUrl}
        alt={branding.productName}
        onError={() => setLogoFailed(true)}
        className="h-7 max-w-40 object-contain"
      />
    );
  }
  return (
    <span className="flex min-w-0 items-center gap-2 text-base font-semibold text-slate-900">
      <KeySquare aria-hidden className="size-5 shrink-0 text-brand-600" />
      <span className="truncate">{branding.productName}</span>
    </span>
  );
}
