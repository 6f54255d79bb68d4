import { describe, expect, it } from "vitest";
import {
  generateKey,
  generateSharedKey,
  hashSecret,
  isSharedKey,
  keyStart,
  PREFIX_PATTERN,
  parseKey,
} from "./key-format.js";

describe("key format", () => {
  it("generates prefix, 32 random base62 characters and a 6-character checksum", () => {
    const key = generateKey("acme");
    expect(key).toMatch(/^acme_[0-9A-Za-z]{38}$/);
    expect(parseKey(key)).toEqual({ prefix: "acme" });
  });

  it("accepts a prefix with one underscore and recognises shared keys", () => {
    const key = generateKey("acme_live");
    expect(parseKey(key)).toEqual({ prefix: "acme_live" });
    const shared = generateSharedKey("acme_live");
    expect(shared.startsWith("acme_live_pk_")).toBe(true);
    expect(isSharedKey(shared)).toBe(true);
    expect(isSharedKey(key)).toBe(false);
  });

  it("refuses a key with one character changed by its checksum", () => {
    const key = generateKey("acme");
    const last = key.at(-10) === "a" ? "b" : "a";
    const typo = `${key.slice(0, -10)}${last}${key.slice(-9)}`;
    expect(parseKey(typo)).toBeUndefined();
  });

  it("refuses wrong shapes", () => {
    for (const bad of [
      "",
      "acme",
      "acme_",
      "_abc",
      `ACME_${"a".repeat(38)}`,
      `acme_${"a".repeat(37)}`,
      `acme_${"-".repeat(38)}`,
      "x".repeat(200),
    ]) {
      expect(parseKey(bad)).toBeUndefined();
    }
  });

  it("never repeats a key in 10,000 draws", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 10_000; i++) seen.add(generateKey("t1"));
    expect(seen.size).toBe(10_000);
  });

  it("hashes with SHA-256 and shows only the start", () => {
    expect(hashSecret("abc")).toBe("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    expect(keyStart("acme_4eC3abcdefghijklmnopqrstuvwxyz012345")).toBe("acme_4eC3");
  });

  it("validates prefixes: lowercase, 2-16 characters, at most one underscore", () => {
    for (const good of ["ac", "acme", "acme_live", "a1_b2"]) expect(PREFIX_PATTERN.test(good)).toBe(true);
    for (const bad of ["a", "Acme", "acme_live_x", "_acme", "acme_", "a".repeat(17), "ac-me"]) {
      expect(PREFIX_PATTERN.test(bad)).toBe(false);
    }
  });
});
