/**
 * Whether the signed-in person may see and manage the platform's tenants: an owner or admin of
 * the operator's workspace in the dashboard (never a key portal session), decided by the server's
 * own rule (`hasPermission` of a user principal), imported, not copied. The API checks again.
 */
import { hasPermission } from "../../../../server/src/domain/principal";
import type { Session } from "../../app/session";

export interface OperatorAccess {
  /** `workspaces:read`: the Workspaces screen and its nav entry. */
  canRead: boolean;
  /** `workspaces:write`: create, change, suspend, open, delete tenants and mint their root keys. */
  canWrite: boolean;
}

export function operatorAccessOf(
  session: Pick<Session, "user" | "workspace" | "role" | "portal">,
): OperatorAccess {
  const principal = {
    type: "user",
    userId: session.user.id,
    workspaceId: session.workspace.id,
    operator: session.workspace.kind === "operator" && session.portal === undefined,
    role: session.role,
    sessionHash: "",
    csrfToken: "",
  } as const;
  return {
    canRead: hasPermission(principal, "workspaces:read"),
    canWrite: hasPermission(principal, "workspaces:write"),
  };
}
