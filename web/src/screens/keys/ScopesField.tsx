/**
 * The scopes a key may hold: one checkbox per scope that the app's connected APIs offer, grouped
 * by API. A key without an app holds no scopes from here (an app's APIs define them).
 */
import type { ReactNode } from "react";
import type { App } from "../../api/types";
import { LoadingState } from "../../ui/states";
import { useAppWithApis } from "./use-keys";

export interface ScopesFieldProps {
  appId: string;
  value: string[];
  onChange(scopes: string[]): void;
  error?: string | undefined;
  disabled?: boolean;
}

/** Each scope once, with the APIs that offer it. */
function scopesOf(app: App): Array<{ api: string; scopes: string[] }> {
  const seen = new Set<string>();
  const groups: Array<{ api: string; scopes: string[] }> = [];
  for (const api of app.apis) {
    const scopes = api.scopes.filter((scope) => !seen.has(scope));
    for (const scope of scopes) seen.add(scope);
    if (scopes.length > 0) groups.push({ api: api.name, scopes });
  }
  return groups;
}

export function ScopesField({ appId, value, onChange, error, disabled }: ScopesFieldProps) {
  const app = useAppWithApis(appId || undefined);
  const errorId = `scopes-error-${appId}`;
  const toggle = (scope: string, checked: boolean) =>
    onChange(checked ? [...value, scope] : value.filter((held) => held !== scope));

  let body: ReactNode;
  if (!appId) {
    body = (
      <p className="text-sm text-slate-500">
        Pick an app to choose from the scopes its connected APIs offer.
      </p>
    );
  } else if (app.isPending) {
    body = <LoadingState label="Loading the app's scopes" />;
  } else if (app.isError) {
    body = <p className="text-sm text-red-700">The app's scopes could not be loaded.</p>;
  } else {
    const groups = scopesOf(app.data);
    body =
      groups.length === 0 ? (
        <p className="text-sm text-slate-500">The app's connected APIs offer no scopes.</p>
      ) : (
        <div className="space-y-3">
          {groups.map((group) => (
            <div key={group.api}>
              <p className="mb-1 text-xs font-medium tracking-wide text-slate-500 uppercase">{group.api}</p>
              <div className="flex flex-wrap gap-x-4 gap-y-1.5">
                {group.scopes.map((scope) => (
                  <label key={scope} className="inline-flex items-center gap-2 text-sm text-slate-800">
                    <input
                      type="checkbox"
                      className="size-4 rounded border-slate-300 accent-brand-600"
                      checked={value.includes(scope)}
                      disabled={disabled}
                      onChange={(event) => toggle(scope, event.target.checked)}
                    />
                    <span className="font-mono">{scope}</span>
                  </label>
                ))}
              </div>
            </div>
          ))}
        </div>
      );
  }

  return (
    <fieldset aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="mb-1.5 text-sm font-medium text-slate-800">
        Scopes<span className="ml-1 font-normal text-slate-500">(optional)</span>
      </legend>
      {body}
      {error && (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
