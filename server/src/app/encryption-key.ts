/**
 * Where the encryption key of recoverable keys comes from: `KEYGATE_ENCRYPTION_KEY` when set,
 * otherwise the file `encryption.key` in the data folder, which Keygate creates (32 random bytes,
 * base64, mode 0600) the first time it needs one. It logs which, and where, never the key. With
 * `DATABASE_URL` and no `KEYGATE_ENCRYPTION_KEY` the file is this machine's alone, so it says
 * that every node needs the same key.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, link, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { type Config, parseEncryptionKey } from "../config/config.js";
import { ENCRYPTION_KEY_BYTES, encryptionKeyId } from "../domain/secrets/secret-box.js";

export const ENCRYPTION_KEY_FILE = "encryption.key";

/** What the loader says, and how: a pino logger, or anything with these two levels. */
export interface KeyLoaderLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** The encryption key file holds something that is not a 32-byte key. */
export class EncryptionKeyFileError extends Error {
  override name = "EncryptionKeyFileError";
}

async function readKeyFile(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const key = parseEncryptionKey(text);
  if (key === undefined) {
    throw new EncryptionKeyFileError(
      `the encryption key file ${file} does not hold a 32-byte key (base64 or hex): restore it from a backup, or set KEYGATE_ENCRYPTION_KEY`,
    );
  }
  return key;
}

/**
 * Creates the key file unless another process just did; resolves the key the file holds. The file
 * appears whole or not at all (written aside, then linked into place), so a racing reader never
 * sees it half-written.
 */
async function createKeyFile(file: string): Promise<{ key: Buffer; created: boolean }> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(ENCRYPTION_KEY_BYTES);
  const aside = `${file}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  await writeFile(aside, `${key.toString("base64")}\n`, { flag: "wx", mode: 0o600 });
  try {
    await chmod(aside, 0o600);
    await link(aside, file);
    return { key, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const existing = await readKeyFile(file);
    if (existing) return { key: existing, created: false };
    throw error;
  } finally {
    await rm(aside, { force: true });
  }
}

/**
 * Resolves the 32-byte encryption key as configured, creating the data folder's key file when
 * there is neither a configured key nor a file yet.
 * @throws EncryptionKeyFileError when the file holds something else
 */
export async function loadEncryptionKey(
  config: Pick<Config, "encryptionKey" | "dataDir" | "databaseUrl">,
  logger: KeyLoaderLog,
): Promise<Buffer> {
  if (config.encryptionKey) {
    logger.info(
      { encryptionKeyId: encryptionKeyId(config.encryptionKey) },
      "recoverable keys: the encryption key comes from KEYGATE_ENCRYPTION_KEY",
    );
    return config.encryptionKey;
  }
  const file = path.join(config.dataDir, ENCRYPTION_KEY_FILE);
  const existing = await readKeyFile(file);
  const { key, created } = existing ? { key: existing, created: false } : await createKeyFile(file);
  const fields = { file, encryptionKeyId: encryptionKeyId(key) };
  if (created) {
    logger.info(
      fields,
      `recoverable keys: generated a new encryption key in ${file} (mode 0600); back it up with the data, or set KEYGATE_ENCRYPTION_KEY`,
    );
  } else {
    const mode = (await stat(file)).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      logger.warn(
        { ...fields, mode: mode.toString(8) },
        `the encryption key file ${file} is readable by others; chmod 600 it`,
      );
    }
    logger.info(fields, `recoverable keys: the encryption key comes from ${file}`);
  }
  if (config.databaseUrl) {
    logger.warn(
      fields,
      `DATABASE_URL is set but KEYGATE_ENCRYPTION_KEY is not: the encryption key is kept in ${file} on this machine only; give every node the same KEYGATE_ENCRYPTION_KEY, or keys sealed on one cannot be revealed on another`,
    );
  }
  return key;
}

/**
 * Whether the start loads (or creates) the key at once. With the embedded store the data folder is
 * Keygate's anyway; with PostgreSQL and no configured key or file, the file is made only when a
 * workspace first needs it, so a node whose disk is read-only starts all the same.
 */
export function loadsEncryptionKeyAtStart(config: Pick<Config, "encryptionKey" | "dataDir" | "databaseUrl">) {
  return (
    !config.databaseUrl ||
    config.encryptionKey !== undefined ||
    existsSync(path.join(config.dataDir, ENCRYPTION_KEY_FILE))
  );
}
