/**
 * Rotate a key (seeds 003, 004): the coordination advice of seed 004, a grace period for the old
 * secret (none, 1 hour, 24 hours, 7 days), then the new secret once in `SecretOnceDialog`. The key
 * keeps its id and settings.
 */
import { useEffect, useState } from "react";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Field, inputClass } from "../../ui/Field";
import { formatDateTime } from "../../ui/format";
import type { KeyDialogProps } from "./DeleteKeyDialog";
import { GRACE_PERIODS } from "./grace-periods";
import { type OnceSecret, SecretOnceDialog, secretOf } from "./SecretOnceDialog";
import { useRotateKey } from "./use-keys";

interface Rotated {
  secret: OnceSecret;
  graceSeconds: number;
  at: number;
}

export function RotateKeyDialog({ apiKey, open, onOpenChange }: KeyDialogProps) {
  const rotate = useRotateKey(apiKey.id);
  const [graceSeconds, setGraceSeconds] = useState(0);
  const [rotated, setRotated] = useState<Rotated | null>(null);
  useEffect(() => {
    if (open) setGraceSeconds(0);
  }, [open]);

  const note = rotated
    ? rotated.graceSeconds === 0
      ? "The previous secret stopped working now."
      : `The previous secret keeps working until ${formatDateTime(new Date(rotated.at + rotated.graceSeconds * 1000).toISOString())}.`
    : undefined;

  return (
    <>
      <ConfirmDialog
        open={open}
        onOpenChange={onOpenChange}
        title={`Rotate ${apiKey.name}?`}
        confirmLabel="Rotate key"
        tone="primary"
        onConfirm={async () => {
          const answer = await rotate.mutateAsync(graceSeconds);
          const secret = secretOf(answer);
          if (secret) setRotated({ secret, graceSeconds, at: Date.now() });
        }}
      >
        <p>A new secret replaces the current one; the key keeps its id and settings.</p>
        {apiKey.environment === "production" && (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
            This is a production key. Do not rotate production keys without coordinating with the person or
            team using them.
          </p>
        )}
        <p>Recommended handoff:</p>
        <ol className="list-decimal space-y-0.5 pl-5">
          <li>Tell the technical owner before rotating.</li>
          <li>Rotate the key.</li>
          <li>Copy and deliver the new key through your approved secure process.</li>
          <li>Ask the technical owner to confirm the update is complete.</li>
        </ol>
        <Field
          label="Grace period"
          hint="How long applications may keep using the old secret while they move to the new one."
        >
          {(props) => (
            <select
              {...props}
              className={inputClass}
              value={graceSeconds}
              onChange={(event) => setGraceSeconds(Number(event.target.value))}
            >
              {GRACE_PERIODS.map((period) => (
                <option key={period.seconds} value={period.seconds}>
                  {period.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </ConfirmDialog>
      <SecretOnceDialog secret={rotated?.secret ?? null} onDone={() => setRotated(null)} note={note} />
    </>
  );
}
