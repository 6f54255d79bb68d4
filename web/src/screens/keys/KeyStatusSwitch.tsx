/**
 * The Enabled switch of a key (seeds 000, 003): switching off asks first and warns that
 * applications using the key stop at once; switching on does not ask. Both show at once
 * (optimistic) and roll back with a toast when the server refuses. Only people who manage keys
 * see it; a revoked key's switch is off and cannot be turned on.
 */
import { useState } from "react";
import { describeError } from "../../api/errors";
import type { KeyObject } from "../../api/types";
import { useSession } from "../../app/session";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { StatusSwitch } from "../../ui/StatusSwitch";
import { toast } from "../../ui/toast";
import { useSetKeyEnabled } from "./use-keys";

export interface KeyStatusSwitchProps {
  apiKey: Pick<KeyObject, "id" | "name" | "enabled" | "status">;
  /** Show "Enabled"/"Disabled" next to the switch. */
  showLabel?: boolean;
}

export function KeyStatusSwitch({ apiKey, showLabel }: KeyStatusSwitchProps) {
  const { abilities } = useSession();
  const setEnabled = useSetKeyEnabled(apiKey.id);
  const [confirming, setConfirming] = useState(false);
  if (!abilities.canManageKeys) return null;

  const revoked = apiKey.status === "revoked";
  const on = apiKey.enabled && !revoked;
  const change = (next: boolean) => {
    if (!next) {
      setConfirming(true);
      return;
    }
    setEnabled.mutate(true, {
      onSuccess: () => toast(`${apiKey.name} enabled`),
      onError: (error) => toast(`${apiKey.name} was not enabled: ${describeError(error)}`, "error"),
    });
  };

  return (
    <>
      <StatusSwitch
        checked={on}
        onCheckedChange={change}
        label="Enabled"
        visibleLabel={showLabel ? (revoked ? "Revoked" : on ? "Enabled" : "Disabled") : undefined}
        disabled={revoked || setEnabled.isPending}
      />
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Disable ${apiKey.name}?`}
        confirmLabel="Disable key"
        onConfirm={async () => {
          await setEnabled.mutateAsync(false);
          toast(`${apiKey.name} disabled`);
        }}
      >
        <p>
          <strong>Disabling an API key immediately blocks access for applications using that key.</strong>{" "}
          Their requests are refused from the next verification on.
        </p>
        <p>You can enable it again at any time; it works again at once.</p>
      </ConfirmDialog>
    </>
  );
}
