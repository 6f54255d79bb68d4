/**
 * The current workspace's name. (The settings helper turns it into a menu of the person's
 * workspaces once `GET /v1/auth/workspaces` exists.)
 */
import { Building2 } from "lucide-react";
import { useSession } from "./session";

export function WorkspaceSwitcher() {
  const session = useSession();
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5 text-sm font-medium text-slate-800">
      <Building2 aria-hidden className="size-4 shrink-0 text-slate-500" />
      <span className="truncate">{session.workspace.name}</span>
    </span>
  );
}
