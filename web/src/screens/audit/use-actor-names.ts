/**
 * Who an audit event's actor is, in words: a member's name, a root key's name, or "System". The
 * names come from the member and root-key lists the caller may read; an actor no longer in them
 * (a removed member, a deleted root key) is shown by its id.
 */
import { useMemo } from "react";
import { useSession } from "../../app/session";
import { useMembersQuery, useRootKeysQuery } from "../settings/use-members";
import type { AuditEvent } from "./use-audit-events";

export interface ActorChoice {
  id: string;
  label: string;
}

export function useActorNames() {
  const { abilities } = useSession();
  const members = useMembersQuery(abilities.can("members:read"));
  const rootKeys = useRootKeysQuery(abilities.can("root_keys:read"));

  return useMemo(() => {
    const choices: ActorChoice[] = [
      ...(members.data ?? []).map((member) => ({
        id: member.userId,
        label: `${member.name} (${member.email})`,
      })),
      ...(rootKeys.data ?? []).map((key) => ({ id: key.id, label: `Root key ${key.name}` })),
    ];
    const names = new Map(choices.map((choice) => [choice.id, choice.label]));
    const nameOf = (actor: AuditEvent["actor"]): string => {
      if (actor.type === "system" || actor.id === null) return "System";
      return names.get(actor.id) ?? (actor.type === "root_key" ? `Root key ${actor.id}` : actor.id);
    };
    return { choices, nameOf };
  }, [members.data, rootKeys.data]);
}
