import { describe, expect, it } from "vitest";
import { WorkspaceStates } from "./workspace-states.js";

const acme = { id: "ws_acme", externalId: "cus_1", plan: "pro", suspended: false } as const;

describe("workspace states", () => {
  it("gives every record of a workspace the one shared object, with its answer's workspace serialised", () => {
    const states = new WorkspaceStates();
    const first = states.fromStore(acme, states.generation);
    const second = states.fromStore(acme, states.generation);
    expect(second).toBe(first);
    expect(first).toEqual({
      ...acme,
      json: '{"id":"ws_acme","externalId":"cus_1","plan":"pro"}',
      version: 0,
    });
  });

  it("changes the shared object in place on a message, and moves its version", () => {
    const states = new WorkspaceStates();
    const state = states.fromStore(acme, states.generation);
    states.apply({ ...acme, plan: "free", suspended: true });
    expect(state).toMatchObject({ plan: "free", suspended: true, version: 1 });
    expect(state.json).toBe('{"id":"ws_acme","externalId":"cus_1","plan":"free"}');
    states.apply({ ...acme, plan: "free", suspended: true });
    expect(state.version).toBe(1);
  });

  it("keeps a message that arrived before any record of the workspace was read", () => {
    const states = new WorkspaceStates();
    const readStarted = states.generation;
    states.apply({ ...acme, suspended: true });
    // The row was read before the suspension committed: it must not undo it.
    expect(states.fromStore(acme, readStarted).suspended).toBe(true);
  });

  it("never lets a row read before a message overwrite it", () => {
    const states = new WorkspaceStates();
    const state = states.fromStore(acme, states.generation);
    const readStarted = states.generation;
    states.apply({ ...acme, plan: "enterprise" });
    expect(states.fromStore(acme, readStarted)).toBe(state);
    expect(state.plan).toBe("enterprise");
  });

  it("refreshes from a row read after the last message (a change made where nothing was published)", () => {
    const states = new WorkspaceStates();
    const state = states.fromStore(acme, states.generation);
    states.fromStore({ ...acme, plan: "enterprise" }, states.generation);
    expect(state).toMatchObject({ plan: "enterprise", version: 1 });
  });

  it("keeps workspaces apart", () => {
    const states = new WorkspaceStates();
    const a = states.fromStore(acme, states.generation);
    states.apply({ id: "ws_other", externalId: null, plan: "free", suspended: true });
    expect(a.suspended).toBe(false);
    expect(states.get("ws_other")).toMatchObject({ suspended: true, externalId: null });
  });
});
