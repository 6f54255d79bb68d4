/**
 * The keys screen's search and filters: "Search keys" (a name, or a whole pasted key; filtered as
 * you type), External ID (the keys of one end user or customer, exactly), App, Environment and
 * Status, Attention ("Needs attention": any badge, or one of them), and the View switch. Labels are visible on wide screens and read on
 * every screen.
 */
import { Search } from "lucide-react";
import type { ReactNode } from "react";
import type { Environment } from "../../app/permissions";
import { cn } from "../../ui/cn";
import { inputClass } from "../../ui/Field";
import type { KeyStatus } from "../../ui/StatusBadge";
import type { AttentionBadge } from "./KeyAttentionBadges";
import type { KeysView } from "./use-keys-view";
import { ViewToggle } from "./ViewToggle";

export interface KeysToolbarProps {
  search: string;
  onSearchChange(search: string): void;
  externalId: string;
  onExternalIdChange(externalId: string): void;
  appId: string;
  onAppChange(appId: string): void;
  apps: ReadonlyArray<{ id: string; title: string }>;
  environment: Environment | "";
  onEnvironmentChange(environment: Environment | ""): void;
  status: KeyStatus | "";
  onStatusChange(status: KeyStatus | ""): void;
  attention: AttentionFilter | "";
  onAttentionChange(attention: AttentionFilter | ""): void;
  view: KeysView;
  onViewChange(view: KeysView): void;
  /** Shown while a search or filter change is being fetched. */
  busy: boolean;
}

export const ENVIRONMENTS: Array<[Environment, string]> = [
  ["production", "Production"],
  ["staging", "Staging"],
  ["development", "Development"],
];

export const STATUSES: Array<[KeyStatus, string]> = [
  ["active", "Active"],
  ["disabled", "Inactive"],
  ["revoked", "Revoked"],
  ["expired", "Expired"],
];

/** `true`: any badge; or keys with one badge. */
export type AttentionFilter = "true" | AttentionBadge;

export const ATTENTION_FILTERS: Array<[AttentionFilter, string]> = [
  ["true", "Needs attention"],
  ["leaked", "Leaked"],
  ["expiring_soon", "Expires soon"],
  ["rotation_due", "Rotation due"],
  ["unused", "Unused"],
  ["no_expiry", "Never expires"],
];

function Labelled({
  id,
  label,
  children,
  className,
}: {
  id: string;
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-1", className)}>
      <label htmlFor={id} className="text-xs font-medium text-slate-600">
        {label}
      </label>
      {children}
    </div>
  );
}

export function KeysToolbar(props: KeysToolbarProps) {
  return (
    <div className="mb-4 flex flex-col gap-3 2xl:flex-row 2xl:items-end">
      <Labelled id="keys-search" label="Search keys" className="flex-1">
        <div className="relative">
          <Search
            aria-hidden
            className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-400"
          />
          <input
            id="keys-search"
            type="search"
            className={cn(inputClass, "pl-8")}
            placeholder="Search by name or paste a key"
            autoComplete="off"
            spellCheck={false}
            value={props.search}
            aria-busy={props.busy || undefined}
            onChange={(event) => props.onSearchChange(event.target.value)}
          />
        </div>
      </Labelled>
      <div className="grid grid-cols-2 gap-3 sm:flex sm:flex-wrap sm:items-end">
        <Labelled id="keys-external-id" label="External ID" className="col-span-2 sm:w-48">
          <input
            id="keys-external-id"
            type="search"
            className={cn(inputClass, "font-mono")}
            placeholder="user_123"
            autoComplete="off"
            spellCheck={false}
            value={props.externalId}
            onChange={(event) => props.onExternalIdChange(event.target.value)}
          />
        </Labelled>
        <Labelled id="keys-app" label="App" className="sm:w-48">
          <select
            id="keys-app"
            className={inputClass}
            value={props.appId}
            onChange={(event) => props.onAppChange(event.target.value)}
          >
            <option value="">All apps</option>
            {props.apps.map((app) => (
              <option key={app.id} value={app.id}>
                {app.title}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="keys-environment" label="Environment" className="sm:w-44">
          <select
            id="keys-environment"
            className={inputClass}
            value={props.environment}
            onChange={(event) =>
              props.onEnvironmentChange(
                ENVIRONMENTS.find(([environment]) => environment === event.target.value)?.[0] ?? "",
              )
            }
          >
            <option value="">All environments</option>
            {ENVIRONMENTS.map(([environment, label]) => (
              <option key={environment} value={environment}>
                {label}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="keys-status" label="Status" className="sm:w-40">
          <select
            id="keys-status"
            className={inputClass}
            value={props.status}
            onChange={(event) =>
              props.onStatusChange(STATUSES.find(([status]) => status === event.target.value)?.[0] ?? "")
            }
          >
            <option value="">All statuses</option>
            {STATUSES.map(([status, label]) => (
              <option key={status} value={status}>
                {label}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="keys-attention" label="Attention" className="sm:w-44">
          <select
            id="keys-attention"
            className={inputClass}
            value={props.attention}
            onChange={(event) =>
              props.onAttentionChange(
                ATTENTION_FILTERS.find(([attention]) => attention === event.target.value)?.[0] ?? "",
              )
            }
          >
            <option value="">All keys</option>
            {ATTENTION_FILTERS.map(([attention, label]) => (
              <option key={attention} value={attention}>
                {label}
              </option>
            ))}
          </select>
        </Labelled>
        <div>
          <ViewToggle view={props.view} onChange={props.onViewChange} />
        </div>
      </div>
    </div>
  );
}
