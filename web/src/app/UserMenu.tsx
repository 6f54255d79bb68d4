/** The signed-in person's menu: who they are, their role, and Sign out. */
import { useMutation } from "@tanstack/react-query";
import { ChevronDown, LogOut } from "lucide-react";
import { DropdownMenu } from "radix-ui";
import { useNavigate } from "react-router";
import { api, unwrap } from "../api/client";
import { describeError } from "../api/errors";
import { toast } from "../ui/toast";
import { useSession, useStoreSession } from "./session";

export function UserMenu() {
  const session = useSession();
  const storeSession = useStoreSession();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: () => unwrap(api.POST("/v1/auth/logout")),
    onSuccess: () => {
      storeSession(null);
      navigate("/sign-in", { replace: true });
    },
    onError: (error) => toast(describeError(error), "error"),
  });

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="inline-flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600">
        <span
          aria-hidden
          className="flex size-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700"
        >
          {session.user.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="max-w-40 truncate">{session.user.name}</span>
        <ChevronDown aria-hidden className="size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          <div className="px-2.5 py-2 text-sm">
            <p className="font-medium text-slate-900">{session.user.name}</p>
            <p className="truncate text-slate-600">{session.user.email}</p>
            <p className="mt-1 text-xs text-slate-500 capitalize">
              {session.role} in {session.workspace.name}
            </p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200" />
          <DropdownMenu.Item
            onSelect={() => signOut.mutate()}
            className="flex cursor-pointer items-center gap-2 rounded px-2.5 py-2 text-sm text-slate-800 outline-none data-highlighted:bg-slate-100"
          >
            <LogOut aria-hidden className="size-4" />
            Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
