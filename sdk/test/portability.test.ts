/**
 * The core entry point runs on any runtime with fetch: no module of it imports a `node:` module
 * (node:crypto is found at run time), and its Web Crypto hash answers what node:crypto answers.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { HASHES_SYNCHRONOUSLY, sha256Hex, webSha256Hex } from "../src/key-hash.js";

const SOURCES = fileURLToPath(new URL("../src", import.meta.url));

async function coreModules(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "middleware") files.push(...(await coreModules(file)));
    else if (entry.isFile() && entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
      files.push(file);
  }
  return files;
}

describe("the core entry point", () => {
  it("imports no node: module and requires nothing", async () => {
    const modules = await coreModules(SOURCES);
    expect(modules.length).toBeGreaterThan(15);
    for (const file of modules) {
      const text = await readFile(file, "utf8");
      expect([file, /from\s+["']node:|import\(\s*["']node:|require\(/.test(text)]).toEqual([file, false]);
    }
  });

  it("hashes synchronously on Node, and Web Crypto's hash is the same", async () => {
    expect(HASHES_SYNCHRONOUSLY).toBe(true);
    for (const text of ["", "acme_abc", "ünïcödé", "x".repeat(500)]) {
      const expected = createHash("sha256").update(text).digest("hex");
      expect(sha256Hex(text)).toBe(expected);
      expect(await webSha256Hex(text)).toBe(expected);
    }
  });
});
