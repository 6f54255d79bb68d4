/**
 * The one key format every Keygate secret uses (root keys, tokens, pair keys):
 *
 *   {prefix}_{random}{check}
 *
 * `random` is 32 base62 characters from a CSPRNG (~190 bits), `check` is 6 base62 characters
 * of the CRC32 of `prefix_random`. A mistyped or made-up key is refused by its checksum with no
 * lookup, and secret scanners can validate leaked keys offline. Secrets are stored only as
 * their SHA-256 ({@link hashSecret}).
 */
import { hash, randomInt } from "node:crypto";
import { crc32 } from "node:zlib";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 32;
const CHECK_LENGTH = 6;
const BODY_LENGTH = RANDOM_LENGTH + CHECK_LENGTH;

export { PREFIX_PATTERN } from "./key-prefix.js";
/** The marker that makes a Shared Key (the public half of a pair) recognisable: `acme_pk_...`. */
export const SHARED_KEY_MARKER = "pk";
/** The prefix of root keys (management credentials). */
export const ROOT_KEY_PREFIX = "kg_root";

/** How many characters of a key identify it in lists without exposing it (`acme_4eC3`). */
const START_RANDOM_CHARS = 4;

const BODY_PATTERN = /^[0-9A-Za-z]+$/;
const FULL_PREFIX_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+){0,2}$/;

function randomBase62(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += BASE62[randomInt(62)];
  return out;
}

function checksum(prefixAndRandom: string): string {
  let value = crc32(prefixAndRandom);
  let out = "";
  for (let i = 0; i < CHECK_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/**
 * A new secret with this prefix.
 * @example generateKey("acme") // "acme_7fK2...Qx91Zb"
 */
export function generateKey(prefix: string): string {
  const head = `${prefix}_${randomBase62(RANDOM_LENGTH)}`;
  return head + checksum(head);
}

/** A new Shared Key (public half of a pair) with this prefix: `acme_pk_...`. */
export function generateSharedKey(prefix: string): string {
  return generateKey(`${prefix}_${SHARED_KEY_MARKER}`);
}

export interface ParsedKey {
  prefix: string;
}

/**
 * Checks the shape and checksum of a presented key without any lookup.
 * Returns the prefix when well formed, `undefined` otherwise.
 */
export function parseKey(key: string): ParsedKey | undefined {
  if (key.length > 80) return undefined;
  const split = key.lastIndexOf("_");
  if (split < 2 || key.length - split - 1 !== BODY_LENGTH) return undefined;
  const prefix = key.slice(0, split);
  const body = key.slice(split + 1);
  if (!FULL_PREFIX_PATTERN.test(prefix) || !BODY_PATTERN.test(body)) return undefined;
  const head = key.slice(0, key.length - CHECK_LENGTH);
  if (checksum(head) !== key.slice(key.length - CHECK_LENGTH)) return undefined;
  return { prefix };
}

/** Whether this well-formed key is a Shared Key (`..._pk_...`). */
export function isSharedKey(key: string): boolean {
  const parsed = parseKey(key);
  return parsed?.prefix.endsWith(`_${SHARED_KEY_MARKER}`) === true;
}

/** SHA-256 of the whole secret, base64url: the only form in which a secret is stored. */
export function hashSecret(secret: string): string {
  // The one-shot hash costs half of createHash().update().digest() (it runs on every verification).
  return hash("sha256", secret, "base64url");
}

/** What identifies a key in lists without exposing it: the prefix and the first random characters. */
export function keyStart(key: string): string {
  const split = key.lastIndexOf("_");
  return key.slice(0, split + 1 + START_RANDOM_CHARS);
}
