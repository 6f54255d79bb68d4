/**
 * "Recoverable keys" (off by default): with "Keys can be revealed later" on, the secrets of keys
 * created or rotated from then on are also kept encrypted, and admins and owners can reveal them
 * (each reveal is audited). Turning it off erases every kept secret, after a confirmation. Owners
 * change it; everyone else sees its state.
 */
import { useState } from "react";
import { describeError } from "../../api/errors";
import type { Workspace } from "../../api/types";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { StatusSwitch } from "../../ui/StatusSwitch";
import { toast } from "../../ui/toast";

export interface RecoverableKeysSectionProps {
  workspace: Workspace;
  canEdit: boolean;
  /** Turns the setting on or off; throws the API's refusal. */
  onChange(recoverableKeys: boolean): Promise<unknown>;
}

export function RecoverableKeysSection({ workspace, canEdit, onChange }: RecoverableKeysSectionProps) {
  const [confirmingOff, setConfirmingOff] = useState(false);
  const [busy, setBusy] = useState(false);
  const on = workspace.recoverableKeys;

  const turnOn = async () => {
    setBusy(true);
    try {
      await onChange(true);
      toast("Recoverable keys are on: keys created from now on can be revealed later");
    } catch (error) {
      toast(describeError(error), "error");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      aria-labelledby="recoverable-keys"
      className="grid gap-4 border-t border-slate-200 py-6 md:grid-cols-[16rem_minmax(0,1fr)]"
    >
      <div>
        <h2 id="recoverable-keys" className="text-base font-semibold text-slate-900">
          Recoverable keys
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Off by default: a key's secret is shown once, when it is made.
        </p>
      </div>
      <div className="max-w-xl space-y-3 text-sm text-slate-700">
        <StatusSwitch
          label="Keys can be revealed later"
          visibleLabel="Keys can be revealed later"
          checked={on}
          disabled={!canEdit || busy}
          onCheckedChange={(next) => (next ? turnOn() : setConfirmingOff(true))}
        />
        <p>
          When on, the secrets of keys created or rotated from then on are also stored encrypted, and admins
          and owners can reveal and copy them again from the keys screen. Every reveal is recorded in the
          audit log.
        </p>
        <p>
          Keys made while this is off were never stored and stay unrevealable. Verification still compares
          only the secret's SHA-256.
        </p>
      </div>
      <ConfirmDialog
        open={confirmingOff}
        onOpenChange={setConfirmingOff}
        title="Turn off recoverable keys?"
        confirmLabel="Turn off"
        onConfirm={async () => {
          await onChange(false);
          toast("Recoverable keys are off: every kept secret was erased");
        }}
      >
        <p>
          Every secret kept for {workspace.name} is erased at once: no existing key can be revealed again,
          even if you turn this back on. Keys keep working; new keys are shown once only.
        </p>
      </ConfirmDialog>
    </section>
  );
}
