/**
 * The workspace's members: name, email, role and when they joined. Owners and admins change a
 * role with the row's "Role for <name>" select and remove a member with "Remove <name>"; a row
 * they may not change (an owner, for an admin) shows the role as text. Stacked rows under 768 px.
 */
import { UserMinus } from "lucide-react";
import type { Role } from "../../api/types";
import { Button } from "../../ui/Button";
import { inputClass } from "../../ui/Field";
import { formatDate } from "../../ui/format";
import { canManageMember, grantableRoles, ROLE_NAMES } from "./roles";
import type { Member } from "./use-members";

export interface MembersListProps {
  members: Member[];
  /** The signed-in person, marked "You". */
  currentUserId: string;
  readerRole: Role;
  /** `members:write`. */
  canManage: boolean;
  /** The member whose role is being changed right now. */
  changingUserId: string | undefined;
  onChangeRole(member: Member, role: Role): void;
  onRemove(member: Member): void;
}

const COLUMNS =
  "md:grid md:grid-cols-[minmax(0,1.2fr)_minmax(0,1.5fr)_10rem_8rem_7rem] md:items-center md:gap-4";

export function MembersList({
  members,
  currentUserId,
  readerRole,
  canManage,
  changingUserId,
  onChangeRole,
  onRemove,
}: MembersListProps) {
  // The last owner can be neither demoted nor removed (the server answers 409), so offer neither.
  const owners = members.filter((member) => member.role === "owner").length;
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <div
        aria-hidden
        className={`hidden border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-medium tracking-wide text-slate-600 uppercase ${COLUMNS}`}
      >
        <span>Name</span>
        <span>Email</span>
        <span>Role</span>
        <span>Joined</span>
        <span className="sr-only">Actions</span>
      </div>
      <ul aria-label="Members" className="divide-y divide-slate-100">
        {members.map((member) => {
          const you = member.userId === currentUserId;
          const lastOwner = member.role === "owner" && owners === 1;
          const manageable = canManageMember(readerRole, canManage, member.role) && !lastOwner;
          const roles = grantableRoles(readerRole, canManage);
          return (
            <li key={member.userId} className={`flex flex-col gap-2 px-4 py-3 text-sm ${COLUMNS}`}>
              <span className="min-w-0 font-medium break-words text-slate-900">
                {member.name}
                {you && (
                  <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-600">
                    You
                  </span>
                )}
              </span>
              <span className="min-w-0 break-all text-slate-700">{member.email}</span>
              <span>
                {manageable ? (
                  <select
                    aria-label={`Role for ${member.name}`}
                    value={member.role}
                    disabled={changingUserId === member.userId}
                    onChange={(event) => {
                      const role = roles.find((candidate) => candidate === event.target.value);
                      if (role) onChangeRole(member, role);
                    }}
                    className={`${inputClass} py-1.5`}
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {ROLE_NAMES[role]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="text-slate-800">
                    {ROLE_NAMES[member.role]}
                    {lastOwner && <span className="block text-xs text-slate-500">The only owner</span>}
                  </span>
                )}
              </span>
              <span className="text-slate-600">
                <span className="md:sr-only">Joined </span>
                {formatDate(member.createdAt)}
              </span>
              <span className="md:text-right">
                {manageable && (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => onRemove(member)}
                    aria-label={`Remove ${member.name}`}
                  >
                    <UserMinus aria-hidden className="size-4" />
                    Remove
                  </Button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
