/**
 * The signed-in session: who, in which workspace, with which role. `GET /v1/auth/session` is its
 * only source (TanStack Query key `session`); sign-in, setup and a workspace switch write their answer
 * into that query. Screens behind `RequireSession` read it with `useSession()`. The key portal
 * (platform mode, web/src/portal) provides the same Session from its own session instead, with
 * `portal` set, through `SessionProvider`.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useMemo } from "react";
import { Navigate, useLocation } from "react-router";
import { api, setCsrfToken, setUnauthenticatedHandler, unwrap } from "../api/client";
import { queryKeys } from "../api/query-keys";
import type { SignedIn, User } from "../api/types";
import type { PortalFacts } from "../portal/portal-session";
import { ErrorState, LoadingState } from "../ui/states";
import { type Abilities, abilitiesOf } from "./permissions";

export interface Session extends Omit<SignedIn, "user"> {
  /** A portal user has no Keygate account: their id is `portal:<externalId>`. */
  user: Pick<User, "id" | "email" | "name">;
  abilities: Abilities;
  /** Only in the key portal: its branding, features and the way back to the platform. */
  portal?: PortalFacts;
}

const SessionContext = createContext<Session | undefined>(undefined);

/** Asks `GET /v1/auth/session`, which answers 200 with null for a visitor (no 401 in the console). */
async function fetchSession(): Promise<SignedIn | null> {
  const { session } = await unwrap(api.GET("/v1/auth/session"));
  setCsrfToken(session?.csrfToken);
  return session;
}

/** The session query: `null` when nobody is signed in. */
export function useSessionQuery() {
  return useQuery({ queryKey: queryKeys.session, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

/** Stores a fresh sign-in (login, setup, invitation, workspace switch) as the session. */
export function useStoreSession() {
  const queryClient = useQueryClient();
  return (signedIn: SignedIn | null) => {
    setCsrfToken(signedIn?.csrfToken);
    if (signedIn === null) {
      queryClient.clear();
      queryClient.setQueryData(queryKeys.session, null);
      return;
    }
    // Everything cached belonged to the previous workspace or person.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.session[0] });
    queryClient.setQueryData(queryKeys.session, signedIn);
  };
}

/** Renders its children for a signed-in person; sends anyone else to /sign-in and back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const query = useSessionQuery();
  const queryClient = useQueryClient();
  const location = useLocation();

  useEffect(() => {
    setUnauthenticatedHandler(() => queryClient.setQueryData(queryKeys.session, null));
    return () => setUnauthenticatedHandler(undefined);
  }, [queryClient]);

  const session = useMemo<Session | undefined>(
    () => (query.data ? { ...query.data, abilities: abilitiesOf(query.data.role) } : undefined),
    [query.data],
  );

  if (query.isPending) return <LoadingState label="Loading your workspace" fullPage />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} fullPage />;
  if (!session) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in${next === "/" ? "" : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** Gives screens a session that did not come from `GET /v1/auth/session` (the key portal's). */
export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The session when there is one (components that also render outside a session, in tests). */
export function useOptionalSession(): Session | undefined {
  return useContext(SessionContext);
}

/** The signed-in session; only inside `RequireSession` (or the portal's `SessionProvider`). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession is used outside RequireSession");
  return session;
}
