/**
 * The settings screens' routes: Members, Workspace and Root keys inside the signed-in shell, and the public
 * invitation screen (`handle: "public"`), which app/router.tsx mounts outside it. Each screen's
 * code loads on its first visit.
 */
import { lazy, type ReactNode, Suspense } from "react";
import type { RouteObject } from "react-router";
import { LoadingState } from "../../ui/states";

const InviteScreen = lazy(async () => ({ default: (await import("./InviteScreen")).InviteScreen }));
const MembersScreen = lazy(async () => ({ default: (await import("./MembersScreen")).MembersScreen }));
const RootKeysScreen = lazy(async () => ({ default: (await import("./RootKeysScreen")).RootKeysScreen }));
const WorkspaceSettingsScreen = lazy(async () => ({
  default: (await import("./WorkspaceSettingsScreen")).WorkspaceSettingsScreen,
}));

function Loading({ children, label }: { children: ReactNode; label: string }) {
  return <Suspense fallback={<LoadingState label={label} />}>{children}</Suspense>;
}

export const settingsRoutes: RouteObject[] = [
  {
    path: "/settings/members",
    element: (
      <Loading label="Loading the members">
        <MembersScreen />
      </Loading>
    ),
  },
  {
    path: "/settings/workspace",
    element: (
      <Loading label="Loading the workspace settings">
        <WorkspaceSettingsScreen />
      </Loading>
    ),
  },
  {
    path: "/settings/root-keys",
    element: (
      <Loading label="Loading the root keys">
        <RootKeysScreen />
      </Loading>
    ),
  },
  {
    path: "/invite",
    handle: "public",
    element: (
      <Suspense fallback={<LoadingState label="Opening your invitation" fullPage />}>
        <InviteScreen />
      </Suspense>
    ),
  },
];
