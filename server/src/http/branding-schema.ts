/**
 * The branding of the key portal, as `PATCH /v1/workspace` (the operator's own) and
 * `PATCH /v1/workspaces/{id}` (a tenant's override) accept it and every answer shows it.
 * A field set to null clears it (the operator's, then Keygate's default shows again).
 */
import { z } from "zod";
import type { Branding, EffectiveBranding } from "../domain/portal/branding.js";

export const productNameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(60, "must be at most 60 characters")
  .describe("The product name the portal shows (`Acme Cloud`)");

export const logoUrlSchema = z
  .url({ protocol: /^https$/, error: "must be an https URL" })
  .max(2000, "must be at most 2000 characters")
  .describe(
    "The address of the logo the portal shows (https: the portal's pages load images only from there)",
  );

export const accentColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be a colour as #rrggbb")
  .transform((colour) => colour.toLowerCase())
  .describe("The portal's accent colour as `#rrggbb`");

/** A change of branding: every field optional; null clears it. */
export const brandingChangeSchema = z
  .strictObject({
    productName: productNameSchema.nullable().optional(),
    logoUrl: logoUrlSchema.nullable().optional(),
    accentColor: accentColorSchema.nullable().optional(),
  })
  .describe("The key portal's look; a field set to null is cleared");

/** Stored branding as answered: null where unset. */
export const brandingSchema = z
  .object({
    productName: z.string().nullable(),
    logoUrl: z.string().nullable(),
    accentColor: z.string().nullable(),
  })
  .describe(
    "The key portal's look as this workspace sets it; null where unset",
  ) satisfies z.ZodType<Branding>;

/** The branding the portal shows: the tenant's over the operator's over Keygate's defaults. */
export const effectiveBrandingSchema = z
  .object({
    productName: z.string(),
    logoUrl: z.string().nullable(),
    accentColor: z.string(),
  })
  .describe(
    "The look the portal shows: the tenant's override over the operator's over the defaults (Keygate, no logo, #4f46e5)",
  ) satisfies z.ZodType<EffectiveBranding>;
