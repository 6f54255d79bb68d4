/**
 * Who an audit event's actor is, in words: a member's name, a root key's name, a portal user's
 * email (people the platform let in through its embedded key portal: `portal:<externalId>`), or
 * "System". Member and root-key names come from the lists the caller may read; an actor no longer
 * in them (a removed member, a deleted root key) is shown by its id. Portal users are in no list,
 * so the filter offers those the caller has seen in the events (`rememberActors`).
 */
import { useCallback, useMemo, useState } from "react";
import { useSession } from "../../app/session";
import { useMembersQuery, useRootKeysQuery } from "../settings/use-members";
import type { AuditEvent } from "./use-audit-events";

export interface ActorChoice {
  id: string;
  label: string;
}

export type Actor = AuditEvent["actor"];

/** A portal user's words: their email, else the platform's id for them without `portal:`. */
export function portalActorName(actor: Pick<Actor, "id" | "label">): string {
  return actor.label ?? actor.id?.replace(/^portal:/, "") ?? "Portal user";
}

/** The actor of a `createdBy` id as the audit trail would give it (a member, a portal user or a root key). */
export function actorOfId(id: string): Actor {
  if (id.startsWith("usr_")) return { id, type: "user", label: null };
  if (id.startsWith("portal:")) return { id, type: "portal", label: null };
  return { id, type: "root_key", label: null };
}

export function useActorNames() {
  const { abilities } = useSession();
  const members = useMembersQuery(abilities.can("members:read"));
  const rootKeys = useRootKeysQuery(abilities.can("root_keys:read"));
  const [portalUsers, setPortalUsers] = useState<ReadonlyMap<string, string>>(new Map());

  /** Adds the portal users of these events to the actor filter's choices. */
  const rememberActors = useCallback((events: readonly AuditEvent[]) => {
    const seen = events.flatMap(({ actor }) =>
      actor.type === "portal" && actor.id ? [[actor.id, portalActorName(actor)] as const] : [],
    );
    setPortalUsers((current) => {
      if (seen.every(([id, label]) => current.get(id) === label)) return current;
      return new Map([...current, ...seen]);
    });
  }, []);

  const names = useMemo(() => {
    const choices: ActorChoice[] = [
      ...(members.data ?? []).map((member) => ({
        id: member.userId,
        label: `${member.name} (${member.email})`,
      })),
      ...(rootKeys.data ?? []).map((key) => ({ id: key.id, label: `Root key ${key.name}` })),
      ...[...portalUsers].map(([id, label]) => ({ id, label: `${label} (portal)` })),
    ];
    const byId = new Map(choices.map((choice) => [choice.id, choice.label]));
    const nameOf = (actor: Actor): string => {
      if (actor.type === "system" || actor.id === null) return "System";
      if (actor.type === "portal")
        return portalActorName({ id: actor.id, label: actor.label ?? portalUsers.get(actor.id) ?? null });
      return byId.get(actor.id) ?? (actor.type === "root_key" ? `Root key ${actor.id}` : actor.id);
    };
    return { choices, nameOf };
  }, [members.data, rootKeys.data, portalUsers]);

  return { ...names, rememberActors };
}
