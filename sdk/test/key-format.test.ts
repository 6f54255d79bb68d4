/** isWellFormed agrees with the server's key format on keys the server made, and on broken ones. */
import { describe, expect, it } from "vitest";
import {
  generateKey,
  generateSharedKey,
  parseKey,
  ROOT_KEY_PREFIX,
} from "../../server/src/domain/key-format.js";
import { isWellFormed } from "../src/index.js";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** The key with the character at `index` changed to another base62 character. */
function mistype(key: string, index: number): string {
  const current = key[index] ?? "0";
  const replacement = BASE62[(BASE62.indexOf(current) + 1) % 62] ?? "0";
  return key.slice(0, index) + replacement + key.slice(index + 1);
}

describe("isWellFormed", () => {
  const prefixes = ["acme", "acme_live", "a1", "shop_eu_test", ROOT_KEY_PREFIX];

  it.each(prefixes)("accepts every key the server makes with prefix %s", (prefix) => {
    for (let i = 0; i < 200; i++) expect(isWellFormed(generateKey(prefix))).toBe(true);
  });

  it("accepts Shared Keys of pairs", () => {
    for (let i = 0; i < 100; i++) expect(isWellFormed(generateSharedKey("acme"))).toBe(true);
  });

  it("refuses every single mistyped character, as the server does", () => {
    const key = generateKey("acme");
    for (let index = 5; index < key.length; index++) {
      const typo = mistype(key, index);
      expect(isWellFormed(typo)).toBe(parseKey(typo) !== undefined);
      expect(isWellFormed(typo)).toBe(false);
    }
  });

  it("agrees with the server on broken shapes", () => {
    const key = generateKey("acme");
    const shapes = [
      "",
      "acme",
      key.slice(0, -1),
      `${key}0`,
      key.toUpperCase(),
      key.replace("acme_", "ACME_"),
      key.replace("acme_", "a_"),
      key.replace("acme_", "acme-"),
      `x_y_z_w_${key.slice(5)}`,
      `${"a".repeat(60)}_${key.slice(5)}`,
      key.replace(/.$/, "!"),
      "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
    ];
    for (const shape of shapes)
      expect([shape, isWellFormed(shape)]).toEqual([shape, parseKey(shape) !== undefined]);
  });
});
