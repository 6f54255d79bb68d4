/**
 * The Connected APIs tab of an app (seed 001): the APIs it is connected to, each with the scopes
 * it offers; "Connect APIs" and "Disconnect" for those holding `apps:write`. Disconnecting an API
 * whose scopes a live key still holds is refused by the server, and its reason shown.
 */
import { Plus, Unplug } from "lucide-react";
import { useState } from "react";
import type { App } from "../../api/types";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { EmptyState } from "../../ui/states";
import { toast } from "../../ui/toast";
import { ScopeChips } from "../apis/ScopeChips";
import { ConnectApisDialog } from "./ConnectApisDialog";
import { useUpdateApp } from "./use-apps";

type AppApi = App["apis"][number];

export function ConnectedApisTab({ app }: { app: App }) {
  const { abilities } = useSession();
  const canWrite = abilities.can("apps:write");
  const update = useUpdateApp(app.id);
  const [connecting, setConnecting] = useState(false);
  const [disconnecting, setDisconnecting] = useState<AppApi>();

  const connectButton = canWrite && (
    <Button variant="primary" onClick={() => setConnecting(true)}>
      <Plus aria-hidden className="size-4" />
      Connect APIs
    </Button>
  );

  return (
    <div className="space-y-4">
      {app.apis.length > 0 && (
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
          <p className="text-sm text-slate-600">
            Keys of {app.title} may hold only the scopes these APIs offer.
          </p>
          {connectButton}
        </div>
      )}
      {app.apis.length === 0 ? (
        <EmptyState title="No connected APIs" action={connectButton || undefined}>
          Connect {app.title} to the APIs it calls; its keys may then hold the scopes they offer.
        </EmptyState>
      ) : (
        <ul aria-label={`APIs connected to ${app.title}`} className="space-y-3">
          {app.apis.map((item) => (
            <li
              key={item.id}
              className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:flex-row sm:items-start sm:justify-between"
            >
              <div className="min-w-0 space-y-2">
                <h3 className="text-base font-semibold break-words text-slate-900">{item.name}</h3>
                {item.description && <p className="text-sm break-words text-slate-600">{item.description}</p>}
                <ScopeChips scopes={item.scopes} label={`Scopes of ${item.name}`} />
              </div>
              {canWrite && (
                <Button
                  size="sm"
                  className="shrink-0"
                  onClick={() => setDisconnecting(item)}
                  aria-label={`Disconnect ${item.name}`}
                >
                  <Unplug aria-hidden className="size-4" />
                  Disconnect
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConnectApisDialog
        open={connecting}
        onOpenChange={setConnecting}
        appTitle={app.title}
        connected={app.apiIds}
        canCreateApis={abilities.can("apis:write")}
        onConnect={async (apiIds) => {
          await update.mutateAsync({ apiIds });
          toast(`APIs connected to ${app.title}`);
        }}
      />
      <ConfirmDialog
        open={disconnecting !== undefined}
        onOpenChange={(open) => !open && setDisconnecting(undefined)}
        title={`Disconnect ${disconnecting?.name ?? "API"}?`}
        confirmLabel="Disconnect"
        onConfirm={async () => {
          if (!disconnecting) return;
          await update.mutateAsync({ apiIds: app.apiIds.filter((id) => id !== disconnecting.id) });
          toast(`${disconnecting.name} disconnected`);
        }}
      >
        <p>
          New keys of <strong>{app.title}</strong> can no longer hold the scopes of{" "}
          <strong>{disconnecting?.name}</strong>. While a live key still holds one of them, the change is
          refused.
        </p>
      </ConfirmDialog>
    </div>
  );
}
