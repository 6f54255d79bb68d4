/**
 * The frame of every signed-in screen: the sidebar (a drawer under 768 px), the top bar with the
 * workspace and the user menu, and the screen itself in `<main>`.
 */
import { KeySquare, Menu } from "lucide-react";
import { Dialog as RadixDialog } from "radix-ui";
import { useState } from "react";
import { Link, Outlet } from "react-router";
import { MainNav } from "./MainNav";
import { UserMenu } from "./UserMenu";
import { WorkspaceSwitcher } from "./WorkspaceSwitcher";

function Brand() {
  return (
    <Link to="/" className="flex items-center gap-2 px-2.5 text-base font-semibold text-slate-900">
      <KeySquare aria-hidden className="size-5 text-brand-600" />
      Keygate
    </Link>
  );
}

export function AppShell() {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="hidden w-60 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white px-3 py-5 md:flex">
        <Brand />
        <MainNav />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-between gap-2 border-b border-slate-200 bg-white px-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-2">
            <RadixDialog.Root open={menuOpen} onOpenChange={setMenuOpen}>
              <RadixDialog.Trigger
                className="rounded-md p-2 text-slate-700 hover:bg-slate-100 md:hidden"
                aria-label="Open menu"
              >
                <Menu aria-hidden className="size-5" />
              </RadixDialog.Trigger>
              <RadixDialog.Portal>
                <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40 md:hidden" />
                <RadixDialog.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-6 bg-white px-3 py-5 shadow-xl focus:outline-none md:hidden">
                  <RadixDialog.Title className="sr-only">Menu</RadixDialog.Title>
                  <RadixDialog.Description className="sr-only">
                    The dashboard's screens
                  </RadixDialog.Description>
                  <Brand />
                  <MainNav onNavigate={() => setMenuOpen(false)} />
                </RadixDialog.Content>
              </RadixDialog.Portal>
            </RadixDialog.Root>
            <WorkspaceSwitcher />
          </div>
          <UserMenu />
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-3 py-6 sm:px-6">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
