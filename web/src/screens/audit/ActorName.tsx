/**
 * An audit event's actor as the table shows it: the name, and for a person who acted through the
 * platform's embedded key portal a "portal" badge beside their email.
 */
import type { Actor } from "./use-actor-names";

export function ActorName({ actor, name }: { actor: Actor; name: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="break-all">{name}</span>
      {actor.type === "portal" && (
        <span
          title={actor.id ?? undefined}
          className="rounded-full bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-indigo-600/20 ring-inset"
        >
          portal
        </span>
      )}
    </span>
  );
}
