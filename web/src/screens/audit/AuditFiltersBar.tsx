/**
 * The audit log's filters: action (a kind of event or one action), actor, target id and a time
 * range. Choices apply at once; the target id applies a moment after typing stops. A refusal of
 * the server for one filter is shown under it.
 */
import { type ReactNode, useEffect, useState } from "react";
import type { ApiRequestError } from "../../api/errors";
import { Button } from "../../ui/Button";
import { Field, inputClass } from "../../ui/Field";
import { ACTION_GROUPS, describeAction } from "./audit-actions";
import { isoToLocalInput, localInputToIso } from "./local-datetime";
import type { ActorChoice } from "./use-actor-names";
import type { AuditFilters } from "./use-audit-events";

export interface AuditFiltersBarProps {
  filters: AuditFilters;
  onChange(filters: AuditFilters): void;
  actors: ActorChoice[];
  /** The page query's refusal, for the fields it names. */
  error: ApiRequestError | undefined;
  /** The form's own check of the time range. */
  rangeError: string | undefined;
}

const TARGET_DELAY_MS = 300;

function Cell({ children }: { children: ReactNode }) {
  return <div className="min-w-0">{children}</div>;
}

export function AuditFiltersBar({ filters, onChange, actors, error, rangeError }: AuditFiltersBarProps) {
  const [target, setTarget] = useState(filters.targetId ?? "");

  useEffect(() => setTarget(filters.targetId ?? ""), [filters.targetId]);

  useEffect(() => {
    const value = target.trim() || undefined;
    if (value === filters.targetId) return;
    const timer = setTimeout(() => onChange({ ...filters, targetId: value }), TARGET_DELAY_MS);
    return () => clearTimeout(timer);
  }, [target, filters, onChange]);

  const set = (change: Partial<AuditFilters>) => onChange({ ...filters, ...change });
  const knownActor = !filters.actorId || actors.some((actor) => actor.id === filters.actorId);
  const active = Object.values(filters).some((value) => value !== undefined);

  return (
    <search aria-label="Filter events" className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-[repeat(3,minmax(0,1fr))_repeat(2,minmax(13.5rem,1fr))]">
        <Cell>
          <Field label="Action" error={error?.detailFor("action")}>
            {(props) => (
              <select
                {...props}
                value={filters.action ?? ""}
                onChange={(event) => set({ action: event.target.value || undefined })}
                className={inputClass}
              >
                <option value="">All actions</option>
                {ACTION_GROUPS.map((group) => (
                  <optgroup key={group.prefix} label={group.label}>
                    <option value={group.prefix}>All {group.label.toLowerCase()} events</option>
                    {group.actions.map((action) => (
                      <option key={action} value={action}>
                        {describeAction(action)}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
        </Cell>
        <Cell>
          <Field label="Actor" error={error?.detailFor("actorId")}>
            {(props) => (
              <select
                {...props}
                value={filters.actorId ?? ""}
                onChange={(event) => set({ actorId: event.target.value || undefined })}
                className={inputClass}
              >
                <option value="">Anyone</option>
                {!knownActor && filters.actorId && <option value={filters.actorId}>{filters.actorId}</option>}
                {actors.map((actor) => (
                  <option key={actor.id} value={actor.id}>
                    {actor.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </Cell>
        <Cell>
          <Field label="Target ID" error={error?.detailFor("targetId")}>
            {(props) => (
              <input
                {...props}
                value={target}
                placeholder="key_…, app_…, usr_…"
                spellCheck={false}
                onChange={(event) => setTarget(event.target.value)}
                className={`${inputClass} font-mono`}
              />
            )}
          </Field>
        </Cell>
        <Cell>
          <Field label="From" error={error?.detailFor("from")}>
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                value={isoToLocalInput(filters.from)}
                onChange={(event) => set({ from: localInputToIso(event.target.value) })}
                className={inputClass}
              />
            )}
          </Field>
        </Cell>
        <Cell>
          <Field label="To" error={rangeError ?? error?.detailFor("to")}>
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                value={isoToLocalInput(filters.to)}
                onChange={(event) => set({ to: localInputToIso(event.target.value) })}
                className={inputClass}
              />
            )}
          </Field>
        </Cell>
      </div>
      {active && (
        <div className="mt-3 flex justify-end">
          <Button
            size="sm"
            variant="ghost"
            onClick={() => {
              setTarget("");
              onChange({});
            }}
          >
            Clear filters
          </Button>
        </div>
      )}
    </search>
  );
}
