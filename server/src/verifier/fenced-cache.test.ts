/** The cache's answers around a lost invalidation channel (`reset`), over a counting store read. */
import { describe, expect, it } from "vitest";
import { FencedCache, MISSING } from "./fenced-cache.js";

function countingCache() {
  const values = new Map<string, { v: number }>([["a", { v: 1 }]]);
  let reads = 0;
  const cache = new FencedCache<{ v: number }>(
    async (key) => {
      reads += 1;
      return values.get(key);
    },
    { maxEntries: 10, ttlMs: 60_000, maxMissingEntries: 10, missingTtlMs: 5_000 },
  );
  return { cache, values, reads: () => reads };
}

describe("a fenced cache whose node loses its channel", () => {
  it("drops every entry and caches nothing until the channel is back, then caches again", async () => {
    const { cache, values, reads } = countingCache();
    expect(await cache.load("a")).toEqual({ v: 1 });
    expect(await cache.load("x")).toBeUndefined();
    expect(cache.peek("a")).toEqual({ v: 1 });
    expect(cache.peek("x")).toBe(MISSING);

    const before = cache.generation;
    cache.reset(false);
    expect(cache.generation).toBe(before + 1);
    expect(cache.peek("a")).toBeUndefined();
    expect(cache.peek("x")).toBeUndefined();
    // Changes made elsewhere are not heard now: every answer comes from the store, none is kept.
    values.set("a", { v: 2 });
    expect(await cache.load("a")).toEqual({ v: 2 });
    expect(cache.peek("a")).toBeUndefined();
    expect(await cache.load("a")).toEqual({ v: 2 });
    expect(reads()).toBe(4);

    cache.reset(true);
    expect(await cache.load("a")).toEqual({ v: 2 });
    expect(cache.peek("a")).toEqual({ v: 2 });
    expect(reads()).toBe(5);
  });

  it("a read that started before the channel came back is not kept (it may predate a missed change)", async () => {
    const { cache } = countingCache();
    cache.reset(false);
    const reading = cache.load("a");
    cache.reset(true);
    expect(await reading).toEqual({ v: 1 });
    expect(cache.peek("a")).toBeUndefined();
  });
});
