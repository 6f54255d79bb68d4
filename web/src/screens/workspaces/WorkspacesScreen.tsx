/**
 * `/workspaces` (platform mode, the operator's owners and admins): the platform's customers, one
 * tenant workspace each (a table, or cards on a phone), newest first, searched by name or External ID as you type and filtered by
 * plan and status (kept in the URL), 50 at a time with Load more; New workspace; and per tenant its
 * plan, suspension, "open as admin" (audited), root keys, branding and deletion. Anyone else (a
 * tenant's people, developers, viewers) is told the screen is not theirs.
 */
import { Plus } from "lucide-react";
import { type ReactNode, useState } from "react";
import { useSearchParams } from "react-router";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { formatNumber } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { useDebouncedValue } from "../keys/use-debounced-value";
import { CreateTenantDialog } from "./CreateTenantDialog";
import { operatorAccessOf } from "./operator-access";
import { TenantCards } from "./TenantCards";
import { TenantsTable } from "./TenantsTable";
import { type TenantStatusFilter, TenantsToolbar } from "./TenantsToolbar";
import type { Plan } from "./tenant-form";
import { useNarrowScreen } from "./use-narrow-screen";
import { type TenantFilters, useTenantsQuery } from "./use-tenants";

const SEARCH_DELAY_MS = 250;
const PLANS: readonly Plan[] = ["free", "pro", "enterprise"];

export function WorkspacesScreen() {
  const session = useSession();
  const access = operatorAccessOf(session);
  if (!access.canRead) {
    return (
      <div>
        <PageHeader title="Workspaces" />
        <EmptyState title="Only the platform's owners and admins see its workspaces">
          This screen lists the customers of the platform that runs this Keygate. It is open to the owners and
          admins of the platform's own workspace.
        </EmptyState>
      </div>
    );
  }
  return <TenantsList canWrite={access.canWrite} />;
}

function TenantsList({ canWrite }: { canWrite: boolean }) {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("search") ?? "");
  const settledSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const plan = PLANS.find((candidate) => candidate === params.get("plan")) ?? "";
  const statusParam = params.get("status");
  const status: TenantStatusFilter =
    statusParam === "active" || statusParam === "suspended" ? statusParam : "";
  const [creating, setCreating] = useState(false);
  const narrow = useNarrowScreen();

  const filters: TenantFilters = {
    ...(settledSearch ? { search: settledSearch } : {}),
    ...(plan ? { plan } : {}),
    ...(status ? { suspended: status === "suspended" ? "true" : "false" } : {}),
  };
  const tenants = useTenantsQuery(filters);

  const setParam = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const changeSearch = (value: string) => {
    setSearch(value);
    setParam("search", value.trim());
  };
  const clearAll = () => {
    setSearch("");
    setParams(new URLSearchParams(), { replace: true });
  };

  const filtered = Object.keys(filters).length > 0 || search.trim() !== "";
  const rows = tenants.data?.pages.flatMap((page) => page.data) ?? [];
  const none = tenants.isSuccess && rows.length === 0 && !filtered;

  let content: ReactNode;
  if (tenants.isPending) content = <LoadingState label="Loading workspaces" />;
  else if (tenants.isError) content = <ErrorState error={tenants.error} onRetry={() => tenants.refetch()} />;
  else if (none) {
    content = (
      <EmptyState
        title="No customer workspaces yet"
        action={
          canWrite && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <Plus aria-hidden className="size-4" />
              New workspace
            </Button>
          )
        }
      >
        Create a workspace for each of your customers, here or from your billing code with{" "}
        <code className="font-mono text-xs">POST /v1/workspaces</code>. Its people then manage their keys in
        your product's key portal.
      </EmptyState>
    );
  } else if (rows.length === 0) {
    content = (
      <EmptyState
        title="No workspaces match"
        action={<Button onClick={clearAll}>Clear search and filters</Button>}
      >
        {settledSearch
          ? `No workspace has a name or External ID containing “${settledSearch}” with these filters.`
          : "No workspace matches these filters."}
      </EmptyState>
    );
  } else {
    content = (
      <>
        {narrow ? (
          <TenantCards tenants={rows} canWrite={canWrite} />
        ) : (
          <TenantsTable tenants={rows} canWrite={canWrite} />
        )}
        <div className="mt-4 flex flex-col items-center gap-2 text-sm text-slate-600">
          <p aria-live="polite">
            Showing {formatNumber(rows.length)} {rows.length === 1 ? "workspace" : "workspaces"}
            {tenants.hasNextPage ? "" : filtered ? " (all that match)" : " (all)"}
          </p>
          {tenants.hasNextPage && (
            <Button onClick={() => tenants.fetchNextPage()} busy={tenants.isFetchingNextPage}>
              Load more
            </Button>
          )}
        </div>
      </>
    );
  }

  return (
    <div>
      <PageHeader
        title="Workspaces"
        description="Your customers, one workspace each: the plan your billing set, their keys, and when a key of theirs was last verified."
        actions={
          canWrite &&
          !none && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <Plus aria-hidden className="size-4" />
              New workspace
            </Button>
          )
        }
      />
      {!none && (
        <TenantsToolbar
          search={search}
          onSearchChange={changeSearch}
          plan={plan}
          onPlanChange={(value) => setParam("plan", value)}
          status={status}
          onStatusChange={(value) => setParam("status", value)}
          busy={tenants.isFetching && !tenants.isFetchingNextPage}
        />
      )}
      {content}
      {canWrite && (
        <CreateTenantDialog
          open={creating}
          onOpenChange={setCreating}
          onCreated={(tenant) => toast(`${tenant.name} created`)}
        />
      )}
    </div>
  );
}
