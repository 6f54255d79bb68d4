/**
 * Renders screens for component tests as the dashboard does: a fresh query client (no retries,
 * so an error shows at once) and an in-memory router at the given path, with any extra routes
 * (say, the screen a form goes to afterwards).
 *
 * @example renderRoutes([{ path: "/sign-in", element: <SignInScreen /> }, { path: "/", element: <p>Home</p> }], "/sign-in")
 */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { createMemoryRouter, type RouteObject, RouterProvider } from "react-router";

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

export function renderRoutes(routes: RouteObject[], at: string) {
  const router = createMemoryRouter(routes, { initialEntries: [at] });
  const queryClient = testQueryClient();
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, user, router, queryClient };
}

/** One component (a dialog) with the query client, at `/`. */
export function renderWithClient(element: ReactElement) {
  return renderRoutes([{ path: "*", element }], "/");
}
