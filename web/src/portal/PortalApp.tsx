/**
 * The key portal's root (pages under /portal): its session from `GET /v1/portal/session`, given
 * to the key screens as the dashboard's Session, its branding applied, its router over the
 * features' screens, and its height told to the embedding page. A 401 (the link's session expired
 * or was ended) shows the ended screen, never Keygate's sign-in.
 */
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { createBrowserRouter, type RouteObject, RouterProvider } from "react-router";
import { setCsrfToken, setUnauthenticatedHandler } from "../api/client";
import { isApiError } from "../api/errors";
import { SessionProvider } from "../app/session";
import { applyAccentColor } from "../ui/accent";
import { setTitleProduct } from "../ui/document-title";
import { ErrorState, LoadingState } from "../ui/states";
import { isFramed } from "./framing";
import { recallPortal, rememberPortal } from "./last-portal";
import { PORTAL_BASENAME, portalRoutes } from "./portal-routes";
import { fetchPortalSession, sessionOfPortal } from "./portal-session";
import { SessionEndedScreen } from "./SessionEndedScreen";
import { useFrameResize } from "./use-frame-resize";

export const portalSessionQueryKey = ["portal-session"] as const;

type PortalRouter = ReturnType<typeof createBrowserRouter>;

const browserRouter = (routes: RouteObject[]): PortalRouter =>
  createBrowserRouter(routes, { basename: PORTAL_BASENAME });

/**
 * The portal's frame: inside an iframe whose height follows the content, a min-height keeps room
 * for a dialog (they are centred in the frame's own viewport); on its own page, the whole window.
 */
function PortalFrame({ embedOrigins, children }: { embedOrigins: readonly string[]; children: ReactNode }) {
  const frame = useRef<HTMLDivElement>(null);
  useFrameResize(frame, embedOrigins);
  return (
    <div ref={frame} className={isFramed() ? "flex min-h-[640px] flex-col" : "flex min-h-screen flex-col"}>
      {children}
    </div>
  );
}

export function PortalApp({
  createRouter = browserRouter,
}: {
  createRouter?: (routes: RouteObject[]) => PortalRouter;
}) {
  const query = useQuery({
    queryKey: portalSessionQueryKey,
    queryFn: fetchPortalSession,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(undefined);
      setEnded(true);
    });
    return () => setUnauthenticatedHandler(undefined);
  }, []);

  const session = useMemo(() => (query.data ? sessionOfPortal(query.data) : undefined), [query.data]);
  const portal = session?.portal;

  useEffect(() => {
    if (!portal) return;
    applyAccentColor(portal.branding.accentColor);
    setTitleProduct(portal.branding.productName);
    rememberPortal({
      branding: portal.branding,
      returnUrl: portal.returnUrl,
      embedOrigins: portal.embedOrigins,
    });
  }, [portal]);

  // The session is read once (staleTime: Infinity), so its features, and so the router, stay put.
  const features = portal?.features;
  const router = useMemo(
    () => (features ? createRouter(portalRoutes(features)) : undefined),
    [features, createRouter],
  );

  const refused = ended || (query.isError && isApiError(query.error) && query.error.status === 401);
  if (refused) {
    const last = portal ?? recallPortal();
    return (
      <PortalFrame embedOrigins={last?.embedOrigins ?? []}>
        <SessionEndedScreen branding={last?.branding ?? null} returnUrl={last?.returnUrl ?? null} />
      </PortalFrame>
    );
  }
  if (query.isError) {
    return (
      <PortalFrame embedOrigins={[]}>
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      </PortalFrame>
    );
  }
  if (!session || !portal || !router) {
    return (
      <PortalFrame embedOrigins={[]}>
        <LoadingState label="Loading your API keys" />
      </PortalFrame>
    );
  }
  return (
    <PortalFrame embedOrigins={portal.embedOrigins}>
      <SessionProvider session={session}>
        <RouterProvider router={router} />
      </SessionProvider>
    </PortalFrame>
  );
}
