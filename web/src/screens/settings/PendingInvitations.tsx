/**
 * The invitations not yet accepted: email, role, who invited, when it expires, and "Revoke" (for
 * those the reader may manage), after which the link stops working at once.
 */
import { MailX } from "lucide-react";
import type { Role } from "../../api/types";
import { Button } from "../../ui/Button";
import { formatDateTime } from "../../ui/format";
import { RelativeTime } from "../../ui/RelativeTime";
import { canManageMember, ROLE_NAMES } from "./roles";
import type { Invitation } from "./use-invitations";

export interface PendingInvitationsProps {
  invitations: Invitation[];
  readerRole: Role;
  canManage: boolean;
  onRevoke(invitation: Invitation): void;
}

export function PendingInvitations({
  invitations,
  readerRole,
  canManage,
  onRevoke,
}: PendingInvitationsProps) {
  return (
    <ul
      aria-label="Pending invitations"
      className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
    >
      {invitations.map((invitation) => (
        <li
          key={invitation.id}
          className="flex flex-col gap-2 px-4 py-3 text-sm md:flex-row md:items-center md:justify-between md:gap-4"
        >
          <div className="min-w-0">
            <p className="font-medium break-all text-slate-900">{invitation.email}</p>
            <p className="text-slate-600">
              {ROLE_NAMES[invitation.role]} · invited by{" "}
              {invitation.invitedBy.name ?? "someone no longer here"}{" "}
              <RelativeTime iso={invitation.createdAt} /> · expires{" "}
              <time dateTime={invitation.expiresAt} title={formatDateTime(invitation.expiresAt)}>
                {formatDateTime(invitation.expiresAt)}
              </time>
            </p>
          </div>
          {canManageMember(readerRole, canManage, invitation.role) && (
            <Button
              size="sm"
              onClick={() => onRevoke(invitation)}
              aria-label={`Revoke the invitation for ${invitation.email}`}
              className="self-start md:self-auto"
            >
              <MailX aria-hidden className="size-4" />
              Revoke
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
