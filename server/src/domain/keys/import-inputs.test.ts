import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { normaliseSha256 } from "./import-inputs.js";

const digest = (encoding: "hex" | "base64" | "base64url") =>
  createHash("sha256").update("sk_live_x").digest(encoding);

describe("normaliseSha256", () => {
  it("reads hex (either case), base64 (padded or not) and base64url as the stored base64url", () => {
    const stored = digest("base64url");
    expect(normaliseSha256(digest("hex"))).toBe(stored);
    expect(normaliseSha256(digest("hex").toUpperCase())).toBe(stored);
    expect(normaliseSha256(digest("base64"))).toBe(stored);
    expect(normaliseSha256(digest("base64").replace(/=$/, ""))).toBe(stored);
    expect(normaliseSha256(stored)).toBe(stored);
  });

  it("refuses what is not a whole SHA-256", () => {
    const hex = digest("hex");
    for (const value of [
      "",
      hex.slice(1),
      `${hex}0`,
      `${hex.slice(0, 63)}g`,
      digest("base64url").slice(1),
      "x".repeat(44),
    ]) {
      expect(normaliseSha256(value), value).toBeUndefined();
    }
  });

  it("refuses a base64 form whose last character carries stray bits", () => {
    const stored = digest("base64url");
    const last = stored.at(-1) ?? "A";
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const stray = alphabet[(alphabet.indexOf(last) + 1) % 64] ?? "A";
    expect(normaliseSha256(stored.slice(0, -1) + stray)).toBeUndefined();
  });
});
