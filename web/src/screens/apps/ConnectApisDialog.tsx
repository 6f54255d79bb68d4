/**
 * Connect more APIs to an app: a checkbox for each connected API the app does not use yet, with
 * its scopes; "Connect" sends the app's full new set (PATCH apiIds).
 */
import { useEffect, useId, useState } from "react";
import { Link } from "react-router";
import { describeError } from "../../api/errors";
import { Button } from "../../ui/Button";
import { Dialog } from "../../ui/Dialog";
import { ErrorState, LoadingState } from "../../ui/states";
import { ScopeChips } from "../apis/ScopeChips";
import { useApisQuery } from "../apis/use-apis";
import { FormAlert } from "../auth/FormAlert";

export interface ConnectApisDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  appTitle: string;
  connected: readonly string[];
  /** Sends the full new set of API ids. */
  onConnect(apiIds: string[]): Promise<unknown>;
  canCreateApis: boolean;
}

export function ConnectApisDialog({
  open,
  onOpenChange,
  appTitle,
  connected,
  onConnect,
  canCreateApis,
}: ConnectApisDialogProps) {
  const apis = useApisQuery();
  const id = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    if (open) {
      setChosen([]);
      setFailure(undefined);
    }
  }, [open]);

  const available = apis.data?.filter((item) => !connected.includes(item.id)) ?? [];

  const connect = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await onConnect([...connected, ...chosen]);
      onOpenChange(false);
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !busy && onOpenChange(next)}
      title={`Connect APIs to ${appTitle}`}
      description="Its keys may then hold the scopes these APIs offer."
      footer={
        <>
          <Button onClick={() => onOpenChange(false)} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" busy={busy} disabled={chosen.length === 0} onClick={connect}>
            Connect
          </Button>
        </>
      }
    >
      <FormAlert message={failure} />
      {apis.isPending ? (
        <LoadingState label="Loading connected APIs" />
      ) : apis.isError ? (
        <ErrorState error={apis.error} onRetry={() => apis.refetch()} />
      ) : available.length === 0 ? (
        <p className="text-sm text-slate-600">
          {apis.data.length === 0
            ? "There are no connected APIs yet."
            : `${appTitle} uses every connected API.`}{" "}
          {canCreateApis && (
            <Link to="/apis" className="font-medium text-brand-700 underline">
              Create a connected API
            </Link>
          )}
        </p>
      ) : (
        <ul className="mt-2 space-y-2">
          {available.map((item) => (
            <li key={item.id}>
              <div className="flex gap-3 rounded-lg border border-slate-200 p-3 has-checked:border-brand-600 has-checked:bg-brand-50/50">
                <input
                  id={`${id}-${item.id}`}
                  type="checkbox"
                  checked={chosen.includes(item.id)}
                  onChange={(event) =>
                    setChosen((current) =>
                      event.target.checked
                        ? [...current, item.id]
                        : current.filter((other) => other !== item.id),
                    )
                  }
                  className="mt-1 size-4 shrink-0 accent-brand-600"
                />
                <div className="min-w-0 space-y-1.5">
                  <label
                    htmlFor={`${id}-${item.id}`}
                    className="block cursor-pointer text-sm font-medium break-words text-slate-900"
                  >
                    {item.name}
                  </label>
                  <ScopeChips scopes={item.scopes} label={`Scopes of ${item.name}`} />
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
