/** "Remove <name>?": says who loses access to what, and removes the member on "Remove member". */

import { ConfirmDialog } from "../../ui/ConfirmDialog";
import type { Member } from "./use-members";

export interface RemoveMemberDialogProps {
  member: Member | undefined;
  workspaceName: string;
  onOpenChange(open: boolean): void;
  onConfirm(member: Member): Promise<unknown>;
}

export function RemoveMemberDialog({
  member,
  workspaceName,
  onOpenChange,
  onConfirm,
}: RemoveMemberDialogProps) {
  return (
    <ConfirmDialog
      open={member !== undefined}
      onOpenChange={onOpenChange}
      title={member ? `Remove ${member.name}?` : "Remove member?"}
      confirmLabel="Remove member"
      onConfirm={async () => {
        if (member) await onConfirm(member);
      }}
    >
      {member && (
        <>
          <p>
            {member.name} ({member.email}) loses access to {workspaceName} at once, and is signed out of it.
          </p>
          <p>Their account stays, the keys they made keep working, and the audit log keeps what they did.</p>
        </>
      )}
    </ConfirmDialog>
  );
}
