/**
 * `keygate scan` on a fixture tree made here: real keys (two made by a live Keygate, one live and
 * one revoked, one made offline) in a .env file and a nested source file are reported by their
 * start with exact positions; a look-alike with a broken checksum, a binary file, a file over 5 MB,
 * node_modules, .git and symbolic links out of the tree are not. `--json` and `--verify` (VALID,
 * REVOKED, NOT_FOUND from the server) too, and docs/gitleaks.md's rules match what they document.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LiveCli, startLiveCli } from "../../test/live-cli.js";
import { generateKey, generateSharedKey, keyStart, ROOT_KEY_PREFIX } from "../domain/key-format.js";
import { MAX_FILE_BYTES, scanPaths } from "./scan-files.js";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const GITLEAKS_DOC = fileURLToPath(new URL("../../../docs/gitleaks.md", import.meta.url));

/** The key with its last (checksum) character changed: the right shape, the wrong checksum. */
function brokenChecksum(key: string): string {
  const last = key.at(-1) ?? "0";
  return key.slice(0, -1) + (BASE62[(BASE62.indexOf(last) + 1) % 62] ?? "0");
}

interface CreatedKey {
  id: string;
  key: string;
}

describe("keygate scan", () => {
  let cli: LiveCli;
  let tree: string;
  let outside: string;
  let live: CreatedKey;
  let revoked: CreatedKey;
  const offline = generateKey("acme");
  const lookAlike = brokenChecksum(generateKey("acme"));

  beforeAll(async () => {
    cli = await startLiveCli();
    const create = async (name: string) =>
      JSON.parse((await cli.run(["keys", "create", "--name", name, "--json"])).out[0] ?? "{}") as CreatedKey;
    live = await create("live");
    revoked = await create("gone");
    expect((await cli.run(["keys", "revoke", revoked.id, "--yes"])).code).toBe(0);

    tree = await mkdtemp(path.join(tmpdir(), "keygate-scan-"));
    outside = await mkdtemp(path.join(tmpdir(), "keygate-scan-outside-"));
    const put = async (file: string, content: string | Buffer) => {
      await mkdir(path.dirname(path.join(tree, file)), { recursive: true });
      await writeFile(path.join(tree, file), content);
    };
    await put(".env", `# local settings\nKEYGATE_KEY=${live.key}\n`);
    await put(
      "src/deep/config.ts",
      [
        "export const config = {",
        `  revoked: "${revoked.key}",`,
        `  offline: '${offline}', lookAlike: "${lookAlike}",`,
        `  glued: "x_${offline}",`,
        "};",
        "",
      ].join("\n"),
    );
    await put("clean/notes.md", `Not keys: ${lookAlike} and ${offline.slice(0, -1)}.\n`);
    await put(
      "assets/logo.bin",
      Buffer.concat([Buffer.from([0x89, 0x50, 0x00, 0x01]), Buffer.from(live.key)]),
    );
    await put("dump.log", `${"x".repeat(MAX_FILE_BYTES)}\n${live.key}\n`);
    await put("node_modules/pkg/index.js", `module.exports = "${live.key}";\n`);
    await put(".git/config", `[credential]\n  token = ${live.key}\n`);
    await writeFile(path.join(outside, "secret.txt"), `${offline}\n`);
    await symlink(path.join(outside, "secret.txt"), path.join(tree, "linked.txt"));
    await symlink(outside, path.join(tree, "linked-folder"));
  });
  afterAll(async () => {
    await cli?.close();
    await rm(tree, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  const at = (file: string) => path.join(tree, file);

  it("prints path:line:column and the key's start for each real key, and exits 1", async () => {
    expect(await cli.run(["scan", tree])).toEqual({
      code: 1,
      out: [
        `${at(".env")}:2:13  ${keyStart(live.key)}`,
        `${at("src/deep/config.ts")}:2:13  ${keyStart(revoked.key)}`,
        `${at("src/deep/config.ts")}:3:13  ${keyStart(offline)}`,
        `${at("src/deep/config.ts")}:4:13  ${keyStart(offline)}`,
      ],
      errors: [
        "keygate: 4 keys found in 2 files (3 scanned); revoke or rotate them (keygate keys revoke <id>) and remove them from the files",
      ],
    });
  });

  it("exits 0 and prints nothing when it finds only look-alikes", async () => {
    expect(await cli.run(["scan", at("clean")])).toEqual({ code: 0, out: [], errors: [] });
  });

  it("scans named files as named (a pre-commit hook's list) and each once", async () => {
    expect(await cli.run(["scan", at(".env"), at("clean/notes.md"), at(".env")])).toEqual({
      code: 1,
      out: [`${at(".env")}:2:13  ${keyStart(live.key)}`],
      errors: [
        "keygate: 1 key found in 1 file (2 scanned); revoke or rotate them (keygate keys revoke <id>) and remove them from the files",
      ],
    });
  });

  it("scans the current folder by default, with paths relative to it", async () => {
    const result = await scanPaths(["."], tree);
    expect(result.scanned).toBe(3);
    expect(result.findings.map(({ path, line, column }) => `${path}:${line}:${column}`)).toEqual([
      ".env:2:13",
      "src/deep/config.ts:2:13",
      "src/deep/config.ts:3:13",
      "src/deep/config.ts:4:13",
    ]);
  });

  it("prints the findings as JSON with --json", async () => {
    const run = await cli.run(["scan", at(".env"), at("src"), "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.out[0] ?? "null")).toEqual({
      findings: [
        { path: at(".env"), line: 2, column: 13, start: keyStart(live.key) },
        { path: at("src/deep/config.ts"), line: 2, column: 13, start: keyStart(revoked.key) },
        { path: at("src/deep/config.ts"), line: 3, column: 13, start: keyStart(offline) },
        { path: at("src/deep/config.ts"), line: 4, column: 13, start: keyStart(offline) },
      ],
      scanned: 2,
    });
  });

  it("asks the server with --verify: the live key VALID, the revoked one REVOKED, never printing a secret", async () => {
    const run = await cli.run(["scan", tree, "--verify"]);
    expect(run).toEqual({
      code: 1,
      out: [
        `${at(".env")}:2:13  ${keyStart(live.key)}  VALID ${live.id}`,
        `${at("src/deep/config.ts")}:2:13  ${keyStart(revoked.key)}  REVOKED ${revoked.id}`,
        `${at("src/deep/config.ts")}:3:13  ${keyStart(offline)}  NOT_FOUND`,
        `${at("src/deep/config.ts")}:4:13  ${keyStart(offline)}  NOT_FOUND`,
      ],
      errors: [
        "keygate: 4 keys found in 2 files (3 scanned), 1 live; revoke or rotate them (keygate keys revoke <id>) and remove them from the files",
      ],
    });
    const printed = [...run.out, ...run.errors].join("\n");
    for (const secret of [live.key, revoked.key, offline]) expect(printed).not.toContain(secret);
    const json = await cli.run(["scan", at(".env"), "--verify", "--json"]);
    expect(JSON.parse(json.out[0] ?? "null")).toEqual({
      findings: [
        {
          path: at(".env"),
          line: 2,
          column: 13,
          start: keyStart(live.key),
          verification: { valid: true, code: "VALID", keyId: live.id },
        },
      ],
      scanned: 1,
    });
  });

  it("needs a Keygate for --verify only: without one it is a usage error (2) and prints no finding", async () => {
    expect(await cli.run(["scan", tree, "--verify"], { connect: false })).toEqual({
      code: 2,
      out: [],
      errors: [
        "keygate: no Keygate to talk to: run keygate login --url <url> --root-key <key>, or set KEYGATE_URL and KEYGATE_ROOT_KEY",
      ],
    });
    expect((await cli.run(["scan", at(".env")], { connect: false })).code).toBe(1);
  });

  it("exits 2 on a usage error: a path that does not exist, an unknown option", async () => {
    expect(await cli.run(["scan", at("nope")])).toEqual({
      code: 2,
      out: [],
      errors: [`keygate: ${at("nope")}: no such file or directory`],
    });
    const unknown = await cli.run(["scan", "--frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.errors[0]).toBe("error: unknown option '--frobnicate'");
  });

  it("documents the pre-commit hook in its help", async () => {
    const run = await cli.run(["scan", "--help"]);
    expect(run.code).toBe(0);
    expect(run.out.join("\n")).toContain(
      "git diff --cached --name-only --diff-filter=ACMR -z | xargs -0 -r keygate scan",
    );
  });
});

interface GitleaksRule {
  id: string;
  regex: string;
  keywords: string[];
}

/** The `[[rules]]` of the TOML blocks in docs/gitleaks.md, read as gitleaks would read them. */
async function documentedRules(): Promise<GitleaksRule[]> {
  const markdown = await readFile(GITLEAKS_DOC, "utf8");
  const blocks = [...markdown.matchAll(/```toml\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
  return blocks
    .join("\n")
    .split("[[rules]]")
    .slice(1)
    .map((rule) => ({
      id: /^id = "([^"]+)"$/m.exec(rule)?.[1] ?? "",
      regex: /^regex = '''(.+)'''$/m.exec(rule)?.[1] ?? "",
      keywords: JSON.parse(/^keywords = (\[.*\])$/m.exec(rule)?.[1] ?? "[]") as string[],
    }));
}

describe("docs/gitleaks.md", () => {
  it("has rules whose regex matches generated keys (whole) and not look-alikes", async () => {
    const rules = await documentedRules();
    expect(rules.map((rule) => rule.id)).toEqual(["keygate-key", "keygate-root-key"]);
    const [keyRule, rootRule] = rules.map((rule) => ({ ...rule, pattern: new RegExp(rule.regex) }));
    if (!keyRule || !rootRule) throw new Error("docs/gitleaks.md lost its rules");

    const matches = (rule: typeof keyRule, text: string) => {
      const found = rule.pattern.exec(text)?.[0];
      // gitleaks runs a rule only on text holding one of its keywords (lowercased).
      return found !== undefined && rule.keywords.some((keyword) => text.toLowerCase().includes(keyword));
    };
    for (let i = 0; i < 50; i++) {
      for (const key of [generateKey("acme"), generateSharedKey("acme")]) {
        expect(keyRule.pattern.exec(`KEYGATE_KEY="${key}"`)?.[0]).toBe(key);
        expect(matches(keyRule, `KEYGATE_KEY="${key}"`)).toBe(true);
      }
      const root = generateKey(ROOT_KEY_PREFIX);
      expect(rootRule.pattern.exec(`token: ${root}\n`)?.[0]).toBe(root);
      expect(matches(rootRule, `token: ${root}\n`)).toBe(true);
    }

    const key = generateKey("acme");
    for (const lookAlike of [
      key.slice(0, -1), // a character short
      `${key}Z`, // a character long
      `${key}_v2`, // part of a longer identifier
      `xacme_${key.slice(5)}`, // another prefix
      `ACME_${key.slice(5)}`, // upper case
      `acme_${key.slice(5, -1)}-`, // not base62
    ]) {
      expect([lookAlike, matches(keyRule, lookAlike)]).toEqual([lookAlike, false]);
    }
    expect(matches(rootRule, `kg_root_${key.slice(5, -1)}`)).toBe(false);
    // A regex cannot check the checksum; keygate scan does (and reports none of these).
    expect(matches(keyRule, brokenChecksum(key))).toBe(true);
    expect((await scanTextOf(brokenChecksum(key))).length).toBe(0);
  });
});

/** What keygate scan finds in a file holding `text`. */
async function scanTextOf(text: string) {
  const dir = await mkdtemp(path.join(tmpdir(), "keygate-scan-text-"));
  try {
    await writeFile(path.join(dir, "file.txt"), text);
    return (await scanPaths(["file.txt"], dir)).findings;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
