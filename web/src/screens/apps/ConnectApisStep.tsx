/**
 * New App, step 2: choose the connected APIs the app calls (each with the scopes it offers), then
 * "Connect and Generate Keys" creates the app and its first key pair. A new API can be created
 * here without leaving the steps (it is selected at once), or the app goes on without any.
 */
import { Plus } from "lucide-react";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Button } from "../../ui/Button";
import { ErrorState, LoadingState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { ApiFormDialog } from "../apis/ApiFormDialog";
import { ScopeChips } from "../apis/ScopeChips";
import { useApisQuery, useCreateApi } from "../apis/use-apis";
import { FormAlert } from "../auth/FormAlert";

export interface ConnectApisStepProps {
  selected: readonly string[];
  onSelectedChange(ids: string[]): void;
  /** Back to the details; absent once the app exists. */
  onBack?: (() => void) | undefined;
  onSubmit(): void;
  busy: boolean;
  /** "Connect and Generate Keys", or "Connect APIs" when no keys can be made here. */
  submitLabel: string;
  /** Why no keys will be made, or when they will expire. */
  note?: string | undefined;
  failure?: string | undefined;
  canCreateApis: boolean;
}

export function ConnectApisStep({
  selected,
  onSelectedChange,
  onBack,
  onSubmit,
  busy,
  submitLabel,
  note,
  failure,
  canCreateApis,
}: ConnectApisStepProps) {
  const apis = useApisQuery();
  const createApi = useCreateApi();
  const [creating, setCreating] = useState(false);
  const headingId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  const toggle = (id: string, on: boolean) =>
    onSelectedChange(on ? [...selected, id] : selected.filter((other) => other !== id));

  let list: ReactNode;
  if (apis.isPending) list = <LoadingState label="Loading connected APIs" />;
  else if (apis.isError) list = <ErrorState error={apis.error} onRetry={() => apis.refetch()} />;
  else if (apis.data.length === 0)
    list = (
      <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">
        <p className="font-medium text-slate-900">No connected APIs yet</p>
        <p className="mt-1">
          Keys get their scopes from the APIs their app connects to. You can go on without, and connect APIs
          later.
        </p>
      </div>
    );
  else
    list = (
      <ul className="space-y-2">
        {apis.data.map((item) => {
          const checked = selected.includes(item.id);
          return (
            <li key={item.id}>
              <div className="flex gap-3 rounded-lg border border-slate-200 bg-white p-3 has-checked:border-brand-600 has-checked:bg-brand-50/50">
                <input
                  id={`${headingId}-${item.id}`}
                  type="checkbox"
                  checked={checked}
                  onChange={(event) => toggle(item.id, event.target.checked)}
                  aria-describedby={item.description ? `${headingId}-${item.id}-about` : undefined}
                  className="mt-1 size-4 shrink-0 accent-brand-600"
                />
                <div className="min-w-0 space-y-1.5">
                  <label
                    htmlFor={`${headingId}-${item.id}`}
                    className="block cursor-pointer text-sm font-medium break-words text-slate-900"
                  >
                    {item.name}
                  </label>
                  {item.description && (
                    <p id={`${headingId}-${item.id}-about`} className="text-sm break-words text-slate-600">
                      {item.description}
                    </p>
                  )}
                  <ScopeChips scopes={item.scopes} label={`Scopes of ${item.name}`} />
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    );

  // The create dialog sits beside the form: React events bubble through portals, and its submit
  // must not submit this step.
  return (
    <>
      <form onSubmit={submit} aria-labelledby={headingId} className="space-y-5">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            Select the connected APIs
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            The app's keys may hold the scopes these APIs offer. The first key pair gets all of them.
          </p>
        </div>
        <FormAlert message={failure} />
        {list}
        {canCreateApis && apis.isSuccess && (
          <Button onClick={() => setCreating(true)} disabled={busy}>
            <Plus aria-hidden className="size-4" />
            Create a connected API
          </Button>
        )}
        {note && <p className="text-sm text-slate-600">{note}</p>}
        <div className="flex flex-wrap justify-between gap-2">
          {onBack ? (
            <Button onClick={onBack} disabled={busy}>
              Back
            </Button>
          ) : (
            <span />
          )}
          <Button type="submit" variant="primary" busy={busy} disabled={apis.isPending}>
            {submitLabel}
          </Button>
        </div>
      </form>
      <ApiFormDialog
        open={creating}
        onOpenChange={setCreating}
        onSave={async (values) => {
          const created = await createApi.mutateAsync(values);
          onSelectedChange([...selected, created.id]);
          toast(`${created.name} created and selected`);
        }}
      />
    </>
  );
}
