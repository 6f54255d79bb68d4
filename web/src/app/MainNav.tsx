/**
 * The sidebar's links (seed 001: Apps in the sidebar; seed 002: Settings behind a gear icon with
 * API Keys inside). The same list serves the desktop sidebar and the mobile menu.
 */
import {
  Boxes,
  Building2,
  ClipboardCheck,
  KeyRound,
  type LucideIcon,
  PlugZap,
  ScrollText,
  Settings,
  Webhook,
} from "lucide-react";
import { NavLink, useLocation } from "react-router";
import { operatorAccessOf } from "../screens/workspaces/operator-access";
import { cn } from "../ui/cn";
import type { Permission } from "./permissions";
import { useSession } from "./session";

interface NavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Only for the operator's owners and admins (platform mode: the customers' workspaces). */
  operatorOnly?: boolean;
  /** Only for those who hold this permission (the screen's API would refuse anyone else). */
  permission?: Permission;
}

const MAIN: NavItem[] = [
  { to: "/apps", label: "Apps", icon: Boxes },
  { to: "/settings/api-access", label: "API Keys", icon: KeyRound },
  { to: "/apis", label: "Connected APIs", icon: PlugZap },
  { to: "/webhooks", label: "Webhooks", icon: Webhook, permission: "webhooks:read" },
  { to: "/reports/keys", label: "Reports", icon: ClipboardCheck, permission: "reports:read" },
  { to: "/audit", label: "Audit log", icon: ScrollText },
  { to: "/workspaces", label: "Workspaces", icon: Building2, operatorOnly: true },
];

const SETTINGS: Array<Omit<NavItem, "icon">> = [
  { to: "/settings/api-access", label: "API Keys" },
  { to: "/settings/members", label: "Members" },
  { to: "/settings/workspace", label: "Workspace" },
  { to: "/settings/root-keys", label: "Root keys" },
];

/** The keys screens answer to the top-level "API Keys" link, wherever their URL sits. */
const isKeysScreen = (pathname: string) =>
  pathname.startsWith("/settings/api-access") || pathname.startsWith("/keys/");

const linkClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    "flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm font-medium",
    isActive ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
  );

export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const session = useSession();
  const operator = operatorAccessOf(session).canRead;
  const onKeys = isKeysScreen(pathname);
  // The keys screen is one sidebar entry: "API Keys" lights up, not Settings as well.
  const inSettings = pathname.startsWith("/settings") && !onKeys;
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {MAIN.filter(
        (item) =>
          (operator || !item.operatorOnly) && (!item.permission || session.abilities.can(item.permission)),
      ).map(({ to, label, icon: Icon }) => (
        <NavLink
          key={label}
          to={to}
          className={({ isActive }) =>
            linkClass({ isActive: to === "/settings/api-access" ? onKeys : isActive })
          }
          onClick={onNavigate}
          end={false}
        >
          <Icon aria-hidden className="size-4" />
          {label}
        </NavLink>
      ))}
      <div className="mt-3 border-t border-slate-200 pt-3">
        <NavLink
          to="/settings/workspace"
          className={() => linkClass({ isActive: inSettings })}
          onClick={onNavigate}
          aria-expanded={inSettings}
        >
          <Settings aria-hidden className="size-4" />
          Settings
        </NavLink>
        {inSettings && (
          <ul className="mt-1 ml-6 flex flex-col gap-0.5 border-l border-slate-200 pl-2">
            {SETTINGS.map(({ to, label }) => (
              <li key={to}>
                <NavLink to={to} className={linkClass} onClick={onNavigate}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        )}
      </div>
    </nav>
  );
}
