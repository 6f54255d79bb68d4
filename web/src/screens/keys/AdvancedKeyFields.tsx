/**
 * The Advanced part of the key forms, a disclosure: the External ID (the end user or customer the
 * key belongs to; the create form only, it is kept for good), the IP allowlist (one CIDR per
 * line), the named rate limits (RateLimitsField) and the quota. A plan without IP allowlists or usage
 * limits shows those fields disabled, with a note saying which plan feature they need.
 */
import { ChevronRight } from "lucide-react";
import { Collapsible } from "radix-ui";
import { useEffect, useState } from "react";
import type { Workspace } from "../../api/types";
import { cn } from "../../ui/cn";
import { Field, inputClass } from "../../ui/Field";
import type { KeyFormErrors, KeyFormValues, QuotaRefillInterval } from "./key-form";
import { RateLimitsField } from "./RateLimitsField";

export interface AdvancedKeyFieldsProps {
  values: KeyFormValues;
  errors: KeyFormErrors;
  onChange(change: Partial<KeyFormValues>): void;
  entitlements: Workspace["entitlements"];
  /** Open at first (the edit dialog, when the key has limits). */
  defaultOpen?: boolean;
  /** Offer the External ID (the create form; a key keeps the one it was made with). */
  withExternalId?: boolean;
}

const REFILLS: Array<[QuotaRefillInterval | "", string]> = [
  ["", "Never"],
  ["minute", "Every minute"],
  ["hour", "Every hour"],
  ["day", "Every day"],
  ["week", "Every week"],
  ["month", "Every month"],
];

function PlanNote({ children }: { children: string }) {
  return <p className="rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-600">{children}</p>;
}

export function AdvancedKeyFields({
  values,
  errors,
  onChange,
  entitlements,
  defaultOpen,
  withExternalId,
}: AdvancedKeyFieldsProps) {
  const hasErrors =
    Boolean(errors.externalId || errors.ipAllowlist || errors.quota || errors.quotaRefill) ||
    Object.keys(errors).some((field) => field.startsWith("rateLimits"));
  const [open, setOpen] = useState(Boolean(defaultOpen));
  useEffect(() => {
    if (hasErrors) setOpen(true);
  }, [hasErrors]);
  return (
    <Collapsible.Root open={open} onOpenChange={setOpen}>
      <Collapsible.Trigger className="group inline-flex items-center gap-1 rounded text-sm font-medium text-slate-800 hover:text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-600">
        <ChevronRight aria-hidden className="size-4 transition-transform group-data-[state=open]:rotate-90" />
        Advanced
      </Collapsible.Trigger>
      <Collapsible.Content className="mt-3 space-y-4 rounded-md border border-slate-200 p-3">
        {withExternalId && (
          <Field
            label="External ID"
            optional
            hint="The end user or customer this key belongs to, as your platform names them (such as user_123). Their keys share one identity: you can find them together, limit them together and revoke them all at once. It cannot be changed later."
            error={errors.externalId}
          >
            {(props) => (
              <input
                {...props}
                className={cn(inputClass, "font-mono")}
                value={values.externalId}
                maxLength={200}
                autoComplete="off"
                spellCheck={false}
                placeholder="user_123"
                onChange={(event) => onChange({ externalId: event.target.value })}
              />
            )}
          </Field>
        )}
        <div className="space-y-1.5">
          <Field
            label="IP allowlist"
            optional
            hint="One address or CIDR per line, such as 203.0.113.0/24. Empty allows every network."
            error={errors.ipAllowlist}
          >
            {(props) => (
              <textarea
                {...props}
                rows={3}
                className={cn(inputClass, "font-mono")}
                value={values.ipAllowlist}
                disabled={!entitlements.ipAllowlists}
                onChange={(event) => onChange({ ipAllowlist: event.target.value })}
              />
            )}
          </Field>
          {!entitlements.ipAllowlists && (
            <PlanNote>
              Your plan does not include IP allowlists; upgrade to limit where a key may be used from.
            </PlanNote>
          )}
        </div>

        <div className="space-y-4">
          <RateLimitsField
            rows={values.rateLimits}
            onChange={(rateLimits) => onChange({ rateLimits })}
            errors={errors}
            disabled={!entitlements.usageLimits}
          />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field
              label="Quota"
              optional
              hint="Verifications the key may make in total."
              error={errors.quota}
            >
              {(props) => (
                <input
                  {...props}
                  inputMode="numeric"
                  className={inputClass}
                  value={values.quota}
                  disabled={!entitlements.usageLimits}
                  onChange={(event) => onChange({ quota: event.target.value })}
                />
              )}
            </Field>
            <Field label="Quota refill" error={errors.quotaRefill}>
              {(props) => (
                <select
                  {...props}
                  className={inputClass}
                  value={values.quotaRefill}
                  disabled={!entitlements.usageLimits}
                  onChange={(event) =>
                    onChange({
                      quotaRefill: REFILLS.find(([interval]) => interval === event.target.value)?.[0] ?? "",
                    })
                  }
                >
                  {REFILLS.map(([interval, label]) => (
                    <option key={interval} value={interval}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {!entitlements.usageLimits && (
            <PlanNote>
              Your plan does not include rate limits and quotas; upgrade to limit how much a key is used.
            </PlanNote>
          )}
        </div>
      </Collapsible.Content>
    </Collapsible.Root>
  );
}
