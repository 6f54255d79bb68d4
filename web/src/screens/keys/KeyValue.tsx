/**
 * A key's value where lists show it: for a recoverable key (and a person who may reveal it) a
 * masked value with Reveal, then the value with Copy and Hide; otherwise its prefix, with a note
 * when the workspace keeps secrets but this key was made while that was off.
 */
import { Eye, EyeOff } from "lucide-react";
import { describeError } from "../../api/errors";
import type { KeyObject } from "../../api/types";
import { useSession } from "../../app/session";
import { Button } from "../../ui/Button";
import { CopyButton } from "../../ui/CopyButton";
import { toast } from "../../ui/toast";
import { KeyPrefix } from "./KeyPrefix";
import { useRevealKey } from "./use-keys";

export const NOT_REVEALABLE =
  "Cannot be revealed: it was made while recoverable keys were off, so its secret was shown once only.";

/** Whether this person may reveal this key's secret (the menu's Reveal item uses it too). */
export function useCanReveal(apiKey: Pick<KeyObject, "recoverable" | "status">): boolean {
  const { abilities } = useSession();
  return apiKey.recoverable && abilities.canReveal && apiKey.status !== "revoked";
}

export function KeyValue({ apiKey, compact }: { apiKey: KeyObject; compact?: boolean }) {
  const { workspace } = useSession();
  const canReveal = useCanReveal(apiKey);
  const reveal = useRevealKey(apiKey.id);
  const shown = reveal.data?.secret;

  if (!canReveal) {
    return (
      <span className="block">
        <KeyPrefix apiKey={apiKey} />
        {workspace.recoverableKeys && !apiKey.recoverable && (
          <span className="block text-xs text-slate-500" title={NOT_REVEALABLE}>
            {compact ? "Cannot be revealed" : NOT_REVEALABLE}
          </span>
        )}
      </span>
    );
  }

  return (
    <span className="flex min-w-0 flex-wrap items-center gap-1.5">
      <code className="min-w-0 font-mono text-xs break-all text-slate-800">
        {shown ?? (
          <>
            {apiKey.start}
            <span aria-hidden>••••••••••••</span>
            <span className="sr-only"> (hidden)</span>
          </>
        )}
      </code>
      {shown ? (
        <>
          <CopyButton value={shown} size="sm" variant="ghost" />
          <Button size="sm" variant="ghost" onClick={() => reveal.reset()}>
            <EyeOff aria-hidden className="size-4" />
            Hide
          </Button>
        </>
      ) : (
        <Button
          size="sm"
          variant="ghost"
          busy={reveal.isPending}
          onClick={() =>
            reveal.mutate(undefined, {
              onError: (error) => toast(`${apiKey.name} was not revealed: ${describeError(error)}`, "error"),
            })
          }
        >
          <Eye aria-hidden className="size-4" />
          Reveal
        </Button>
      )}
    </span>
  );
}
