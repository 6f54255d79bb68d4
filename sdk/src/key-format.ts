/**
 * The Keygate key format, checked offline exactly as the server does (server/src/domain/key-format.ts):
 * `{prefix}_{random}{check}`, where the prefix is lowercase `[a-z0-9]` words joined by at most two
 * `_` (`acme`, `acme_live`, `acme_pk` for Shared Keys, `kg_root` for root keys), `random` is 32
 * base62 characters and `check` is 6 base62 characters of the CRC32 of `prefix_random`.
 */

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const RANDOM_LENGTH = 32;
const CHECK_LENGTH = 6;
const BODY_LENGTH = RANDOM_LENGTH + CHECK_LENGTH;
const MAX_KEY_LENGTH = 80;
const BODY_PATTERN = /^[0-9A-Za-z]+$/;
const PREFIX_PATTERN = /^[a-z0-9]+(?:_[a-z0-9]+){0,2}$/;

/** The CRC-32 (IEEE 802.3, as zlib's) lookup table. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of the UTF-8 bytes of an ASCII string (a key's head is ASCII once its shape is checked). */
function crc32(ascii: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < ascii.length; i++) {
    crc = (CRC_TABLE[(crc ^ ascii.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function checksum(head: string): string {
  let value = crc32(head);
  let out = "";
  for (let i = 0; i < CHECK_LENGTH; i++) {
    out = BASE62[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out;
}

/**
 * Whether a string is a well-formed Keygate key (token, Secret Key, Shared Key or root key): its
 * shape and checksum, with no network call. A mistyped or made-up key fails.
 *
 * @example isWellFormed("acme_4eC39HqLyjWDarjtT1zdp7dcXy41Zb") // false unless its checksum matches
 */
export function isWellFormed(key: string): boolean {
  if (typeof key !== "string" || key.length > MAX_KEY_LENGTH) return false;
  const split = key.lastIndexOf("_");
  if (split < 2 || key.length - split - 1 !== BODY_LENGTH) return false;
  const prefix = key.slice(0, split);
  const body = key.slice(split + 1);
  if (!PREFIX_PATTERN.test(prefix) || !BODY_PATTERN.test(body)) return false;
  return checksum(key.slice(0, key.length - CHECK_LENGTH)) === key.slice(key.length - CHECK_LENGTH);
}
