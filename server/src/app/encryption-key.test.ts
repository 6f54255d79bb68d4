import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.js";
import { encryptionKeyId } from "../domain/secrets/secret-box.js";
import { EncryptionKeyFileError, loadEncryptionKey, loadsEncryptionKeyAtStart } from "./encryption-key.js";

interface Line {
  level: "info" | "warn";
  fields: Record<string, unknown>;
  message: string;
}

/** A logger that keeps what it is told, to check what the start says (and never the key). */
function recordingLogger() {
  const lines: Line[] = [];
  const log = (level: Line["level"]) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message });
  };
  return { lines, logger: { info: log("info"), warn: log("warn") } };
}

describe("the encryption key of recoverable keys", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "keygate-key-"));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it("uses KEYGATE_ENCRYPTION_KEY when set, writing no file", async () => {
    const key = randomBytes(32);
    const config = loadConfig({ KEYGATE_ENCRYPTION_KEY: key.toString("hex"), KEYGATE_DATA_DIR: dir });
    const { lines, logger } = recordingLogger();
    expect(await loadEncryptionKey(config, logger)).toEqual(key);
    expect(lines).toEqual([
      {
        level: "info",
        fields: { encryptionKeyId: encryptionKeyId(key) },
        message: "recoverable keys: the encryption key comes from KEYGATE_ENCRYPTION_KEY",
      },
    ]);
    await expect(stat(path.join(dir, "encryption.key"))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("generates a key file of mode 0600 in the data folder once, says so and where, then reuses it", async () => {
    const data = path.join(dir, "data");
    const config = loadConfig({ KEYGATE_DATA_DIR: data });
    const file = path.join(data, "encryption.key");
    const first = recordingLogger();
    const key = await loadEncryptionKey(config, first.logger);
    expect(key).toHaveLength(32);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, "utf8")).toBe(`${key.toString("base64")}\n`);
    expect(first.lines).toEqual([
      {
        level: "info",
        fields: { file, encryptionKeyId: encryptionKeyId(key) },
        message: `recoverable keys: generated a new encryption key in ${file} (mode 0600); back it up with the data, or set KEYGATE_ENCRYPTION_KEY`,
      },
    ]);
    const second = recordingLogger();
    expect(await loadEncryptionKey(config, second.logger)).toEqual(key);
    expect(second.lines.map((line) => line.message)).toEqual([
      `recoverable keys: the encryption key comes from ${file}`,
    ]);
    for (const line of [...first.lines, ...second.lines]) {
      expect(JSON.stringify(line)).not.toContain(key.toString("base64"));
      expect(JSON.stringify(line)).not.toContain(key.toString("hex"));
    }
  });

  it("with DATABASE_URL and no KEYGATE_ENCRYPTION_KEY still keeps the file, and warns that nodes must share a key", async () => {
    const config = loadConfig({ KEYGATE_DATA_DIR: dir, DATABASE_URL: "postgres://db/keygate" });
    expect(loadsEncryptionKeyAtStart(config)).toBe(false);
    const { lines, logger } = recordingLogger();
    await loadEncryptionKey(config, logger);
    expect(loadsEncryptionKeyAtStart(config)).toBe(true);
    expect(lines.map((line) => [line.level, line.message])).toEqual([
      ["info", expect.stringMatching(/^recoverable keys: generated a new encryption key in /)],
      [
        "warn",
        `DATABASE_URL is set but KEYGATE_ENCRYPTION_KEY is not: the encryption key is kept in ${path.join(dir, "encryption.key")} on this machine only; give every node the same KEYGATE_ENCRYPTION_KEY, or keys sealed on one cannot be revealed on another`,
      ],
    ]);
  });

  it("loads at start with the embedded store or a configured key", () => {
    expect(loadsEncryptionKeyAtStart(loadConfig({ KEYGATE_DATA_DIR: dir }))).toBe(true);
    expect(
      loadsEncryptionKeyAtStart(
        loadConfig({
          KEYGATE_DATA_DIR: dir,
          DATABASE_URL: "postgres://db/keygate",
          KEYGATE_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
        }),
      ),
    ).toBe(true);
  });

  it("reads a hex key file, and warns when others can read it", async () => {
    const key = randomBytes(32);
    const file = path.join(dir, "encryption.key");
    await writeFile(file, `${key.toString("hex")}\n`);
    await chmod(file, 0o644);
    const { lines, logger } = recordingLogger();
    expect(await loadEncryptionKey(loadConfig({ KEYGATE_DATA_DIR: dir }), logger)).toEqual(key);
    expect(lines[0]).toEqual({
      level: "warn",
      fields: { file, encryptionKeyId: encryptionKeyId(key), mode: "644" },
      message: `the encryption key file ${file} is readable by others; chmod 600 it`,
    });
  });

  it("refuses a key file that holds something else, naming the file", async () => {
    const file = path.join(dir, "encryption.key");
    await writeFile(file, "not a key\n", { mode: 0o600 });
    const error = await loadEncryptionKey(
      loadConfig({ KEYGATE_DATA_DIR: dir }),
      recordingLogger().logger,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EncryptionKeyFileError);
    expect((error as Error).message).toBe(
      `the encryption key file ${file} does not hold a 32-byte key (base64 or hex): restore it from a backup, or set KEYGATE_ENCRYPTION_KEY`,
    );
  });

  it("gives two loads racing on a new folder the same key", async () => {
    const config = loadConfig({ KEYGATE_DATA_DIR: path.join(dir, "fresh") });
    const [a, b] = await Promise.all([
      loadEncryptionKey(config, recordingLogger().logger),
      loadEncryptionKey(config, recordingLogger().logger),
    ]);
    expect(a).toEqual(b);
  });
});
