/**
 * "New workspace": a customer of the platform as a tenant workspace: its name, the platform's id
 * for it (External ID, unique), its plan and, optionally, its own key prefix. The form is checked
 * before sending; the server's reasons (say, an External ID already taken) land by their fields.
 */
import { type FormEvent, useEffect, useState } from "react";
import { ApiRequestError, describeError, isApiError } from "../../api/errors";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { Field, inputClass } from "../../ui/Field";
import { withoutErrorsOf } from "../../ui/form-errors";
import { FormAlert } from "../auth/FormAlert";
import { PlanSelect } from "./PlanSelect";
import {
  checkTenantForm,
  emptyTenantForm,
  type TenantFormErrors,
  type TenantFormValues,
} from "./tenant-form";
import { type Tenant, useCreateTenant } from "./use-tenants";

export interface CreateTenantDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  onCreated?(tenant: Tenant): void;
}

const FIELDS = ["name", "externalId", "plan", "keyPrefix"] as const;

export function CreateTenantDialog({ open, onOpenChange, onCreated }: CreateTenantDialogProps) {
  const { workspace } = useSession();
  const create = useCreateTenant();
  const [values, setValues] = useState<TenantFormValues>(() => emptyTenantForm("pro"));
  const [errors, setErrors] = useState<TenantFormErrors>({});
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => {
    if (!open) return;
    setValues(emptyTenantForm("pro"));
    setErrors({});
    setFailure(undefined);
  }, [open]);

  const change = (next: Partial<TenantFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setErrors((current) => withoutErrorsOf(current, Object.keys(next)));
  };
  const serverError = failure instanceof ApiRequestError ? failure : undefined;
  const taken = isApiError(failure, "CONFLICT")
    ? "Another workspace already has this External ID"
    : undefined;
  const errorFor = (field: (typeof FIELDS)[number]) =>
    errors[field] ?? serverError?.detailFor(field) ?? (field === "externalId" ? taken : undefined);
  const formError =
    failure && !taken && !serverError?.details.some((detail) => FIELDS.some((field) => detail.path === field))
      ? describeError(failure)
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const checked = checkTenantForm(values);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    try {
      const tenant = await create.mutateAsync(checked.body);
      onOpenChange(false);
      onCreated?.(tenant);
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !create.isPending && onOpenChange(next)}
      title="New workspace"
      description="A workspace for one of your customers: its people manage their keys in it, through your product's key portal."
    >
      <form noValidate onSubmit={submit} className="space-y-4">
        <FormAlert message={formError} />
        <Field label="Name" hint="The customer's name, as your team knows it." error={errorFor("name")}>
          {(props) => (
            <input
              {...props}
              className={inputClass}
              value={values.name}
              autoComplete="off"
              placeholder="Acme Inc."
              onChange={(event) => change({ name: event.target.value })}
            />
          )}
        </Field>
        <Field
          label="External ID"
          hint="Your platform's id for this customer, such as cus_42: your billing code finds the workspace by it, and verification answers it."
          error={errorFor("externalId")}
        >
          {(props) => (
            <input
              {...props}
              className={`${inputClass} font-mono`}
              value={values.externalId}
              autoComplete="off"
              spellCheck={false}
              placeholder="cus_42"
              onChange={(event) => change({ externalId: event.target.value })}
            />
          )}
        </Field>
        <PlanSelect value={values.plan} onChange={(plan) => change({ plan })} error={errorFor("plan")} />
        <Field
          label="Key prefix"
          optional
          hint={`New keys of this workspace start with it. Empty: yours (${workspace.keyPrefix}).`}
          error={errorFor("keyPrefix")}
        >
          {(props) => (
            <input
              {...props}
              className={`${inputClass} max-w-48 font-mono`}
              value={values.keyPrefix}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="off"
              placeholder={workspace.keyPrefix}
              onChange={(event) => change({ keyPrefix: event.target.value })}
            />
          )}
        </Field>
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <Button onClick={() => onOpenChange(false)} disabled={create.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Create workspace
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
