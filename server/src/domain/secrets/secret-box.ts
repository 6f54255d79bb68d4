/**
 * Seals and opens the secrets of recoverable keys with AES-256-GCM (node:crypto): a random 12-byte
 * IV per secret, the key's id as additional authenticated data (a sealed secret opens only for
 * the key it was made for, so a copied column reveals nothing), and the id of the encryption key
 * written with it, so a changed encryption key is told apart from a damaged value.
 *
 * Sealed form: `v1.<encryption key id>.<iv>.<ciphertext>.<tag>`, the last three base64url.
 * The encryption key is loaded on first need (the start asks for it at once, so it says where it
 * is before the first request) and kept for the life of the box.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { conflict } from "../../errors.js";

const VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const ENCRYPTION_KEY_BYTES = 32;

/** An encryption key and its id (a hash of it, safe to store and log; never the key). */
export interface EncryptionKey {
  id: string;
  bytes: Buffer;
}

/**
 * The id written with every sealed secret: 16 hex characters of a SHA-256 of the key.
 * @example encryptionKeyId(Buffer.alloc(32)).length === 16
 */
export function encryptionKeyId(bytes: Buffer): string {
  return createHash("sha256")
    .update("keygate encryption key id\u0000")
    .update(bytes)
    .digest("hex")
    .slice(0, 16);
}

/** A sealed value that is not one this box wrote (damaged, cut, or another format). */
export class SealedSecretError extends Error {
  override name = "SealedSecretError";
}

export class SecretBox {
  private key: Promise<EncryptionKey> | undefined;

  /** @param load resolves the 32-byte encryption key; called once, again only after a failure. */
  constructor(private readonly load: () => Promise<Buffer>) {}

  /** The encryption key, loaded now if it was not yet. */
  ready(): Promise<EncryptionKey> {
    this.key ??= this.load().then(
      (bytes) => {
        if (bytes.length !== ENCRYPTION_KEY_BYTES) throw new Error("the encryption key must be 32 bytes");
        return { id: encryptionKeyId(bytes), bytes };
      },
      (error: unknown) => {
        this.key = undefined;
        throw error;
      },
    );
    return this.key;
  }

  /** Seals a key's secret for that key (its id is bound in as additional data). */
  async seal(secret: string, keyId: string): Promise<string> {
    const key = await this.ready();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key.bytes, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(keyId, "utf8"));
    const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      VERSION,
      key.id,
      iv.toString("base64url"),
      ciphertext.toString("base64url"),
      tag.toString("base64url"),
    ].join(".");
  }

  /**
   * The secret a {@link seal} of this key made.
   * @throws ApiError CONFLICT when another encryption key sealed it (the key was changed)
   * @throws SealedSecretError when the value is damaged or was sealed for another key
   */
  async open(sealed: string, keyId: string): Promise<string> {
    const key = await this.ready();
    const [version, sealedBy, iv, ciphertext, tag, extra] = sealed.split(".");
    if (version !== VERSION || !sealedBy || !iv || ciphertext === undefined || !tag || extra !== undefined) {
      throw new SealedSecretError("not a sealed secret of this format");
    }
    if (sealedBy !== key.id) {
      throw conflict(
        `this key's secret was encrypted with another encryption key (id ${sealedBy}; this server's is ${key.id}): start Keygate with the encryption key it was created under to reveal it`,
      );
    }
    const ivBytes = Buffer.from(iv, "base64url");
    const tagBytes = Buffer.from(tag, "base64url");
    if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
      throw new SealedSecretError("the sealed secret is damaged");
    }
    const decipher = createDecipheriv(ALGORITHM, key.bytes, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(keyId, "utf8"));
    decipher.setAuthTag(tagBytes);
    try {
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, "base64url")),
        decipher.final(),
      ]).toString("utf8");
    } catch {
      throw new SealedSecretError("the sealed secret is damaged or belongs to another key");
    }
  }
}
