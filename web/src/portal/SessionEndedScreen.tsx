/**
 * What the portal shows once its session is gone (expired, ended, the tenant suspended): a page
 * that sends the person back to the platform, where a fresh portal link is made. Never Keygate's
 * sign-in: a portal user has no Keygate account.
 */
import { Clock } from "lucide-react";
import { useEffect } from "react";
import { documentTitle } from "../ui/document-title";
import { PortalBrand } from "./PortalBrand";
import type { PortalBranding } from "./portal-session";
import { ReturnLink } from "./ReturnLink";

export function SessionEndedScreen({
  branding,
  returnUrl,
}: {
  /** The last session's look, when this tab saw one. */
  branding: PortalBranding | null;
  returnUrl: string | null;
}) {
  useEffect(() => {
    document.title = documentTitle("Session ended");
  }, []);
  const product = branding?.productName;
  return (
    <main className="flex flex-1 items-start justify-center px-4 py-16">
      <div className="w-full max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
        {branding && (
          <div className="mb-5 flex justify-center">
            <PortalBrand branding={branding} />
          </div>
        )}
        <Clock aria-hidden className="mx-auto mb-3 size-8 text-slate-400" />
        <h1 className="text-lg font-semibold text-slate-900">This session has ended</h1>
        <p className="mt-2 text-sm text-slate-600">
          Open the key settings again from {product ?? "the product you came from"}.
        </p>
        {returnUrl && product && (
          <div className="mt-5">
            <ReturnLink returnUrl={returnUrl} productName={product} />
          </div>
        )}
      </div>
    </main>
  );
}
