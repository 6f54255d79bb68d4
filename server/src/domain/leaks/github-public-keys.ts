/**
 * GitHub's secret-scanning signing keys, and the check of a report's signature.
 *
 * GitHub signs every report it sends to a partner's endpoint with an ECDSA P-256 key: the
 * `Github-Public-Key-Signature` header is the base64 DER signature (SHA-256) of the raw request
 * body, and `Github-Public-Key-Identifier` names the key. GitHub publishes its keys at
 * https://api.github.com/meta/public_keys/secret_scanning as
 * `{ "public_keys": [{ "key_identifier", "key" (PEM), "is_current" }] }`; the operator saves that
 * document to the file `KEYGATE_SECRET_SCANNING_KEYS_FILE` names.
 *
 * The file is read when first needed and again whenever it changes: each report costs one
 * `fs.stat`, and a new inode, size, modification or change time means a new read, so replacing the
 * file (GitHub rotates its keys) takes effect without a restart. Every listed key is accepted, the
 * current one and the ones GitHub still signs with while it rotates. A file that cannot be read or
 * used answers 503 (UNAVAILABLE) and is logged once per version of the file; it never stops the
 * service.
 */
import { createPublicKey, type KeyObject, verify } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { Logger } from "pino";
import { z } from "zod";
import { ApiError } from "../../errors.js";

const keysFileSchema = z.object({
  public_keys: z
    .array(
      z.object({
        key_identifier: z.string().min(1),
        key: z.string().min(1),
        is_current: z.boolean().optional(),
      }),
    )
    .min(1, "holds no keys"),
});

/** GitHub's keys by identifier. */
export type GitHubKeys = ReadonlyMap<string, KeyObject>;

export const NOT_CONFIGURED_MESSAGE =
  "secret scanning is not configured: set KEYGATE_SECRET_SCANNING_KEYS_FILE";
export const UNUSABLE_MESSAGE =
  "secret scanning is unavailable: the GitHub public keys file cannot be used (the server log says why)";

/** Longest signature header taken: a DER P-256 signature is at most 72 bytes (96 in base64). */
const MAX_SIGNATURE_CHARS = 200;

interface Loaded {
  /** The file's identity and version (inode, size, modification and change times). */
  version: string;
  keys: Promise<GitHubKeys | undefined>;
}

/** Parses the published document into keys; throws with the reason when it cannot be used. */
export function parseGitHubKeys(text: string): GitHubKeys {
  const parsed = keysFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `not the shape GitHub publishes (${issue?.path.join(".") || "document"}: ${issue?.message})`,
    );
  }
  const keys = new Map<string, KeyObject>();
  for (const entry of parsed.data.public_keys) {
    const key = createPublicKey(entry.key);
    if (key.asymmetricKeyType !== "ec" || key.asymmetricKeyDetails?.namedCurve !== "prime256v1") {
      throw new Error(`key ${entry.key_identifier} is not an ECDSA P-256 public key`);
    }
    keys.set(entry.key_identifier, key);
  }
  return keys;
}

/** The keys of the configured file, re-read when it changes. One per app (never module state). */
export class GitHubPublicKeys {
  #loaded: Loaded | undefined;

  constructor(private readonly logger: Logger) {}

  /**
   * The keys of the file at `path`; throws UNAVAILABLE when no file is configured or it cannot be
   * used.
   */
  async keys(path: string | undefined): Promise<GitHubKeys> {
    if (path === undefined) throw new ApiError("UNAVAILABLE", NOT_CONFIGURED_MESSAGE);
    const version = await this.#versionOf(path);
    let loaded = this.#loaded;
    if (loaded === undefined || loaded.version !== version) {
      loaded = { version, keys: this.#read(path, version) };
      this.#loaded = loaded;
    }
    const keys = await loaded.keys;
    if (keys === undefined) throw new ApiError("UNAVAILABLE", UNUSABLE_MESSAGE);
    return keys;
  }

  async #versionOf(path: string): Promise<string> {
    try {
      const info = await stat(path, { bigint: true });
      return `${path}:${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
    } catch (error) {
      return `${path}:unreadable:${(error as NodeJS.ErrnoException).code ?? "error"}`;
    }
  }

  /** Reads and parses the file; logs once and answers undefined when it cannot be used. */
  async #read(path: string, version: string): Promise<GitHubKeys | undefined> {
    try {
      return parseGitHubKeys(await readFile(path, "utf8"));
    } catch (error) {
      this.logger.error(
        { file: path, version, reason: (error as Error).message },
        "the GitHub secret scanning keys file cannot be used; reports are refused with 503",
      );
      return undefined;
    }
  }
}

/**
 * Whether `signature` (base64 DER, as the header carries it) is the signature of exactly these
 * body bytes by this key.
 */
export function isSignedBy(key: KeyObject, body: Buffer, signature: string): boolean {
  if (signature.length === 0 || signature.length > MAX_SIGNATURE_CHARS) return false;
  try {
    return verify("sha256", body, { key, dsaEncoding: "der" }, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
