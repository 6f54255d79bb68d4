/**
 * The events an endpoint subscribes to: "Select all" (checked, unchecked or mixed), then each
 * group of event types (Key lifecycle, Key hygiene, Usage limits) as a group of checkboxes, with
 * the form's or the server's message under it.
 */
import { useEffect, useId, useRef } from "react";
import { describeEventType, EVENT_GROUPS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./event-groups";

export interface EventsFieldProps {
  value: readonly string[];
  onChange(events: WebhookEventType[]): void;
  error?: string | undefined;
  disabled?: boolean;
}

const checkboxClass = "mt-0.5 size-4 shrink-0 rounded border-slate-300 accent-brand-600";

export function EventsField({ value, onChange, error, disabled }: EventsFieldProps) {
  const id = useId();
  const all = useRef<HTMLInputElement>(null);
  const chosen = new Set(value);
  const count = WEBHOOK_EVENT_TYPES.filter((type) => chosen.has(type)).length;
  const everything = count === WEBHOOK_EVENT_TYPES.length;

  useEffect(() => {
    if (all.current) all.current.indeterminate = count > 0 && !everything;
  }, [count, everything]);

  const toggle = (type: WebhookEventType, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(type);
    else next.delete(type);
    onChange(WEBHOOK_EVENT_TYPES.filter((candidate) => next.has(candidate)));
  };

  return (
    <fieldset
      className="space-y-3"
      aria-describedby={error ? `${id}-error` : `${id}-count`}
      aria-invalid={error ? true : undefined}
    >
      <legend className="mb-1.5 text-sm font-medium text-slate-800">Events</legend>
      <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
        <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            ref={all}
            type="checkbox"
            className={checkboxClass}
            checked={everything}
            disabled={disabled}
            onChange={(event) => onChange(event.target.checked ? [...WEBHOOK_EVENT_TYPES] : [])}
          />
          Select all
        </label>
        <span id={`${id}-count`} className="text-xs text-slate-600">
          {count} of {WEBHOOK_EVENT_TYPES.length} selected
        </span>
      </div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {EVENT_GROUPS.map((group) => (
          <fieldset key={group.label} className="rounded-md border border-slate-200 px-3 pt-1 pb-2.5">
            <legend className="px-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {group.label}
            </legend>
            <p className="mb-1.5 text-xs text-slate-500">{group.description}</p>
            <ul className="space-y-1">
              {group.types.map((type) => (
                <li key={type}>
                  <label className="flex items-start gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      className={checkboxClass}
                      checked={chosen.has(type)}
                      disabled={disabled}
                      onChange={(event) => toggle(type, event.target.checked)}
                    />
                    <span>
                      {describeEventType(type)}{" "}
                      <code className="font-mono text-xs text-slate-500">{type}</code>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
