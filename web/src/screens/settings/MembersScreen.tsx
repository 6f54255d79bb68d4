/**
 * `/settings/members`, Members: who is in the workspace with which role. Owners and admins invite
 * people by email (a one-use link), change roles, remove members and revoke pending invitations;
 * only an owner grants owner. Everyone else reads the list.
 */

import { UserPlus } from "lucide-react";
import { type ReactNode, useState } from "react";
import { describeError } from "../../api/errors";
import type { Role } from "../../api/types";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { formatNumber } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { planName } from "../../ui/PlanIncludes";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { InviteMemberDialog } from "./InviteMemberDialog";
import { MembersList } from "./MembersList";
import { PendingInvitations } from "./PendingInvitations";
import { RemoveMemberDialog } from "./RemoveMemberDialog";
import { ROLE_NAMES } from "./roles";
import {
  type Invitation,
  useCreateInvitation,
  useInvitationsQuery,
  useRevokeInvitation,
} from "./use-invitations";
import { type Member, useChangeRole, useMembersQuery, useRemoveMember } from "./use-members";

export function MembersScreen() {
  const session = useSession();
  const canManage = session.abilities.can("members:write");
  const members = useMembersQuery();
  const changeRole = useChangeRole();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<Member>();
  const invitations = useInvitationsQuery();
  const invite = useCreateInvitation();
  const revoke = useRevokeInvitation();
  const [inviting, setInviting] = useState(false);
  const [revoking, setRevoking] = useState<Invitation>();
  const limit = session.workspace.entitlements.maxMembers;

  const onChangeRole = (member: Member, role: Role) => {
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: () => toast(`${member.name} is now ${ROLE_NAMES[role].toLowerCase()}`),
        onError: (error) => toast(describeError(error), "error"),
      },
    );
  };

  let list: ReactNode;
  if (members.isPending) list = <LoadingState label="Loading the members" />;
  else if (members.isError) list = <ErrorState error={members.error} onRetry={() => members.refetch()} />;
  else if (members.data.length === 0) list = <EmptyState title="No members" />;
  else {
    list = (
      <MembersList
        members={members.data}
        currentUserId={session.user.id}
        readerRole={session.role}
        canManage={canManage}
        changingUserId={changeRole.isPending ? changeRole.variables?.userId : undefined}
        onChangeRole={onChangeRole}
        onRemove={setRemoving}
      />
    );
  }

  return (
    <>
      <PageHeader
        title="Members"
        description={
          canManage
            ? "The people in this workspace and their roles. Invite someone by email; only an owner can make someone an owner."
            : "The people in this workspace and their roles. Owners and admins manage members."
        }
        actions={
          canManage && (
            <Button variant="primary" onClick={() => setInviting(true)}>
              <UserPlus aria-hidden className="size-4" />
              Invite member
            </Button>
          )
        }
      />
      {limit !== null && members.data && (
        <p className="mb-3 text-sm text-slate-600">
          {formatNumber(members.data.length + (invitations.data?.length ?? 0))} of {formatNumber(limit)}{" "}
          places used on the {planName(session.workspace.plan)} plan (members and pending invitations).
        </p>
      )}
      {list}
      <section aria-labelledby="pending-invitations" className="mt-8">
        <h2 id="pending-invitations" className="mb-3 text-base font-semibold text-slate-900">
          Pending invitations
        </h2>
        {invitations.isPending ? (
          <LoadingState label="Loading the invitations" />
        ) : invitations.isError ? (
          <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />
        ) : invitations.data.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
            No pending invitations.
            {canManage && " Invite someone with Invite member; their link works once, for 7 days."}
          </p>
        ) : (
          <PendingInvitations
            invitations={invitations.data}
            readerRole={session.role}
            canManage={canManage}
            onRevoke={setRevoking}
          />
        )}
      </section>
      {canManage && (
        <InviteMemberDialog
          open={inviting}
          onOpenChange={setInviting}
          readerRole={session.role}
          onInvite={(input) => invite.mutateAsync(input)}
        />
      )}
      <ConfirmDialog
        open={revoking !== undefined}
        onOpenChange={(open) => !open && setRevoking(undefined)}
        title={revoking ? `Revoke the invitation for ${revoking.email}?` : "Revoke the invitation?"}
        confirmLabel="Revoke invitation"
        onConfirm={async () => {
          if (!revoking) return;
          await revoke.mutateAsync(revoking.id);
          toast(`The invitation for ${revoking.email} was revoked`);
        }}
      >
        <p>Its link stops working at once. You can invite the same email again later.</p>
      </ConfirmDialog>
      <RemoveMemberDialog
        member={removing}
        workspaceName={session.workspace.name}
        onOpenChange={(open) => !open && setRemoving(undefined)}
        onConfirm={async (member) => {
          await remove.mutateAsync(member.userId);
          toast(`${member.name} was removed from ${session.workspace.name}`);
        }}
      />
    </>
  );
}
