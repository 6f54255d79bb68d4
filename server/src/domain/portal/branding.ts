/**
 * The portal's look (platform mode): product name, logo and accent colour. The operator sets its
 * own; a tenant may override any of them; the portal shows the effective one, field by field.
 */

/** What a workspace stores in `workspaces.branding`: every field optional, null where unset. */
export interface Branding {
  productName: string | null;
  logoUrl: string | null;
  accentColor: string | null;
}

/** What the portal shows when neither the tenant nor the operator set a field. */
export const DEFAULT_BRANDING = {
  productName: "Keygate",
  logoUrl: null,
  accentColor: "#4f46e5",
} as const satisfies Branding;

/** The effective branding: always a product name and an accent colour; a logo only when set. */
export interface EffectiveBranding {
  productName: string;
  logoUrl: string | null;
  accentColor: string;
}

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/**
 * A workspace's stored branding (jsonb, possibly `{}` or with missing fields) as a
 * {@link Branding}: unknown or malformed fields read as unset.
 */
export function readBranding(stored: unknown): Branding {
  const value = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    productName: text(value.productName),
    logoUrl: text(value.logoUrl),
    accentColor: text(value.accentColor),
  };
}

/**
 * The tenant's override over the operator's, field by field, over the defaults.
 *
 * @example effectiveBranding({ productName: null, logoUrl: null, accentColor: "#000000" },
 *   { productName: "Acme Cloud", logoUrl: "https://acme.test/logo.svg", accentColor: "#ff0000" })
 *   // { productName: "Acme Cloud", logoUrl: "https://acme.test/logo.svg", accentColor: "#000000" }
 */
export function effectiveBranding(tenant: Branding, operator: Branding): EffectiveBranding {
  return {
    productName: tenant.productName ?? operator.productName ?? DEFAULT_BRANDING.productName,
    logoUrl: tenant.logoUrl ?? operator.logoUrl ?? DEFAULT_BRANDING.logoUrl,
    accentColor: tenant.accentColor ?? operator.accentColor ?? DEFAULT_BRANDING.accentColor,
  };
}

/**
 * A change of branding applied to the stored one: a field given as null clears it, an absent
 * field keeps its value.
 */
export function mergeBranding(stored: Branding, change: Partial<Branding>): Branding {
  return {
    productName: change.productName !== undefined ? change.productName : stored.productName,
    logoUrl: change.logoUrl !== undefined ? change.logoUrl : stored.logoUrl,
    accentColor: change.accentColor !== undefined ? change.accentColor : stored.accentColor,
  };
}
