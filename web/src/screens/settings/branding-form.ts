/**
 * The key portal's branding as a form (the operator's own in Settings, a tenant's override in
 * Workspaces): the text a person types, its check with the server's own schema
 * (`brandingChangeSchema`), and the change it becomes. An emptied field is sent as null, which
 * clears it (the operator's value, then Keygate's default, shows again).
 */
import { brandingChangeSchema } from "../../../../server/src/http/branding-schema";

export interface Branding {
  productName: string | null;
  logoUrl: string | null;
  accentColor: string | null;
}

export interface BrandingFormValues {
  productName: string;
  logoUrl: string;
  accentColor: string;
}

export type BrandingField = keyof BrandingFormValues;
export type BrandingErrors = Partial<Record<BrandingField, string>>;
export type BrandingChange = Partial<Branding>;

/** Keygate's own look, shown when neither the tenant nor the operator set a field. */
export const DEFAULT_PRODUCT_NAME = "Keygate";
export const DEFAULT_ACCENT = "#4f46e5";

export const brandingValuesOf = (branding: Branding): BrandingFormValues => ({
  productName: branding.productName ?? "",
  logoUrl: branding.logoUrl ?? "",
  accentColor: branding.accentColor ?? "",
});

const FIELDS: BrandingField[] = ["productName", "logoUrl", "accentColor"];

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

/** The fields that changed (emptied ones as null), or the message of each field to fix. */
export function checkBrandingForm(
  values: BrandingFormValues,
  before: Branding,
): { ok: true; change: BrandingChange } | { ok: false; errors: BrandingErrors } {
  const change: BrandingChange = {};
  for (const field of FIELDS) {
    const typed = values[field].trim();
    const next = typed === "" ? null : typed;
    if (next !== (before[field] ?? null)) change[field] = next;
  }
  const parsed = brandingChangeSchema.safeParse(change);
  if (parsed.success) return { ok: true, change: parsed.data };
  const errors: BrandingErrors = {};
  for (const issue of parsed.error.issues) {
    const field = FIELDS.find((name) => name === issue.path[0]);
    if (field && !errors[field]) errors[field] = sentence(issue.message);
  }
  return { ok: false, errors };
}

/** Whether a typed colour is a whole `#rrggbb` (the swatch shows it only then). */
export const isColour = (value: string) => /^#[0-9a-fA-F]{6}$/.test(value.trim());
