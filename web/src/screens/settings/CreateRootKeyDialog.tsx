/**
 * "Create root key": a name and the permissions it holds (every permission, or a chosen few),
 * checked before sending; the new key is then shown once by the caller (SecretOnceDialog).
 */
import { type FormEvent, useState } from "react";
import { PERMISSIONS, type Permission } from "../../../../server/src/domain/principal";
import { ApiRequestError, describeError } from "../../api/errors";
import type { Body } from "../../api/types";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { Field, inputClass } from "../../ui/Field";
import { withoutErrorsOf } from "../../ui/form-errors";
import { FormAlert } from "../auth/FormAlert";

export type RootKeyInput = Body<"/v1/root-keys", "post">;

export interface CreateRootKeyDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  /** Creates the key; throws the API's refusal. */
  onCreate(input: RootKeyInput): Promise<unknown>;
  /** The permissions offered; every permission by default (a tenant's key: none of the operator's). */
  permissions?: readonly Permission[];
  title?: string;
  description?: string;
}

const DESCRIPTION =
  "A management credential for scripts and servers (Authorization: Bearer …). It can do only what its permissions allow, and only what you may do yourself.";

export function CreateRootKeyDialog({
  open,
  onOpenChange,
  onCreate,
  permissions = PERMISSIONS,
  title = "Create root key",
  description = DESCRIPTION,
}: CreateRootKeyDialogProps) {
  const [name, setName] = useState("");
  const [all, setAll] = useState(false);
  const [chosen, setChosen] = useState<Set<Permission>>(new Set());
  const [errors, setErrors] = useState<{ name?: string; permissions?: string }>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const change = (next: boolean) => {
    if (busy) return;
    if (!next) {
      setName("");
      setAll(false);
      setChosen(new Set());
      setErrors({});
      setFailure(undefined);
    }
    onOpenChange(next);
  };

  const toggle = (permission: Permission, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(permission);
    else next.delete(permission);
    setChosen(next);
    setErrors((current) => withoutErrorsOf(current, ["permissions"]));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: { name?: string; permissions?: string } = {};
    if (!name.trim()) problems.name = "Enter what the key is for, such as ci-deploy";
    if (!all && chosen.size === 0) problems.permissions = "Choose at least one permission";
    setErrors(problems);
    setFailure(undefined);
    if (problems.name || problems.permissions) return;
    setBusy(true);
    try {
      await onCreate({
        name: name.trim(),
        permissions: all ? ["*"] : permissions.filter((p) => chosen.has(p)),
      });
      setBusy(false);
      change(false);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  const serverError = failure instanceof ApiRequestError ? failure : undefined;
  const permissionsError = errors.permissions ?? serverError?.detailFor("permissions");
  const formError =
    failure &&
    !serverError?.details.some((detail) => detail.path === "name" || detail.path.startsWith("permissions"))
      ? describeError(failure)
      : undefined;

  return (
    <Dialog open={open} onOpenChange={change} title={title} description={description} size="lg">
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormAlert message={formError} />
        <Field
          label="Name"
          hint="What it is for, such as ci-deploy."
          error={errors.name ?? serverError?.detailFor("name")}
        >
          {(props) => (
            <input
              {...props}
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                setErrors((current) => withoutErrorsOf(current, ["name"]));
              }}
              className={inputClass}
            />
          )}
        </Field>
        <fieldset aria-describedby={permissionsError ? "root-key-permissions-error" : undefined}>
          <legend className="mb-2 text-sm font-medium text-slate-800">Permissions</legend>
          <label className="mb-2 flex items-center gap-2 text-sm text-slate-800">
            <input
              type="checkbox"
              checked={all}
              onChange={(event) => {
                setAll(event.target.checked);
                setErrors((current) => withoutErrorsOf(current, ["permissions"]));
              }}
              className="size-4 accent-brand-600"
            />
            All permissions (*), now and later
          </label>
          <div className="grid grid-cols-1 gap-1.5 sm:grid-cols-2">
            {permissions.map((permission) => (
              <label key={permission} className="flex items-center gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  disabled={all}
                  checked={all || chosen.has(permission)}
                  onChange={(event) => toggle(permission, event.target.checked)}
                  className="size-4 accent-brand-600"
                />
                <code className="font-mono text-xs">{permission}</code>
              </label>
            ))}
          </div>
          {permissionsError && (
            <p id="root-key-permissions-error" className="mt-2 text-sm text-red-700">
              {permissionsError}
            </p>
          )}
        </fieldset>
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <Button onClick={() => change(false)} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            Create root key
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
