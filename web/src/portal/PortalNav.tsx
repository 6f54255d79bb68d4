/** The portal's tabs: one per screen its features open (none when there is only one screen). */
import { NavLink, useLocation } from "react-router";
import { cn } from "../ui/cn";
import type { PortalNavItem } from "./portal-features";

export function PortalNav({ items }: { items: readonly PortalNavItem[] }) {
  const { pathname } = useLocation();
  if (items.length < 2) return null;
  return (
    <nav aria-label="Main" className="-mb-px flex gap-1 overflow-x-auto">
      {items.map(({ to, label, icon: Icon, alsoActiveUnder }) => (
        <NavLink
          key={to}
          to={to}
          end={false}
          className={({ isActive }) => {
            const active =
              isActive || (alsoActiveUnder !== undefined && pathname.startsWith(alsoActiveUnder));
            return cn(
              "flex shrink-0 items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
              "focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600",
              active
                ? "border-brand-600 text-brand-700"
                : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
            );
          }}
        >
          <Icon aria-hidden className="size-4" />
          {label}
        </NavLink>
      ))}
    </nav>
  );
}
