/**
 * `/invite?token=...`, public: an invitation link. It says which workspace, email and role the
 * link is for, and lets the person join (a new account, or the password of their existing one);
 * an unknown, used, revoked or expired link says so, with the way to sign in.
 */
import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { isApiError } from "../../api/errors";
import { useStoreSession } from "../../app/session";
import { ErrorState, LoadingState } from "../../ui/states";
import { AuthCard } from "../auth/AuthCard";
import { AcceptInvitationForm } from "./AcceptInvitationForm";
import { ROLE_NAMES } from "./roles";
import { useAcceptInvitation, useInvitationLookup } from "./use-invitations";

function DeadLink({ title, children }: { title: string; children: string }) {
  return (
    <AuthCard title={title}>
      <div className="space-y-4 text-sm text-slate-700">
        <p>{children}</p>
        <Link
          to="/sign-in"
          className="inline-flex h-9 items-center rounded-md bg-brand-600 px-3.5 font-medium text-white hover:bg-brand-700"
        >
          Go to sign in
        </Link>
      </div>
    </AuthCard>
  );
}

export function InviteScreen() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const storeSession = useStoreSession();
  // Once joined, the link is used: storing the session clears the query cache, and the lookup
  // must not ask again (its 404 would be an error in the console on the way out).
  const [joined, setJoined] = useState(false);
  const lookup = useInvitationLookup(token, !joined);
  const accept = useAcceptInvitation();

  if (!token) {
    return (
      <DeadLink title="Invitation link needed">
        This page opens from the invitation link you were sent (it looks like /invite?token=…). Open that
        link, or sign in if you already belong to the workspace.
      </DeadLink>
    );
  }
  if (lookup.isPending) return <LoadingState label="Opening your invitation" fullPage />;
  if (lookup.isError) {
    if (isApiError(lookup.error, "NOT_FOUND") || isApiError(lookup.error, "VALIDATION_FAILED")) {
      return (
        <DeadLink title="This invitation link does not work">
          It is unknown, already used, revoked or expired. Ask whoever invited you for a new link; if you have
          joined already, sign in.
        </DeadLink>
      );
    }
    return <ErrorState error={lookup.error} onRetry={() => lookup.refetch()} fullPage />;
  }

  const preview = lookup.data;
  return (
    <AuthCard
      title={`Join ${preview.workspace.name}`}
      description={
        preview.accountExists
          ? `You are invited as ${ROLE_NAMES[preview.role].toLowerCase()}. This email has a Keygate account: enter its password to join.`
          : `You are invited as ${ROLE_NAMES[preview.role].toLowerCase()}. Choose your name and a password to create your account.`
      }
    >
      <AcceptInvitationForm
        preview={preview}
        token={token}
        onAccept={async (input) => {
          const signedIn = await accept.mutateAsync(input);
          setJoined(true);
          storeSession(signedIn);
          navigate("/", { replace: true });
        }}
      />
    </AuthCard>
  );
}
