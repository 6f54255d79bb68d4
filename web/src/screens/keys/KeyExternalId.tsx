/** A key's External ID (the end user or customer it belongs to), small and muted under its name; nothing without one. */
import { UserRound } from "lucide-react";

export function KeyExternalId({ externalId }: { externalId: string | null }) {
  if (!externalId) return null;
  return (
    <span
      className="flex min-w-0 items-center gap-1 text-xs text-slate-500"
      title={`External ID: ${externalId}`}
    >
      <UserRound aria-hidden className="size-3 shrink-0" />
      <span className="sr-only">External ID: </span>
      <span className="truncate font-mono">{externalId}</span>
    </span>
  );
}
