import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteBackend } from "../../test/backends.js";
import { workspaceRow } from "../../test/store-fixtures.js";
import type { Store } from "../store/database.js";
import { ForeignFormats } from "./foreign-formats.js";

const KEY = `sk_live_${"a".repeat(24)}`;

describe("ForeignFormats", () => {
  let store: Store;
  beforeAll(async () => {
    store = await pgliteBackend.open();
  });
  afterAll(async () => store.close());

  it("admits nothing while no workspace has a format", () => {
    const formats = new ForeignFormats();
    expect(formats.admits(KEY, "ws_a", "own")).toBe(false);
    expect(formats.admits(KEY, "ws_a", "any")).toBe(false);
  });

  it("admits by prefix and pattern, for the workspace's own callers and for reach any", () => {
    const formats = new ForeignFormats();
    formats.apply("ws_a", [{ prefix: "sk_live_", pattern: "^sk_live_[a-z]{24}$" }]);
    expect(formats.admits(KEY, "ws_a", "own")).toBe(true);
    expect(formats.admits(`${KEY}A`, "ws_a", "own")).toBe(false);
    expect(formats.admits(KEY, "ws_b", "own")).toBe(false);
    expect(formats.admits(KEY, "ws_b", "any")).toBe(true);
    formats.apply("ws_a", []);
    expect(formats.admits(KEY, "ws_a", "own")).toBe(false);
    expect(formats.admits(KEY, "ws_b", "any")).toBe(false);
  });

  it("runs no pattern on a key past 512 characters, even with a prefix-only format", () => {
    const formats = new ForeignFormats();
    formats.apply("ws_a", [{ prefix: "legacy-", pattern: null }]);
    expect(formats.admits(`legacy-${"x".repeat(505)}`, "ws_a", "own")).toBe(true);
    expect(formats.admits(`legacy-${"x".repeat(506)}`, "ws_a", "own")).toBe(false);
  });

  it("loads the stored formats, and a message that arrives during the load wins over the row", async () => {
    const withFormats = workspaceRow({
      foreign_key_formats: JSON.stringify([{ prefix: "sk_live_", pattern: null }]),
    });
    const changed = workspaceRow({
      foreign_key_formats: JSON.stringify([{ prefix: "sk_live_", pattern: null }]),
    });
    await store.db.insertInto("workspaces").values([withFormats, changed]).execute();
    const formats = new ForeignFormats();
    const loading = formats.load(store.db);
    formats.apply(changed.id, []);
    await loading;
    expect(formats.admits(KEY, withFormats.id, "own")).toBe(true);
    expect(formats.admits(KEY, changed.id, "own")).toBe(false);
  });
});
