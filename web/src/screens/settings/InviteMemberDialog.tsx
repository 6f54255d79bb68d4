/**
 * "Invite member": an email and a role, then the one-use link to hand over, with Copy. The link
 * works once, for 7 days, and is shown only here. Owners may invite owners; admins may not.
 */
import { type FormEvent, useState } from "react";
import { ApiRequestError, describeError } from "../../api/errors";
import type { Role } from "../../api/types";
import { Button } from "../../ui/Button";
import { CopyButton } from "../../ui/CopyButton";
import { Dialog } from "../../ui/Dialog";
import { Field, inputClass } from "../../ui/Field";
import { formatDateTime } from "../../ui/format";
import { FormAlert } from "../auth/FormAlert";
import { grantableRoles, ROLE_NAMES, ROLE_SUMMARIES } from "./roles";
import type { CreatedInvitation, InvitationInput } from "./use-invitations";

export interface InviteMemberDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  readerRole: Role;
  /** Creates the invitation; throws the API's refusal. */
  onInvite(input: InvitationInput): Promise<CreatedInvitation>;
}

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkEmail(email: string): string | undefined {
  if (!email) return "Enter the email address of the person to invite";
  if (!EMAIL_SHAPE.test(email)) return "Enter an email address such as name@example.com";
  return undefined;
}

function InvitationLink({ invitation }: { invitation: CreatedInvitation }) {
  return (
    <div className="space-y-3 text-sm text-slate-700">
      <p>
        Send this link to <strong className="font-medium text-slate-900">{invitation.email}</strong> through a
        channel you trust. They join as {ROLE_NAMES[invitation.role].toLowerCase()}.
      </p>
      <p className="font-medium text-slate-900">The link works once, for 7 days.</p>
      <Field
        label="Invitation link"
        hint={`It is shown only now; it expires ${formatDateTime(invitation.expiresAt)}.`}
      >
        {(props) => (
          <div className="flex gap-2">
            <input
              {...props}
              readOnly
              value={invitation.url}
              onFocus={(event) => event.target.select()}
              className={`${inputClass} font-mono text-xs`}
            />
            <CopyButton value={invitation.url} variant="primary" autoFocus />
          </div>
        )}
      </Field>
    </div>
  );
}

export function InviteMemberDialog({ open, onOpenChange, readerRole, onInvite }: InviteMemberDialogProps) {
  const roles = grantableRoles(readerRole, true);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("developer");
  const [emailError, setEmailError] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation>();

  const change = (next: boolean) => {
    if (busy) return;
    if (!next) {
      setEmail("");
      setRole("developer");
      setEmailError(undefined);
      setFailure(undefined);
      setCreated(undefined);
    }
    onOpenChange(next);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    const problem = checkEmail(trimmed);
    setEmailError(problem);
    setFailure(undefined);
    if (problem) return;
    setBusy(true);
    try {
      setCreated(await onInvite({ email: trimmed, role }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const serverError = failure instanceof ApiRequestError ? failure : undefined;
  const formError =
    failure && !serverError?.details.some((detail) => detail.path === "email" || detail.path === "role")
      ? describeError(failure)
      : undefined;

  if (created) {
    return (
      <Dialog
        open={open}
        onOpenChange={change}
        title="Invitation created"
        footer={
          <Button variant="primary" onClick={() => change(false)}>
            Done
          </Button>
        }
      >
        <InvitationLink invitation={created} />
      </Dialog>
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title="Invite member"
      description="They get a link to join this workspace: they set a name and password, or sign in if the email has an account."
    >
      <form onSubmit={submit} noValidate className="space-y-4">
        <FormAlert message={formError} />
        <Field label="Email" error={emailError ?? serverError?.detailFor("email")}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          label="Role"
          hint={`${ROLE_NAMES[role]}: ${ROLE_SUMMARIES[role]}.`}
          error={serverError?.detailFor("role")}
        >
          {(props) => (
            <select
              {...props}
              value={role}
              onChange={(event) => {
                const chosen = roles.find((candidate) => candidate === event.target.value);
                if (chosen) setRole(chosen);
              }}
              className={inputClass}
            >
              {roles.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {ROLE_NAMES[candidate]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex flex-wrap justify-end gap-2 pt-1">
          <Button onClick={() => change(false)} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            Create invitation
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
