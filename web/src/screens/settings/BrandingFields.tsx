/**
 * The branding fields of the key portal: product name, logo URL (with a preview of the image) and
 * accent colour (typed as #rrggbb or picked, with a swatch). The dashboard's Content-Security-Policy
 * lets it show only its own images, so a logo on another site gets a link to open it instead of a
 * preview (the portal's pages may show https logos). Empty fields fall back to `fallback`
 * (the operator's branding for a tenant, Keygate's defaults for the operator), which the hints say.
 */
import { useState } from "react";
import { cn } from "../../ui/cn";
import { Field, inputClass } from "../../ui/Field";
import { type BrandingErrors, type BrandingFormValues, isColour } from "./branding-form";

export interface BrandingFieldsProps {
  values: BrandingFormValues;
  onChange(change: Partial<BrandingFormValues>): void;
  errors: BrandingErrors;
  /** What shows where a field is empty, in words for the hints. */
  fallback: { productName: string; accentColor: string; logo: string };
  disabled?: boolean;
}

function LogoPreview({ url }: { url: string }) {
  // The address whose image failed; a new address is tried again.
  const [failedUrl, setFailedUrl] = useState<string>();
  const shown = /^https?:\/\/\S+$/.test(url.trim()) ? url.trim() : "";
  const failed = failedUrl === shown;
  return (
    <div className="flex min-h-16 w-48 shrink-0 items-center justify-center overflow-hidden rounded-md border border-dashed border-slate-300 bg-slate-50 p-2">
      {shown && !failed ? (
        <img
          src={shown}
          alt="Logo preview"
          className="max-h-14 max-w-full object-contain"
          onError={() => setFailedUrl(shown)}
        />
      ) : (
        <span className="text-center text-xs text-slate-500">
          {shown ? (
            <>
              No preview here (the dashboard loads no images from other sites).{" "}
              <a href={shown} target="_blank" rel="noopener noreferrer" className="text-brand-700 underline">
                Open the image
              </a>
            </>
          ) : (
            "No logo"
          )}
        </span>
      )}
    </div>
  );
}

export function BrandingFields({ values, onChange, errors, fallback, disabled }: BrandingFieldsProps) {
  const swatch = isColour(values.accentColor) ? values.accentColor.trim() : fallback.accentColor;
  return (
    <div className="space-y-4">
      <Field
        label="Product name"
        optional
        hint={`The name the key portal shows. Empty: ${fallback.productName}.`}
        error={errors.productName}
      >
        {(props) => (
          <input
            {...props}
            className={inputClass}
            value={values.productName}
            maxLength={60}
            disabled={disabled}
            placeholder={fallback.productName}
            onChange={(event) => onChange({ productName: event.target.value })}
          />
        )}
      </Field>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <Field
            label="Logo URL"
            optional
            hint={`An https address of an image (SVG or PNG), shown at the top of the portal. Empty: ${fallback.logo}.`}
            error={errors.logoUrl}
          >
            {(props) => (
              <input
                {...props}
                type="url"
                inputMode="url"
                spellCheck={false}
                className={inputClass}
                value={values.logoUrl}
                disabled={disabled}
                placeholder="https://example.com/logo.svg"
                onChange={(event) => onChange({ logoUrl: event.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="sm:pt-7">
          <LogoPreview url={values.logoUrl} />
        </div>
      </div>
      <Field
        label="Accent colour"
        optional
        hint={`As #rrggbb; buttons and links of the portal use it. Empty: ${fallback.accentColor}.`}
        error={errors.accentColor}
      >
        {(props) => (
          <div className="flex items-center gap-2">
            <input
              {...props}
              className={cn(inputClass, "max-w-40 font-mono")}
              value={values.accentColor}
              disabled={disabled}
              spellCheck={false}
              placeholder={fallback.accentColor}
              onChange={(event) => onChange({ accentColor: event.target.value })}
            />
            <input
              type="color"
              aria-label="Pick the accent colour"
              className="h-9 w-12 cursor-pointer rounded-md border border-slate-300 bg-white p-1 disabled:cursor-not-allowed"
              value={swatch.toLowerCase()}
              disabled={disabled}
              onChange={(event) => onChange({ accentColor: event.target.value })}
            />
            <span
              aria-hidden
              className="inline-flex h-9 items-center rounded-md px-3 text-sm font-medium text-white"
              style={{ backgroundColor: swatch }}
            >
              Button
            </span>
          </div>
        )}
      </Field>
    </div>
  );
}
