/**
 * The New workspace form as data: what a person types, the checks the server makes too (the
 * external id's characters, the key prefix's rule, imported from the server), and the request.
 */
import { nameSchema } from "../../../../server/src/domain/fields";
import { PREFIX_PATTERN } from "../../../../server/src/domain/key-prefix";
import type { TenantCreateBody } from "./use-tenants";

export type Plan = TenantCreateBody["plan"];

export interface TenantFormValues {
  name: string;
  externalId: string;
  plan: Plan;
  /** "" for the operator's own prefix. */
  keyPrefix: string;
}

export type TenantFormErrors = Partial<Record<keyof TenantFormValues, string>>;

/** The platform's customer id: 1-200 of `A-Z a-z 0-9 . _ : @ -` (the server's rule). */
export const EXTERNAL_ID_PATTERN = /^[A-Za-z0-9._:@-]{1,200}$/;

export const emptyTenantForm = (plan: Plan): TenantFormValues => ({
  name: "",
  externalId: "",
  plan,
  keyPrefix: "",
});

const sentence = (message: string) => message.charAt(0).toUpperCase() + message.slice(1);

export function checkTenantForm(
  values: TenantFormValues,
): { ok: true; body: TenantCreateBody } | { ok: false; errors: TenantFormErrors } {
  const errors: TenantFormErrors = {};
  const name = values.name.trim();
  const externalId = values.externalId.trim();
  const keyPrefix = values.keyPrefix.trim();
  const namedAs = nameSchema.safeParse(name);
  if (!name) errors.name = "Enter the customer's name, such as Acme Inc.";
  else if (!namedAs.success) errors.name = sentence(namedAs.error.issues[0]?.message ?? "is not a name");
  if (!externalId) errors.externalId = "Enter your platform's id for this customer, such as cus_42";
  else if (!EXTERNAL_ID_PATTERN.test(externalId)) {
    errors.externalId = "Use at most 200 letters, digits and . _ : @ - (no spaces)";
  }
  if (keyPrefix && !PREFIX_PATTERN.test(keyPrefix)) {
    errors.keyPrefix = "2-16 lowercase letters or digits, with at most one _ inside";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { name, externalId, plan: values.plan, ...(keyPrefix ? { keyPrefix } : {}) } };
}
