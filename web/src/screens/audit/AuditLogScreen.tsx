/**
 * `/audit`, the Audit log: every change in the workspace, newest first, filtered by action, actor,
 * target and time (the filters live in the URL, so a filtered view can be shared), paged by
 * cursor, and exported as CSV on plans that include it.
 */
import { ChevronLeft, ChevronRight } from "lucide-react";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { ApiRequestError } from "../../api/errors";
import { Button } from "../../ui/Button";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { AuditEventsTable } from "./AuditEventsTable";
import { AuditFiltersBar } from "./AuditFiltersBar";
import { ExportCsvButton } from "./ExportCsvButton";
import { useActorNames } from "./use-actor-names";
import { type AuditFilters, useAuditEventsQuery } from "./use-audit-events";

const FILTER_NAMES = ["action", "actorId", "targetId", "from", "to"] as const;

function filtersOf(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

function rangeProblem(filters: AuditFilters): string | undefined {
  if (filters.from && filters.to && Date.parse(filters.from) >= Date.parse(filters.to)) {
    return "Must be after From";
  }
  return undefined;
}

export function AuditLogScreen() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const filterKey = params.toString();
  // Cursors of the pages before this one; they start over whenever the filters change.
  const [paging, setPaging] = useState<{ filterKey: string; cursors: string[] }>({ filterKey, cursors: [] });
  const cursors = paging.filterKey === filterKey ? paging.cursors : [];
  const cursor = cursors.at(-1);

  const rangeError = rangeProblem(filters);
  const query = useAuditEventsQuery(filters, cursor);
  const { choices, nameOf, rememberActors } = useActorNames();

  const setFilters = useCallback(
    (next: AuditFilters) => {
      const search = new URLSearchParams();
      for (const name of FILTER_NAMES) {
        const value = next[name];
        if (value) search.set(name, value);
      }
      setParams(search, { replace: true });
    },
    [setParams],
  );

  const error = query.error instanceof ApiRequestError ? query.error : undefined;
  const fieldError = error && error.details.length > 0 ? error : undefined;
  const events = query.data?.data ?? [];
  // Portal users are in no member list: the actor filter offers those the pages have shown.
  useEffect(() => {
    if (query.data) rememberActors(query.data.data);
  }, [query.data, rememberActors]);
  const nextCursor = query.data?.nextCursor ?? null;
  const filtered = Object.keys(filters).length > 0;
  const pageNumber = cursors.length + 1;

  let body: ReactNode;
  if (rangeError) {
    body = null;
  } else if (query.isPending) {
    body = <LoadingState label="Loading the audit log" />;
  } else if (query.isError && !fieldError) {
    body = <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  } else if (query.isError) {
    body = null;
  } else if (events.length === 0) {
    body = (
      <EmptyState title={filtered ? "No events match these filters" : "No events yet"}>
        {filtered
          ? "Change or clear the filters to see more of the audit log."
          : "Every change to keys, apps, connected APIs, members and the workspace is recorded here."}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <AuditEventsTable
          events={events}
          nameOf={nameOf}
          onFilterTarget={(targetId) => setFilters({ ...filters, targetId })}
        />
        <nav aria-label="Audit log pages" className="mt-3 flex items-center justify-between gap-2">
          <p className="text-sm text-slate-600" aria-live="polite">
            Page {pageNumber}
            {query.isFetching && <span className="sr-only"> loading</span>}
          </p>
          <div className="flex gap-2">
            <Button
              size="sm"
              disabled={cursors.length === 0}
              onClick={() => setPaging({ filterKey, cursors: cursors.slice(0, -1) })}
            >
              <ChevronLeft aria-hidden className="size-4" />
              Newer
            </Button>
            <Button
              size="sm"
              disabled={!nextCursor || query.isPlaceholderData}
              onClick={() => nextCursor && setPaging({ filterKey, cursors: [...cursors, nextCursor] })}
            >
              Older
              <ChevronRight aria-hidden className="size-4" />
            </Button>
          </div>
        </nav>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who changed what in this workspace, and when. Secrets never appear here."
        actions={<ExportCsvButton filters={filters} disabled={Boolean(rangeError)} />}
      />
      <AuditFiltersBar
        filters={filters}
        onChange={setFilters}
        actors={choices}
        error={fieldError}
        rangeError={rangeError}
      />
      {body}
    </>
  );
}
