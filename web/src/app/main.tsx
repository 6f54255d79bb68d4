/**
 * The dashboard's entry: one query client, the router, the toasts. Pages under /portal are the
 * key portal (platform mode): the same key screens for one tenant, in the platform's frame and
 * branding, authenticated by the portal's cookie (every request says `x-keygate-portal: 1`).
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import "../styles.css";
import { setPortalMode } from "../api/client";
import { isApiError } from "../api/errors";
import { PortalApp } from "../portal/PortalApp";
import { isPortalPath } from "../portal/portal-routes";
import { Toaster } from "../ui/toast";
import { createRouter } from "./router";

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      // A refusal (4xx) will not change on retry; a network blip may.
      retry: (failures, error) =>
        failures < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

const portal = isPortalPath(location.pathname);
setPortalMode(portal);

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      {portal ? <PortalApp /> : <RouterProvider router={createRouter()} />}
      <Toaster />
    </QueryClientProvider>
  </StrictMode>,
);
