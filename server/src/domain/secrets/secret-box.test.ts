import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../errors.js";
import { encryptionKeyId, SealedSecretError, SecretBox } from "./secret-box.js";

const KEY = Buffer.from("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", "hex");
const SECRET = "acme_4eC39HqLyjWDarjtT1zdp7dcAbCdEfGh1a2B3c";

describe("SecretBox", () => {
  it("seals with a fresh IV each time and opens what it sealed", async () => {
    const box = new SecretBox(async () => KEY);
    const first = await box.seal(SECRET, "key_1");
    const second = await box.seal(SECRET, "key_1");
    expect(first).not.toBe(second);
    const [version, keyId, iv, ciphertext, tag] = first.split(".");
    expect(version).toBe("v1");
    expect(keyId).toBe(encryptionKeyId(KEY));
    expect(Buffer.from(iv ?? "", "base64url")).toHaveLength(12);
    expect(Buffer.from(ciphertext ?? "", "base64url")).toHaveLength(Buffer.byteLength(SECRET));
    expect(Buffer.from(tag ?? "", "base64url")).toHaveLength(16);
    expect(first).not.toContain(SECRET);
    expect(await box.open(first, "key_1")).toBe(SECRET);
    expect(await box.open(second, "key_1")).toBe(SECRET);
  });

  it("names its key by a stable hash that is not the key", () => {
    expect(encryptionKeyId(KEY)).toMatch(/^[0-9a-f]{16}$/);
    expect(encryptionKeyId(KEY)).toBe(encryptionKeyId(Buffer.from(KEY)));
    expect(encryptionKeyId(KEY)).not.toBe(encryptionKeyId(randomBytes(32)));
    expect(KEY.toString("hex")).not.toContain(encryptionKeyId(KEY));
  });

  it("opens a sealed secret only for the key it was sealed for", async () => {
    const box = new SecretBox(async () => KEY);
    const sealed = await box.seal(SECRET, "key_1");
    await expect(box.open(sealed, "key_2")).rejects.toBeInstanceOf(SealedSecretError);
  });

  it("refuses a tampered or cut value", async () => {
    const box = new SecretBox(async () => KEY);
    const sealed = await box.seal(SECRET, "key_1");
    const [version, keyId, iv, ciphertext, tag] = sealed.split(".");
    const flipped = Buffer.from(ciphertext ?? "", "base64url");
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    for (const bad of [
      [version, keyId, iv, flipped.toString("base64url"), tag].join("."),
      [version, keyId, iv, ciphertext].join("."),
      [version, keyId, iv, ciphertext, tag, "x"].join("."),
      ["v0", keyId, iv, ciphertext, tag].join("."),
      [version, keyId, "AAAA", ciphertext, tag].join("."),
      "",
    ]) {
      await expect(box.open(bad, "key_1"), bad).rejects.toBeInstanceOf(SealedSecretError);
    }
  });

  it("answers CONFLICT, naming both key ids, for a value another encryption key sealed", async () => {
    const sealed = await new SecretBox(async () => KEY).seal(SECRET, "key_1");
    const other = randomBytes(32);
    const error = await new SecretBox(async () => other).open(sealed, "key_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("CONFLICT");
    expect((error as ApiError).message).toBe(
      `this key's secret was encrypted with another encryption key (id ${encryptionKeyId(KEY)}; this server's is ${encryptionKeyId(other)}): start Keygate with the encryption key it was created under to reveal it`,
    );
  });

  it("loads its key once, and again only after a failed load", async () => {
    let calls = 0;
    const box = new SecretBox(async () => {
      calls += 1;
      if (calls === 1) throw new Error("the disk is read-only");
      return KEY;
    });
    await expect(box.ready()).rejects.toThrow("the disk is read-only");
    await box.seal(SECRET, "key_1");
    await box.seal(SECRET, "key_2");
    expect(calls).toBe(2);
  });

  it("refuses a key that is not 32 bytes", async () => {
    await expect(new SecretBox(async () => randomBytes(16)).ready()).rejects.toThrow(
      "the encryption key must be 32 bytes",
    );
  });
});
