/**
 * The frame of the key portal (platform mode), in place of the dashboard's AppShell: the
 * platform's brand, who is here, the way back to the platform, tabs for the features asked for,
 * and the screen. No workspace switcher, no sign-out to Keygate, no Settings, Members or Root keys:
 * the portal is one tenant's key pages inside the platform's product.
 */
import { Outlet } from "react-router";
import { useSession } from "../app/session";
import { PortalBrand } from "./PortalBrand";
import { PortalNav } from "./PortalNav";
import { portalNavItems } from "./portal-features";
import { ReturnLink } from "./ReturnLink";

export function PortalShell() {
  const { user, workspace, portal } = useSession();
  if (!portal) throw new Error("PortalShell is used outside the key portal");
  const items = portalNavItems(portal.features);
  return (
    <div className="flex min-h-full flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex w-full max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-3 pt-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            <PortalBrand branding={portal.branding} />
            <span className="hidden truncate text-sm text-slate-500 sm:inline">{workspace.name}</span>
          </div>
          <div className="flex min-w-0 flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <p className="min-w-0 truncate text-slate-700">
              <span className="font-medium text-slate-900">{user.name}</span>
              {user.name !== user.email && <span className="text-slate-500"> · {user.email}</span>}
            </p>
            {portal.returnUrl && (
              <ReturnLink returnUrl={portal.returnUrl} productName={portal.branding.productName} />
            )}
          </div>
        </div>
        <div className={items.length > 1 ? "mx-auto mt-2 w-full max-w-7xl px-1 sm:px-4" : "h-3"}>
          <PortalNav items={items} />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-3 py-6 sm:px-6">
        <Outlet />
      </main>
    </div>
  );
}
