/**
 * The current workspace in the top bar. For a person in several workspaces it is a menu
 * ("Workspace: <name>") of all of them with their role in each; choosing one moves the session
 * there (`POST /v1/auth/workspace`), stores the new session and opens its first screen.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import { Building2, Check, ChevronsUpDown } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useNavigate } from "react-router";
import { api, unwrap } from "../api/client";
import { describeError } from "../api/errors";
import { queryKeys } from "../api/query-keys";
import { toast } from "../ui/toast";
import { useSession, useStoreSession } from "./session";

function useWorkspacesQuery() {
  return useQuery({
    queryKey: queryKeys.workspaces,
    queryFn: () => unwrap(api.GET("/v1/auth/workspaces")),
    staleTime: 60_000,
  });
}

function roleName(role: string): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}

export function WorkspaceSwitcher() {
  const session = useSession();
  const storeSession = useStoreSession();
  const navigate = useNavigate();
  const workspaces = useWorkspacesQuery();
  const switchTo = useMutation({
    mutationFn: (workspaceId: string) => unwrap(api.POST("/v1/auth/workspace", { body: { workspaceId } })),
    onSuccess: (signedIn) => {
      storeSession(signedIn);
      navigate("/", { replace: true });
      toast(`Switched to ${signedIn.workspace.name}`);
    },
    onError: (error) => toast(describeError(error), "error"),
  });

  const name = session.workspace.name;
  const all = workspaces.data?.data ?? [];

  if (all.length < 2) {
    return (
      <span className="inline-flex min-w-0 items-center gap-1.5 text-sm font-medium text-slate-800">
        <Building2 aria-hidden className="size-4 shrink-0 text-slate-500" />
        <span className="truncate">{name}</span>
      </span>
    );
  }

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        disabled={switchTo.isPending}
        className="inline-flex min-w-0 items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600 disabled:opacity-60"
      >
        <Building2 aria-hidden className="size-4 shrink-0 text-slate-500" />
        <span className="truncate">
          <span className="sr-only">Workspace: </span>
          {name}
        </span>
        <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-slate-500" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-50 max-h-[70vh] min-w-64 max-w-[calc(100vw-1.5rem)] overflow-y-auto rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Label className="px-2.5 py-1.5 text-xs font-medium text-slate-500">
            Your workspaces
          </DropdownMenu.Label>
          <DropdownMenu.RadioGroup
            value={session.workspace.id}
            onValueChange={(workspaceId) => {
              if (workspaceId !== session.workspace.id) switchTo.mutate(workspaceId);
            }}
          >
            {all.map(({ workspace, role }) => {
              const roleId = `workspace-role-${workspace.id}`;
              return (
                <DropdownMenu.RadioItem
                  key={workspace.id}
                  value={workspace.id}
                  aria-label={workspace.name}
                  aria-describedby={roleId}
                  className="flex cursor-pointer items-center gap-2 rounded px-2.5 py-2 text-sm text-slate-800 outline-none data-highlighted:bg-slate-100"
                >
                  <span className="flex size-4 shrink-0 items-center justify-center">
                    <DropdownMenu.ItemIndicator>
                      <Check aria-hidden className="size-4 text-brand-600" />
                    </DropdownMenu.ItemIndicator>
                  </span>
                  <span className="min-w-0 flex-1 truncate">{workspace.name}</span>
                  <span id={roleId} className="text-xs text-slate-500">
                    {roleName(role)}
                  </span>
                </DropdownMenu.RadioItem>
              );
            })}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
