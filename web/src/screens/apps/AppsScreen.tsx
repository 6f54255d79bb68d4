/**
 * Apps (`/apps`, seed 001): every application of the workspace as a card grid, with "New App" for
 * those who may create apps; loading, empty and error states, and more cards on demand.
 */
import { Plus } from "lucide-react";
import { Link } from "react-router";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { AppCard } from "./AppCard";
import { useAppsQuery } from "./use-apps";

const primaryLink =
  "inline-flex h-9 items-center gap-1.5 rounded-md bg-brand-600 px-3.5 text-sm font-medium text-white shadow-xs hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

export function AppsScreen() {
  const { abilities } = useSession();
  const apps = useAppsQuery();
  const canCreate = abilities.can("apps:write");
  const items = apps.data?.pages.flatMap((page) => page.data) ?? [];

  const newApp = canCreate && (
    <Link to="/apps/new" className={primaryLink}>
      <Plus aria-hidden className="size-4" />
      New App
    </Link>
  );

  return (
    <div>
      <PageHeader
        title="Apps"
        description="Your applications and integrations. Each has its own key pairs and the APIs it connects to."
        actions={items.length > 0 ? newApp : undefined}
      />
      {apps.isPending ? (
        <LoadingState label="Loading apps" />
      ) : apps.isError ? (
        <ErrorState error={apps.error} onRetry={() => apps.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No apps yet" action={newApp || undefined}>
          An app is an application or integration that calls your platform. Create one, choose the APIs it
          connects to, and get its Shared Key and Secret Key.
          {!canCreate && " Ask an admin to create one."}
        </EmptyState>
      ) : (
        <>
          <ul aria-label="Apps" className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
            {items.map((app) => (
              <AppCard key={app.id} app={app} />
            ))}
          </ul>
          {apps.hasNextPage && (
            <div className="mt-6 flex justify-center">
              <Button onClick={() => apps.fetchNextPage()} busy={apps.isFetchingNextPage}>
                Load more apps
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
