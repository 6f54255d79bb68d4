/** App Information (seed 001): title, description, the unique App ID with Copy, environment and creation date. */
import type { ReactNode } from "react";
import type { App } from "../../api/types";
import { CopyButton } from "../../ui/CopyButton";
import { formatDateTime } from "../../ui/format";
import { EnvironmentBadge } from "./EnvironmentBadge";

function Item({ term, children, wide }: { term: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "min-w-0 space-y-1 sm:col-span-2 lg:col-span-4" : "min-w-0 space-y-1"}>
      <dt className="text-xs font-medium tracking-wide text-slate-500 uppercase">{term}</dt>
      <dd className="text-sm break-words text-slate-900">{children}</dd>
    </div>
  );
}

export function AppInformation({ app }: { app: App }) {
  return (
    <section
      aria-labelledby="app-information"
      className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:p-5"
    >
      <h2 id="app-information" className="mb-4 text-base font-semibold text-slate-900">
        App Information
      </h2>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Item term="Title">{app.title}</Item>
        <Item term="Environment">
          <EnvironmentBadge environment={app.environment} />
        </Item>
        <Item term="App ID">
          <span className="flex items-center gap-1">
            <code className="font-mono text-xs break-all">{app.id}</code>
            <CopyButton
              value={app.id}
              iconOnlyLabel="Copy App ID"
              size="sm"
              variant="ghost"
              className="shrink-0"
            />
          </span>
        </Item>
        <Item term="Created">
          <time dateTime={app.createdAt}>{formatDateTime(app.createdAt)}</time>
        </Item>
        <Item term="Description" wide>
          {app.description || <span className="text-slate-500">No description</span>}
        </Item>
      </dl>
    </section>
  );
}
