/**
 * The form of an invitation link: a new account gives "Your name" and a "Password" and joins with
 * "Join <workspace>"; an email that has an account gives its "Password" and presses "Sign in and
 * join". Missing fields are caught before sending; the server's reasons appear by their field.
 */
import { type FormEvent, useState } from "react";
import { ApiRequestError, describeError } from "../../api/errors";
import { Button } from "../../ui/Button";
import { Field, inputClass } from "../../ui/Field";
import { withoutErrorsOf } from "../../ui/form-errors";
import { FormAlert } from "../auth/FormAlert";
import type { AcceptInput, InvitationPreview } from "./use-invitations";

export interface AcceptInvitationFormProps {
  preview: InvitationPreview;
  token: string;
  /** Accepts the invitation; throws the API's refusal. */
  onAccept(input: AcceptInput): Promise<unknown>;
}

export function AcceptInvitationForm({ preview, token, onAccept }: AcceptInvitationFormProps) {
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ name?: string; password?: string }>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const newAccount = !preview.accountExists;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: { name?: string; password?: string } = {};
    if (newAccount && !name.trim()) problems.name = "Enter your name";
    if (!password) problems.password = newAccount ? "Choose a password" : "Enter your password";
    setErrors(problems);
    setFailure(undefined);
    if (problems.name || problems.password) return;
    setBusy(true);
    try {
      await onAccept(newAccount ? { token, name: name.trim(), password } : { token, password });
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  const serverError = failure instanceof ApiRequestError ? failure : undefined;
  const formError =
    failure && !serverError?.details.some((detail) => detail.path === "name" || detail.path === "password")
      ? describeError(failure)
      : undefined;

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormAlert message={formError} />
      <div className="space-y-1.5">
        <p className="text-sm font-medium text-slate-800">Email</p>
        <p className="text-sm break-all text-slate-700">{preview.email}</p>
      </div>
      {newAccount && (
        <Field label="Your name" error={errors.name ?? serverError?.detailFor("name")}>
          {(props) => (
            <input
              {...props}
              autoComplete="name"
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                setErrors((current) => withoutErrorsOf(current, ["name"]));
              }}
              className={inputClass}
            />
          )}
        </Field>
      )}
      <Field
        label="Password"
        hint={newAccount ? "At least 12 characters." : undefined}
        error={errors.password ?? serverError?.detailFor("password")}
      >
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete={newAccount ? "new-password" : "current-password"}
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
              setErrors((current) => withoutErrorsOf(current, ["password"]));
            }}
            className={inputClass}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" className="w-full" busy={busy}>
        {newAccount ? `Join ${preview.workspace.name}` : "Sign in and join"}
      </Button>
    </form>
  );
}
