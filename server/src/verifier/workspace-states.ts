/**
 * The workspace half of a verification: one shared {@link WorkspaceState} per workspace, which
 * every cached record of its keys points at. A plan change, a suspension or a deletion arrives as
 * one `{ kind: "workspace" }` invalidation message and updates that object in place, so the very
 * next verification of any cached key of the workspace sees it, without walking the cache.
 *
 * Freshness against the record loader: a message creates the state when none exists yet, and a
 * store row only refreshes a state when no workspace message arrived while it was read (the
 * generation below). So a row read before a change can never undo the change's message, whichever
 * lands first; and a change made where no message is published (the `keygate workspace plan`
 * command in another process) still reaches a cached key when its record is read again (the
 * cache's safety-net TTL).
 *
 * One small object per workspace verified or changed since the start (a few hundred bytes; 5,000
 * tenants hold about a megabyte), kept for the process's life: it is what lets a message reach a
 * record loaded after it.
 */
import type { Plan } from "../store/schema.js";

/** A workspace's state as a verification judges it. */
export interface WorkspaceStateValues {
  id: string;
  /** The platform's id of the tenant; null for the operator's own workspace. */
  externalId: string | null;
  plan: Plan;
  /** Suspended or deleted: its keys verify as WORKSPACE_SUSPENDED. */
  suspended: boolean;
}

export interface WorkspaceState extends WorkspaceStateValues {
  /** `{"id":…,"externalId":…,"plan":…}`: the `workspace` of a cross-tenant VALID answer. */
  json: string;
  /** Moves with every change, so answers built from an older state are built again. */
  version: number;
}

const workspaceJson = (values: WorkspaceStateValues) =>
  JSON.stringify({ id: values.id, externalId: values.externalId, plan: values.plan });

export class WorkspaceStates {
  private readonly states = new Map<string, WorkspaceState>();
  private changes = 0;

  /** Moves with every workspace message: a store read started before it must not overwrite. */
  get generation(): number {
    return this.changes;
  }

  /** The state of this workspace, if verification has seen it. */
  get(id: string): WorkspaceState | undefined {
    return this.states.get(id);
  }

  /** Applies a workspace message: the state changes in place for every record that points at it. */
  apply(values: WorkspaceStateValues): void {
    this.changes += 1;
    const state = this.states.get(values.id);
    if (state === undefined) this.states.set(values.id, newState(values));
    else update(state, values);
  }

  /**
   * The shared state for a workspace row the record loader read, when the read started at
   * `readGeneration`: the row creates it when there is none, and refreshes it only if no message
   * arrived meanwhile (a message is newer than any row read before it).
   */
  fromStore(values: WorkspaceStateValues, readGeneration: number): WorkspaceState {
    const state = this.states.get(values.id);
    if (state === undefined) {
      const created = newState(values);
      this.states.set(values.id, created);
      return created;
    }
    if (readGeneration === this.changes) update(state, values);
    return state;
  }
}

function newState(values: WorkspaceStateValues): WorkspaceState {
  return {
    id: values.id,
    externalId: values.externalId,
    plan: values.plan,
    suspended: values.suspended,
    json: workspaceJson(values),
    version: 0,
  };
}

function update(state: WorkspaceState, values: WorkspaceStateValues): void {
  if (
    state.externalId === values.externalId &&
    state.plan === values.plan &&
    state.suspended === values.suspended
  ) {
    return;
  }
  state.externalId = values.externalId;
  state.plan = values.plan;
  state.suspended = values.suspended;
  state.json = workspaceJson(values);
  state.version += 1;
}
