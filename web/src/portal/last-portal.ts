/**
 * What the ended-session screen may still say once the session is gone: the product's name and
 * look, and the way back. Kept for this tab only (sessionStorage), nothing secret. Storage can be
 * refused (a third-party frame with storage blocked): the screen then speaks without them.
 */
import type { PortalBranding } from "./portal-session";

export interface RememberedPortal {
  branding: PortalBranding;
  returnUrl: string | null;
  embedOrigins: readonly string[];
}

const STORAGE_KEY = "keygate:portal";

export function rememberPortal(portal: RememberedPortal): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(portal));
  } catch {
    // Storage refused: the ended screen will name no product.
  }
}

export function recallPortal(): RememberedPortal | null {
  try {
    const stored = sessionStorage.getItem(STORAGE_KEY);
    if (!stored) return null;
    const value = JSON.parse(stored) as Partial<RememberedPortal>;
    if (!value.branding || typeof value.branding.productName !== "string") return null;
    return {
      branding: value.branding,
      returnUrl: typeof value.returnUrl === "string" ? value.returnUrl : null,
      embedOrigins: Array.isArray(value.embedOrigins) ? value.embedOrigins : [],
    };
  } catch {
    return null;
  }
}
