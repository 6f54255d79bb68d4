/**
 * API Keys at /settings/api-access (seeds 000, 002, 003, 004): the workspace's keys as a table or
 * cards, searched as you type and filtered by External ID (one end user's or customer's keys), app, environment and status, a page of 50 at a time; Create API
 * Key; the Attention filter ("Needs attention" or one badge) and a danger banner while any key is
 * found leaked; an empty state when there are no keys and a no-results state for a search. A plan without
 * API Access sees "Upgrade required" instead when it has no keys, and its existing keys (which keep
 * working) with a banner and no Create API Key when it has some (KeysPlanGate).
 */
import { Plus } from "lucide-react";
import { type ReactNode, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { formatNumber } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import type { KeyStatus } from "../../ui/StatusBadge";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { CreateKeyDialog } from "./CreateKeyDialog";
import { KeyCards } from "./KeyCards";
import { KeysPlanGate, useCanCreateKeys } from "./KeysPlanGate";
import { KeysTable } from "./KeysTable";
import { ATTENTION_FILTERS, ENVIRONMENTS, KeysToolbar, STATUSES } from "./KeysToolbar";
import { LeakedKeysBanner } from "./LeakedKeysBanner";
import { useDebouncedValue } from "./use-debounced-value";
import { type KeyFilters, useAppChoices, useKeysQuery } from "./use-keys";
import { useKeysView } from "./use-keys-view";

const SEARCH_DELAY_MS = 250;

export function KeysScreen() {
  return (
    <KeysPlanGate>
      <KeysList />
    </KeysPlanGate>
  );
}

function statusParam(value: string | null): KeyStatus | "" {
  return STATUSES.find(([status]) => status === value)?.[0] ?? "";
}

function KeysList() {
  const { abilities } = useSession();
  const planAllowsNewKeys = useCanCreateKeys();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get("search") ?? "");
  const settledSearch = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const [externalId, setExternalId] = useState(params.get("externalId") ?? "");
  const settledExternalId = useDebouncedValue(externalId.trim(), SEARCH_DELAY_MS);
  const appId = params.get("app") ?? "";
  const status = statusParam(params.get("status"));
  const environment = ENVIRONMENTS.find(([id]) => id === params.get("environment"))?.[0] ?? "";
  const attention = ATTENTION_FILTERS.find(([id]) => id === params.get("attention"))?.[0] ?? "";
  const [view, setView] = useKeysView();
  const [creating, setCreating] = useState(false);
  const headerCreate = useRef<HTMLButtonElement>(null);

  const filters: KeyFilters = {
    ...(settledSearch ? { search: settledSearch } : {}),
    ...(settledExternalId ? { externalId: settledExternalId } : {}),
    ...(appId ? { appId } : {}),
    ...(environment ? { environment } : {}),
    ...(status ? { status } : {}),
    ...(attention ? { attention } : {}),
  };
  const keys = useKeysQuery(filters);
  const apps = useAppChoices();
  const appList = apps.data?.data ?? [];
  const appTitles = new Map(appList.map((app) => [app.id, app.title]));

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
  const changeExternalId = (value: string) => {
    setExternalId(value);
    setParam("externalId", value.trim());
  };
  const clearAll = () => {
    setSearch("");
    setExternalId("");
    setParams(new URLSearchParams(), { replace: true });
  };

  const filtered = Object.keys(filters).length > 0 || search.trim() !== "" || externalId.trim() !== "";
  const rows = keys.data?.pages.flatMap((page) => page.data) ?? [];
  const canCreate = abilities.can("keys:write") && planAllowsNewKeys;
  const noKeysAtAll = keys.isSuccess && rows.length === 0 && !filtered;

  let content: ReactNode;
  if (keys.isPending) content = <LoadingState label="Loading keys" />;
  else if (keys.isError) content = <ErrorState error={keys.error} onRetry={() => keys.refetch()} />;
  else if (noKeysAtAll) {
    content = (
      <EmptyState
        title="No API keys yet"
        action={
          canCreate && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              <Plus aria-hidden className="size-4" />
              Create API Key
            </Button>
          )
        }
      >
        {canCreate
          ? "Create a key for each application or integration that calls your API; you copy it once, right after it is made."
          : "Nobody has created a key in this workspace yet. Ask an admin when an integration needs one."}
      </EmptyState>
    );
  } else if (rows.length === 0) {
    content = (
      <EmptyState title="No keys match" action={<Button onClick={clearAll}>Clear search and filters</Button>}>
        {settledSearch
          ? `No key has a name, prefix or value matching “${settledSearch}” with these filters.`
          : settledExternalId
            ? `No key belongs to the External ID “${settledExternalId}” with these filters.`
            : attention && Object.keys(filters).length === 1
              ? "No key needs this attention: well kept."
              : "No key matches these filters."}
      </EmptyState>
    );
  } else {
    content = (
      <>
        {view === "table" ? (
          <KeysTable keys={rows} appTitles={appTitles} />
        ) : (
          <KeyCards keys={rows} appTitles={appTitles} />
        )}
        <div className="mt-4 flex flex-col items-center gap-2 text-sm text-slate-600">
          <p aria-live="polite">
            Showing {formatNumber(rows.length)} {rows.length === 1 ? "key" : "keys"}
            {keys.hasNextPage ? "" : filtered ? " (all that match)" : " (all)"}
          </p>
          {keys.hasNextPage && (
            <Button onClick={() => keys.fetchNextPage()} busy={keys.isFetchingNextPage}>
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
        title="API Keys"
        description="Keys authenticate the applications, integrations and devices that call your API. Treat them as sensitive: a new key is shown once."
        actions={
          canCreate &&
          !noKeysAtAll && (
            <Button ref={headerCreate} variant="primary" onClick={() => setCreating(true)}>
              <Plus aria-hidden className="size-4" />
              Create API Key
            </Button>
          )
        }
      />
      <LeakedKeysBanner />
      {!noKeysAtAll && (
        <KeysToolbar
          search={search}
          onSearchChange={setSearch}
          externalId={externalId}
          onExternalIdChange={changeExternalId}
          appId={appId}
          onAppChange={(value) => setParam("app", value)}
          apps={appList}
          environment={environment}
          onEnvironmentChange={(value) => setParam("environment", value)}
          status={status}
          onStatusChange={(value) => setParam("status", value)}
          attention={attention}
          onAttentionChange={(value) => setParam("attention", value)}
          view={view}
          onViewChange={setView}
          busy={keys.isFetching && !keys.isFetchingNextPage}
        />
      )}
      {content}
      {canCreate && (
        <CreateKeyDialog
          open={creating}
          onOpenChange={setCreating}
          returnFocusTo={() => headerCreate.current}
        />
      )}
    </div>
  );
}
